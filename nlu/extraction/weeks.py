"""The ``max_weeks`` slot: the longest course the learner wants, in weeks.

A month is 4 weeks, a year 52, a fortnight 2. Lengths are wishes only with a duration cue
("within 6 months", "a 2 year course", "8 weeks max") or as the whole answer; experience
("20 years in retail"), ages ("my 3 year old"), past events ("6 months ago") and rates ("£30
a month") are not.
"""

from __future__ import annotations

import re

from nlu.extraction.context import Extracted, ScanContext, make_extracted
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
_WEEKS_POS_LEFT_RE = re.compile(
    r"(?:within|in|under|over|than|max(?:imum)?|most|up\s*to|upto|no\s+more|no\s+longer|"
    r"takes?|taking|took|last(?:s|ing)?|for|commit(?:ted)?|spend|spread|complete|finish(?:ed)?|"
    r"done|course|programme|program|about|around|roughly|only|just|<|<=|approx\.?|"
    r"approximately|ideally|maybe|perhaps|like|say|is|be|of|max\.?|shorter|less|longer|"
    r"duration|length|period|lasting|runs?|running|couple\s+of|few|spare|have|got|give)\s*$"
)
_WEEKS_STRONG_LEFT_RE = re.compile(
    r"(?:within|under|than|max(?:imum)?|at\s+most|up\s*to|upto|no\s+more|no\s+longer|"
    r"takes?|taking|last(?:s|ing)?|commit(?:ted)?\s+(?:to\s+)?(?:for\s+)?|spread\s+(?:over|across)|"
    r"complete\s+(?:it\s+)?in|finish(?:ed)?\s+(?:it\s+)?in|done\s+in|course\s+(?:of|for|over)|"
    r"shorter|less|longer|duration\s+of|length\s+of|only|just|<|<=)\s*(?:about|around|roughly|"
    r"maybe|say|a|the)?\s*$"
)
_WEEKS_POS_RIGHT_RE = re.compile(
    r"^\s*-?\s*(?:long|course|courses|programme|program|microcredential|max(?:imum)?|tops|"
    r"or\s+(?:less|shorter|under|fewer|so)|at\s+(?:the\s+)?most|to\s+(?:complete|finish|do\s+it)|"
    r"in\s+total|total|maximum|limit|commitment|duration)\b"
)
_WEEKS_NEG_LEFT_RE = re.compile(
    r"\b(?:ago|old|aged|age|been|was|were|spent|served|serving|worked|working|work|lived|"
    r"living|married|retired|since|last|past|unemployed|redundant|off|notice|maternity|"
    r"paternity|pregnant|baby|son|daughter|kids?|child|children|contract|start|starting|"
    r"begin|beginning|starts|due|holiday|trip|travel(?:ling)?|away|break|sabbatical|"
    r"leave|leaving|left|moving|move|wedding|exam|interview|experience|career|"
    r"doing\s+this|in\s+the\s+(?:army|forces|military|navy|raf)|army|forces|military|"
    r"navy|raf|nurse|teacher|job|jobs|role|industry|sector|retail|prison|hospital|"
    r"every|each|per|once|twice|times|a\s+day)\b"
)
_WEEKS_NEG_RIGHT_RE = re.compile(
    r"^\s*-?\s*(?:ago|old|of\s+(?:experience|service|my\s+life|work)|experience|'?s?\s+experience|"
    r"in\s+(?!total\b)[a-z]|as\s+an?\b|at\s|with\s+(?:the|my|a)|service|pregnant|'?s?\s*notice|"
    r"later|from\s+now|since|left|remaining|behind|out\s+of\s+work|off\b|into\b|running|"
    r"straight|now\b|before|until|till|of\s+(?:the\s+)?(?:army|forces|nursing|teaching|retail)|"
    r"served|working|experience|'?s?\s+time|time\b|away|holiday|leave|break|to\s+go|in\b$)"
)
# A new clause after the length ("6 months, I was off sick"): not a wish unless the words
# before it make it one ("max 6 weeks, I can't commit longer").
_WEEKS_CLAUSE_RIGHT_RE = re.compile(
    r"^\s*,?\s*(?:i|we|i'?ll|i'?m|i\s+will|my|we'?re|there|it'?s|that'?s)\b"
)
_RATE_LEFT_RE = re.compile(
    r"(?:hours?|hrs?|hr|h|mins?|minutes?|once|twice|times|x|£\S*|\$\S*|€\S*|quid|pounds?|"
    r"dollars?|euros?|\d+k?|evenings?|days?|nights?|sessions?|per|each|every)\s*$"
)


