"""The ``credit_bearing`` slot: whether the course must lead to academic credit.

"credit-bearing", "CATS points", "counts towards a degree" -> true; negated ("I don't need
credits", "credits aren't important") or "non-credit" -> false. Other credits (universal
credit, a credit card, phone credit) are not about courses.
"""

from __future__ import annotations

import re

from nlu import vocab
from nlu.extraction.context import Extracted, ScanContext, make_extracted, word_rx

_CREDIT_RES = [word_rx(p) for p in vocab.CREDIT_PATTERNS]
_CREDIT_NEG_BEFORE = re.compile(r"\b" + vocab.CREDIT_NEGATION_BEFORE + r"\b(?:[\w'\s-]{0,30})$")
_CREDIT_NEG_AFTER = re.compile(
    r"^[\s,]*(?:(?:are|is|would\s+be|will\s+be)\s+)?" + vocab.CREDIT_NEGATION_AFTER
)
_CREDIT_EXCLUDE = re.compile(
    r"(?:universal|tax|phone|store|top[\s-]?up|in|on|film|movie|end|"
    r"course\s+fee|student\s+loan|pension|bank)\s*$"
)


def extract_credit(ctx: ScanContext) -> list[Extracted]:
    scan = ctx.scan
    best: tuple[int, int, bool, float] | None = None
    for rx in _CREDIT_RES:
        for m in rx.finditer(scan):
            start, end = m.start(), m.end()
            before_raw = scan[max(0, start - 20) : start]
            if m.group(0).startswith("credit") and _CREDIT_EXCLUDE.search(before_raw):
                continue
            if re.match(r"^\s*(?:to\b|where|card|score)", scan[end : end + 12]):
                continue
            left = ctx.left(start, 45)
            if re.search(r"non[\s-]?$", scan[max(0, start - 4) : start]):
                value = False
            else:
                right = ctx.right(end, 45, "sentence")
                value = not (_CREDIT_NEG_BEFORE.search(left) or _CREDIT_NEG_AFTER.match(right))
            conf = 0.9 if m.group(0) not in ("credit", "credits") else 0.8
            if best is None or (end - start) > (best[1] - best[0]):
                best = (start, end, value, conf)
    if best is None:
        return []
    return [make_extracted(ctx, "credit_bearing", best[2], best[0], best[1], best[3])]
