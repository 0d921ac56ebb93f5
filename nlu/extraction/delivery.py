"""The ``delivery`` slot: online or blended (some in-person teaching).

"Online" that is part of a subject ("online marketing") or not about studying ("I found it
online", "I work remotely") is dropped, and so is a choice left open ("online or in
person, either is fine").
"""

from __future__ import annotations

import re

from nlu import vocab
from nlu.extraction.context import (
    Extracted,
    ScanContext,
    make_extracted,
    negation_before,
    word_rx,
)

_DELIVERY_RES = [(word_rx("|".join(p)), v, w) for p, v, w in vocab.DELIVERY_PATTERNS]
_ONLINE_NOT_AFTER = re.compile(r"^\s*(?:" + vocab.ONLINE_NOT_DELIVERY_AFTER + r")\b")
_ONLINE_NOT_BEFORE = re.compile(
    r"\b(?:" + vocab.ONLINE_NOT_DELIVERY_BEFORE + r")\s+(?:it\s+|"
    r"them\s+|you\s+|this\s+|stuff\s+|things\s+)?$"
)


_INDIFFERENT_RE = re.compile(
    r"\b(?:online|blended|in[\s-]person|face[\s-]to[\s-]face|classroom|on\s+campus)\s+or\s+"
    r"(?:not|in[\s-]person|blended|face[\s-]to[\s-]face|offline|on\s+campus|classroom|online|"
    r"whatever)\b|\b(?:either|whichever|any)\s+(?:is|are|would\s+be|way)\b|\bboth\s+(?:fine|ok|"
    r"okay|good)\b|\b(?:doesn'?t|does\s+not|don'?t)\s+(?:really\s+)?(?:matter|mind|care)\b"
)


def extract_delivery(ctx: ScanContext) -> list[Extracted]:
    scan = ctx.scan
    cands: list[tuple[int, int, str, float]] = []
    for rx, value, weight in _DELIVERY_RES:
        for m in rx.finditer(scan):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e, _, _ in cands):
                continue
            phrase = m.group(0)
            left = ctx.left(start, 40)
            if _INDIFFERENT_RE.search(
                ctx.left(start, 60, "sentence")
                + " "
                + phrase
                + " "
                + ctx.right(end, 60, "sentence")
            ):
                continue  # "online or in person, either is fine"
            if value == "online":
                if _ONLINE_NOT_AFTER.match(scan[end : end + 25]):
                    continue
                if _ONLINE_NOT_BEFORE.search(scan[max(0, start - 25) : start]):
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