_WHOLE_LEFT_RE = re.compile(
    r"[\s\W]*(?:(?:about|around|roughly|approx\w*|max(?:imum)?|up\s+to|within|under|less\s+than|"
    r"no\s+(?:more|longer)\s+than|at\s+most|just|only|maybe|probably|ideally|say)\s*)*"
)
_WHOLE_RIGHT_RE = re.compile(
    r"(?:\s*(?:max(?:imum)?|tops|or\s+(?:less|so|under|shorter)|at\s+(?:the\s+)?most|please|"
    r"pls|plz|ish|-ish|long|thanks|thank\s+you|ideally))*[\s.!?]*"
)
_UNIT_WEEKS = {
    "week": 1.0,
    "wk": 1.0,
    "month": 4.0,
    "mth": 4.0,
    "mnth": 4.0,
    "year": 52.0,
    "yr": 52.0,
    "fortnight": 2.0,
}


def extract_weeks(ctx: ScanContext) -> list[Extracted]:
    scan = ctx.scan
    cands: list[tuple[float, int, int, float]] = []
    for m in _WEEKS_RE.finditer(scan):
        n_start = m.start("n")
        if ctx.is_claimed(n_start, m.end("n")):
            continue
        unit_raw = m.group("unit").rstrip("s")
        factor = _UNIT_WEEKS.get(unit_raw)
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
        if _RATE_LEFT_RE.search(left_near[-14:]) and article:
            continue  # "5 hours a week", "£30 a month", "twice a week"
        if re.match(r"^\s*(?:-|\s)?\s*(?:olds?|old\b)", right):
            continue
        if _WHOLE_LEFT_RE.fullmatch(scan[:start]) and _WHOLE_RIGHT_RE.fullmatch(scan[end:]):
            # the whole message is the answer: "a fortnight", "about a year", "6 months max"
            cands.append((value, start, end, 0.8))
            ctx.claimed.append((start, end))
            continue
        neg_left = _WEEKS_NEG_LEFT_RE.search(left[-45:])
        strong_left = _WEEKS_STRONG_LEFT_RE.search(left_near)
        neg_right = _WEEKS_NEG_RIGHT_RE.match(right) or (
            _WEEKS_CLAUSE_RIGHT_RE.match(right) and not strong_left
        )
        pos_left = _WEEKS_POS_LEFT_RE.search(left_near)
        pos_right = _WEEKS_POS_RIGHT_RE.match(right)
        if neg_right and not pos_right:
            continue
        if neg_left and not strong_left and not pos_right:
            continue
        if article or unit_raw in ("year", "yr"):
            if not (pos_left or pos_right):
                continue
            if unit_raw in ("year", "yr") and not (
                strong_left
                or pos_right
                or re.search(r"(?:within|in|under|for|over|than|about|around)\s*$", left_near)
            ):
                continue
        conf = 0.9 if (strong_left or pos_right) else (0.8 if pos_left else 0.65)
        if not 0 < value <= 260:
            continue
        if ctx.ner_overlap(start, end, ("DATE",)):
            conf = min(0.99, conf + 0.05)
        cands.append((value, start, end, conf))
        ctx.claimed.append((start, end))
    if not cands:
        return []
    best = max(cands, key=lambda c: (c[3] >= 0.8, c[0]))
    return [make_extracted(ctx, "max_weeks", clean_number(best[0]), best[1], best[2], best[3])]
