"""The ``credit_bearing`` slot: whether the course must lead to academic credit.

"credit-bearing", "CATS points", "counts towards a degree" -> true; negated ("I don't need
credits", "credits aren't important") or "non-credit" -> false. Other credits (universal
credit, a credit card, phone credit) are not about courses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlu import vocab
from nlu.extraction.context import Extracted, ScanContext, make_extracted, word_rx


@dataclass(frozen=True)
class _Patterns:
    """The credit's word lists (``data/vocab/nlu/credit.yml``), compiled where they stand."""

    mentions: tuple[re.Pattern[str], ...]
    negation_before: re.Pattern[str]
    negation_after: re.Pattern[str]
    not_course_credit_before: re.Pattern[str]
    #: right after "credit": money, not academic credit ("credit to my account", "credit card")
    not_course_credit_after: re.Pattern[str]
    asked_before: re.Pattern[str]
    undecided: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load(
        "credit",
        "mentions",
        "negation_before",
        "negation_after",
        "not_course_credit_before",
        "wanted_to",
        "asked_before",
        "undecided",
    )
    return _Patterns(
        mentions=tuple(word_rx(group) for group in data.pattern_groups("mentions")),
        negation_before=data.regex("negation_before", r"\b", r"\b(?:[\w'\s-]{0,30})$"),
        negation_after=data.regex(
            "negation_after", r"^[\s,:]*(?:(?:are|is|would\s+be|will\s+be)\s+)?"
        ),
        not_course_credit_before=data.regex("not_course_credit_before", "", r"\s*$"),
        not_course_credit_after=re.compile(
            rf"^\s*(?:to\b(?!\s+(?:{data.pattern('wanted_to')}))|where|card|score)"
        ),
        asked_before=data.regex("asked_before", r"\b", r"$"),
        undecided=data.regex("undecided", r"\b", r"\b"),
    )


def extract_credit(ctx: ScanContext) -> list[Extracted]:
    rx = _patterns()
    scan = ctx.scan
    if rx.undecided.search(scan):
        return []  # "dunno if i need it": no wish either way
    best: tuple[int, int, bool, float] | None = None
    for mention in rx.mentions:
        for m in mention.finditer(scan):
            start, end = m.start(), m.end()
            before_raw = scan[max(0, start - 20) : start]
            if m.group(0).startswith("credit") and rx.not_course_credit_before.search(before_raw):
                continue
            if rx.not_course_credit_after.match(scan[end : end + 20]):
                continue
            if rx.asked_before.search(scan[max(0, start - 25) : start]):
                continue  # "wots credit??": what it is, asked
            left = ctx.left(start, 45)
            if re.search(r"non[\s-]?$", scan[max(0, start - 4) : start]):
                value = False
            else:
                right = ctx.right(end, 45, "sentence")
                value = not (rx.negation_before.search(left) or rx.negation_after.match(right))
            conf = 0.9 if m.group(0) not in ("credit", "credits") else 0.8
            if best is None or (end - start) > (best[1] - best[0]):
                best = (start, end, value, conf)
    if best is None:
        return []
    return [make_extracted(ctx, "credit_bearing", best[2], best[0], best[1], best[3])]
