"""Requests to change the last list ("cheaper", "anything free?", "shorter ones").

Each kind is a value of the ``refinement`` entity; the phrase lists are data
(``data/vocab/refinements.yml``). A phrase right after a negation ("not online", "no
need for credit") or inside a phrase that is about something else ("free time",
"universal credit") is not a refinement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrases
from actions.profile_values import REFINEMENTS as KINDS

REFINEMENTS_PATH = VOCAB_DIR / "refinements.yml"


@dataclass(frozen=True)
class Refinement:
    kind: str
    start: int
    end: int
    #: The phrase only says what the learner can afford ("money is tight"): an amount said
    #: with it is the wish instead.
    means_only: bool = False


@dataclass(frozen=True)
class _Patterns:
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    negated_left: re.Pattern[str]
    exceptions: re.Pattern[str]
    means_only: re.Pattern[str]


@lru_cache(maxsize=2)
def _patterns(path: Path = REFINEMENTS_PATH) -> _Patterns:
    raw = load_yaml(path)
    unknown = sorted(set(raw) - {*KINDS, "negated_by", "not_refinements", "means_only"})
    if unknown:
        raise ValueError(f"{path}: unknown refinement kinds {unknown}; expected {KINDS}")
    kinds = tuple((kind, re.compile(alternation(phrases(raw, kind, path)))) for kind in KINDS)
    negated = alternation(phrases(raw, "negated_by", path))
    return _Patterns(
        kinds=kinds,
        # A negation reaches up to two words on, not past "but" ("without credit but shorter").
        negated_left=re.compile(negated + r"\s+(?:(?!but\b)\w+\s+){0,2}$"),
        exceptions=re.compile(alternation(phrases(raw, "not_refinements", path))),
        means_only=re.compile(alternation(phrases(raw, "means_only", path))),
    )


def find_refinements(text: str) -> list[Refinement]:
    """Every phrase in ``text`` that asks for a refinement, in message order (a kind may
    appear more than once: "not spend much, we're on a pension")."""
    patterns = _patterns()
    lowered = text[:2000].lower()
    blocked = [(m.start(), m.end()) for m in patterns.exceptions.finditer(lowered)]
    found: list[Refinement] = []
    for kind, rx in patterns.kinds:
        for m in rx.finditer(lowered):
            if any(s <= m.start() < e for s, e in blocked):
                continue
            if patterns.negated_left.search(lowered[max(0, m.start() - 30) : m.start()]):
                continue
            means = patterns.means_only.fullmatch(m.group()) is not None
            found.append(Refinement(kind, m.start(), m.end(), means))
    return sorted(_longest(found), key=lambda r: r.start)


def _longest(found: list[Refinement]) -> list[Refinement]:
    """``found`` less any phrase inside a longer one of another kind ("less time" in
    "less time a week": lighter, not shorter)."""
    return [
        r
        for r in found
        if not any(
            o.kind != r.kind
            and o.start <= r.start
            and r.end <= o.end
            and o.end - o.start > r.end - r.start
            for o in found
        )
    ]
