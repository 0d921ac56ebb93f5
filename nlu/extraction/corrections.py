"""An amount taken back and said again: "under £200... actually no, £150".

Each numeric slot (budget, hours a week, longest length) finds its candidate amounts and
picks one by its own rule (the largest budget, an explicit weekly rate first). When the
learner corrects themselves, the amount after the correction is meant, whatever that rule
says: :func:`superseded` drops the candidates said before a correction cue
(``data/vocab/nlu/corrections.yml``) that is followed by a later candidate, or by a bare
number ("actually make that 6", "so let's say 4"), which then stands in the slot's own
unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nlu import vocab
from nlu.extraction.context import ScanContext
from nlu.extraction.numbers import NUM, NUMBER_START, num_value

#: A candidate as the slot modules keep them: (value, start, end, confidence).
Candidate = tuple[float, int, int, float]
#: How far before a cue a corrected amount may stand, and after it the new one (characters).
BEFORE_CUE = 80
AFTER_CUE = 40
#: A bare number corrects only an amount this close before the cue (characters), with no
#: label of another wish between ("forty quid. Hours: ... Call it three").
BARE_BEFORE_CUE = 45
#: Confidence of a bare number read as the corrected amount.
BARE_CONFIDENCE = 0.8


#: A higher amount raises an earlier one only this close after it (characters), and only
#: this close after the raising word ("15 hours a week easy, maybe 20").
RAISE_BEFORE_CUE = 25
RAISE_AFTER_CUE = 12


@dataclass(frozen=True)
class _Patterns:
    cue: re.Pattern[str]
    raise_cue: re.Pattern[str]
    bare: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load("corrections", "cues", "raise_cues", "after_bare_number")
    after = data.pattern("after_bare_number")
    return _Patterns(
        cue=data.regex("cues", r"\b", r"\b"),
        raise_cue=data.regex("raise_cues", r"\b", r"\b"),
        bare=re.compile(NUMBER_START + rf"(?P<n>{NUM})(?=\s*(?:[.,;:!?)]|$)|\s+(?:{after})\b)"),
    )


def superseded(
    ctx: ScanContext, cands: Sequence[Candidate], *, bare_numbers: bool = True
) -> list[Candidate]:
    """``cands`` less those a later correction takes back, plus a bare corrected number
    (unless ``bare_numbers`` is off: a goal is never a number)."""
    if not cands:
        return list(cands)
    rx = _patterns()
    scan = ctx.scan
    kept = list(cands)
    for cue in rx.cue.finditer(scan):
        earlier = [c for c in kept if c[2] <= cue.start() and cue.start() - c[2] <= BEFORE_CUE]
        if not earlier:
            continue
        later = [c for c in kept if c[1] >= cue.end() and c[1] - cue.end() <= AFTER_CUE]
        if later:
            kept = [c for c in kept if c not in earlier]
            continue
        close = [
            c
            for c in earlier
            if cue.start() - c[2] <= BARE_BEFORE_CUE and ":" not in scan[c[2] : cue.start()]
        ]
        bare = _bare_number(ctx, rx, cue.end()) if close and bare_numbers else None
        if bare is not None:
            kept = [c for c in kept if c not in earlier] + [bare]
    return _raised(ctx, kept) if bare_numbers else kept


def _raised(ctx: ScanContext, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` less an amount that a higher one right after "maybe" tops: a range said as
    "15 hours a week easy, maybe 20" counts by its upper bound."""
    kept = list(cands)
    for cue in _patterns().raise_cue.finditer(ctx.scan):
        earlier = [
            c
            for c in kept
            if c[2] <= cue.start()
            and cue.start() - c[2] <= RAISE_BEFORE_CUE
            and not re.search(r"[.:;!?]", ctx.scan[c[2] : cue.start()])  # same sentence
        ]
        if not earlier:
            continue
        later = [c for c in kept if c[1] >= cue.end() and c[1] - cue.end() <= RAISE_AFTER_CUE]
        if not later:
            bare = _bare_number(ctx, _patterns(), cue.end())
            if bare is None or bare[1] - cue.end() > RAISE_AFTER_CUE:
                continue
            later = [bare]
        top = max(c[0] for c in later)
        if all(top > c[0] for c in earlier):
            kept = [c for c in kept if c not in earlier and c not in later] + [
                max(later, key=lambda c: c[0])
            ]
    return kept


def _bare_number(ctx: ScanContext, rx: _Patterns, after: int) -> Candidate | None:
    """The first number with no unit within AFTER_CUE characters after a cue, not claimed
    by another slot ("make that 6, my rota changes", "so 14.")."""
    window = ctx.scan[after : after + AFTER_CUE].split(":")[0]  # not past another label
    for m in rx.bare.finditer(window):
        start, end = after + m.start("n"), after + m.end("n")
        if ctx.is_claimed(start, end):
            continue
        value = num_value(m.group("n"))
        if value is not None and value > 0:
            return (value, start, end, BARE_CONFIDENCE)
    return None


__all__ = ["superseded"]
