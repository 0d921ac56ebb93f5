"""The ``max_weeks`` slot: the longest course the learner wants, in weeks.

A month is 4 weeks, a year 52, a fortnight 2. Lengths are wishes only with a duration cue
("within 6 months", "a 2 year course", "8 weeks max") or as the whole answer; experience
("20 years in retail"), ages ("my 3 year old"), past events ("6 months ago") and rates ("£30
a month") are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlu import vocab
from nlu.currency import foreign_amount_spans
from nlu.extraction.context import Extracted, ScanContext, make_extracted
from nlu.extraction.corrections import superseded
from nlu.extraction.numbers import NUM, clean_number, has_digits_issue, num_value

_WEEK_UNIT = r"(?:weeks?|wks?|months?|mths?|mnths?|years?|yrs?|fortnights?)"
_WEEKS_RE = re.compile(
    r"(?<![\w.,£$€])"
    r"(?:(?P<between>between)\s+)?"
    r"(?:(?P<lo>" + NUM + r")\s*(?:-|–|—|to|or|and)\s*)?"
    r"(?P<n>" + NUM + r"|(?:a\s+)?couple(?:\s+of)?|half\s+an?|an?|one)"
    r"\s*-?\s*(?P<unit>" + _WEEK_UNIT + r")(?![a-z])"
    r"(?P<half>\s+and\s+a\s+half)?"
)


#: Longest length (weeks) read as the longest course wanted without a limit before it ("within
#: 2 years") or a wish after it ("a 2 year course"): a short course takes weeks or months, so a
#: longer time said otherwise is how long something else took or will take.
LONGEST_WITHOUT_LIMIT = 52


@dataclass(frozen=True)
class _Patterns:
    """The length's word lists (``data/vocab/nlu/weeks.yml``), compiled where they stand."""

    units: dict[str, float]  # weeks per unit
    wish_before: re.Pattern[str]
    limit_before: re.Pattern[str]
    wish_after: re.Pattern[str]
    not_wish_before: re.Pattern[str]
    not_wish_after: re.Pattern[str]
    new_clause_after: re.Pattern[str]
    rate_before: re.Pattern[str]
    years_before: re.Pattern[str]
    whole_answer_before: re.Pattern[str]
    whole_answer_after: re.Pattern[str]
    maximum_before: re.Pattern[str]
    deadline_after: re.Pattern[str]


_KEYS = (
    "units",
    "wish_before",
    "limit_before",
    "hedges",
    "wish_after",
    "not_wish_before",
    "not_wish_after",
    "new_clause_after",
    "rate_before",
    "years_before",
    "whole_answer_before",
    "whole_answer_after",
    "maximum_before",
    "deadline_after",
)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load("weeks", *_KEYS)
    hedges = r"\s*(?:" + data.pattern("hedges") + r")?\s*$"
    return _Patterns(
        units=data.numbers("units"),
        wish_before=data.regex("wish_before", "", r"\s*$"),
        limit_before=data.regex("limit_before", "", hedges),
        wish_after=data.regex("wish_after", r"^\s*-?\s*", r"\b"),
        not_wish_before=data.regex("not_wish_before", r"\b", r"\b"),
        not_wish_after=data.regex("not_wish_after", r"^\s*-?\s*"),
        new_clause_after=data.regex("new_clause_after", r"^\s*,?\s*", r"\b"),
        rate_before=data.regex("rate_before", "", r"\s*$"),
        years_before=data.regex("years_before", "", r"\s*$"),
        whole_answer_before=data.regex("whole_answer_before", r"[\s\W]*(?:", r"\s*)*"),
        whole_answer_after=data.regex("whole_answer_after", r"(?:\s*", r")*[\s.!?]*"),
        maximum_before=data.regex("maximum_before", r"\b(?:", r")" + hedges),
        deadline_after=data.regex("deadline_after", r"^\s*(?:", r")\b"),
    )


def extract_weeks(ctx: ScanContext) -> list[Extracted]:
    rx = _patterns()
    scan = ctx.scan
    cands: list[tuple[float, int, int, float]] = []
    # where amounts of foreign money end: "4,500 cedis a month" is a rate, not a length
    money_ends = [end for _, end in foreign_amount_spans(scan)]
    for m in _WEEKS_RE.finditer(scan):
        n_start = m.start("n")
        if ctx.is_claimed(n_start, m.end("n")):
            continue
        unit_raw = m.group("unit").rstrip("s")
        factor = rx.units.get(unit_raw)
        if factor is None:
            continue
        n_txt = m.group("n").strip()
        article = n_txt in ("a", "an", "one") or n_txt.startswith("half")
        if has_digits_issue(n_txt):
            continue
        if n_txt.startswith("half"):
            n_val: float | None = 0.5
        else:
            n_val = num_value(n_txt)
        if n_val is None:
            continue
        if m.group("half"):
            n_val += 0.5
        start = n_start
        if m.group("lo"):
            connector = scan[m.end("lo") : n_start]
            if "and" not in connector or m.group("between"):
                start = m.start("between") if m.group("between") else m.start("lo")
        end = m.end()
        value = n_val * factor
        left = ctx.left(start, 60)
        left_near = scan[max(0, start - 40) : start]
        right = scan[end : end + 40]
        if article and (
            rx.rate_before.search(left_near[-14:]) or any(0 <= start - e <= 2 for e in money_ends)
        ):
            continue  # "5 hours a week", "£30 a month", "4,500 cedis a month", "twice a week"
        if re.match(r"^\s*(?:-|\s)?\s*(?:olds?|old\b)", right):
            continue
        if rx.whole_answer_before.fullmatch(scan[:start]) and rx.whole_answer_after.fullmatch(
            scan[end:]
        ):
            # the whole message is the answer: "a fortnight", "about a year", "6 months max"
            cands.append((value, start, end, 0.8))
            ctx.claimed.append((start, end))
            continue
        neg_left = rx.not_wish_before.search(left[-45:])
        strong_left = rx.limit_before.search(left_near)
        neg_right = rx.not_wish_after.match(right) or (
            rx.new_clause_after.match(right) and not strong_left
        )
        pos_left = rx.wish_before.search(left_near)
        pos_right = rx.wish_after.match(right)
        deadline = rx.maximum_before.search(left_near) and rx.deadline_after.match(right)
        if neg_right and not (pos_right or deadline):
            continue  # "6 weeks before my exam" (but "max 6 weeks before high season")
        if neg_left and not strong_left and not pos_right:
            continue
        if article or unit_raw in ("year", "yr"):
            if not (pos_left or pos_right):
                continue
            if unit_raw in ("year", "yr") and not (
                strong_left or pos_right or rx.years_before.search(left_near)
            ):
                continue
        if value > LONGEST_WITHOUT_LIMIT and not (strong_left or pos_right):
            continue  # "ran a supply point for 3 yrs", "ETS in 14 months": no course length
        conf = 0.9 if (strong_left or pos_right) else (0.8 if pos_left else 0.65)
        if not 0 < value <= 260:
            continue
        if ctx.ner_overlap(start, end, ("DATE",)):
            conf = min(0.99, conf + 0.05)
        cands.append((value, start, end, conf))
        ctx.claimed.append((start, end))
    if not cands:
        return []
    cands = superseded(ctx, cands)
    best = max(cands, key=lambda c: (c[3] >= 0.8, c[0]))
    return [make_extracted(ctx, "max_weeks", clean_number(best[0]), best[1], best[2], best[3])]
