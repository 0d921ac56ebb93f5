"""The ``delivery`` slot: online or blended (some in-person teaching).

"Online" that is part of a subject ("online marketing") or not about studying ("I found it
online", "I work remotely") is dropped, and so is a choice left open ("online or in
person, either is fine").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from actions.profile_values import DELIVERIES
from nlu import vocab
from nlu.extraction.context import (
    Extracted,
    ScanContext,
    make_extracted,
    negation_before,
    word_rx,
)


@dataclass(frozen=True)
class _Patterns:
    """The delivery's word lists (``data/vocab/nlu/delivery.yml``), compiled where they stand."""

    rules: tuple[tuple[re.Pattern[str], str, float], ...]  # (pattern, delivery, weight)
    online_not_after: re.Pattern[str]
    online_not_before: re.Pattern[str]
    either_is_fine: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load(
        "delivery", "weighted_phrases", "online_not_after", "online_not_before", "either_is_fine"
    )
    return _Patterns(
        rules=tuple(
            (word_rx(pattern), value, weight)
            for pattern, value, weight in data.weighted("weighted_phrases", "delivery", DELIVERIES)
        ),
        online_not_after=data.regex("online_not_after", r"^\s*", r"\b"),
        online_not_before=data.regex(
            "online_not_before",
            r"\b",
            r"\s+(?:it\s+|them\s+|you\s+|this\s+|stuff\s+|things\s+)?$",
        ),
        either_is_fine=re.compile(data.pattern("either_is_fine")),
    )


def extract_delivery(ctx: ScanContext) -> list[Extracted]:
    rx = _patterns()
    scan = ctx.scan
    cands: list[tuple[int, int, str, float]] = []
    for pattern, value, weight in rx.rules:
        for m in pattern.finditer(scan):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e, _, _ in cands):
                continue
            phrase = m.group(0)
            left = ctx.left(start, 40)
            if rx.either_is_fine.search(
                ctx.left(start, 60, "sentence")
                + " "
                + phrase
                + " "
                + ctx.right(end, 60, "sentence")
            ):
                continue  # "online or in person, either is fine"
            if value == "online":
                if rx.online_not_after.match(scan[end : end + 25]):
                    continue
                if rx.online_not_before.search(scan[max(0, start - 25) : start]):
                    continue
                if phrase.startswith("remote") and re.search(
                    r"\b(?:work|working|works|job)\s*(?:\w+\s+)?$", left
                ):
                    continue
                if negation_before().search(left[-20:]):
                    continue
            elif not phrase.startswith("not") and negation_before().search(left[-20:]):
                continue
            cands.append((start, end, value, weight))
    if not cands:
        return []
    best = max(cands, key=lambda c: (c[3], -c[0]))
    return [make_extracted(ctx, "delivery", best[2], best[0], best[1], best[3])]
