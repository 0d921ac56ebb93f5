"""Which days of the week an amount of study time is for, and how often it recurs.

:mod:`nlu.extraction.hours` finds amounts of time; this module reads the schedule said
around one: the days named nearest to it in its sentence ("Monday to Thursday", "Wed and
Thu evenings", "weekends", "daily except Sunday"), a count said right after it ("45 minutes
four times a week", "evenings, 3 a week, 2 hours each"), amounts said without their unit
next to a day ("three on Saturday and two on Sunday") and the learner's own sum ("so 5 a
week"). The words for ranges, exceptions and day groups are data
(``data/vocab/nlu/schedule.yml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlu import vocab
from nlu.extraction.numbers import NUM, num_value
from nlu.vocab import VocabError

WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: A day of the week as learners write it ("Monday", "tues", "Sat"); hours.py uses it too.
DAY_NAME = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mon|tue|tues|wed|weds|thu|thur|thurs|"
    r"fri|sat|sun)"
)
_DAY = DAY_NAME
#: Largest amount said without its unit that is read as hours ("two on Sunday").
MAX_UNITLESS = 12
_CLOCK_BEFORE = re.compile(r"(?:\b(?:till|til|until|to|from|at|past|by)|[-–:])\s*$")
# Between an amount and days said for something else ("I work Monday to Friday so ...").
_CLAUSE_BREAK = re.compile(r"\b(?:so|but|because|cos|while|whereas|although)\b")
_SENTENCE_END = re.compile(r"[!?;\n]|\.(?!\d)(?=\s|$)")


@dataclass(frozen=True)
class _Patterns:
    days: re.Pattern[str]  # one day expression: a range, a list of days or a group
    day_range: re.Pattern[str]  # "Monday to Thursday", "mon-wed"
    except_days: re.Pattern[str]  # "except Sunday", "apart from weekends"
    except_before: re.Pattern[str]  # the "except" before a day expression
    including_before: re.Pattern[str]  # the "including" before a day expression
    including_after: re.Pattern[str]  # the "too" after a day expression
    times_after: re.Pattern[str]  # "four times a week" right after an amount
    unitless: re.Pattern[str]  # "two on Sunday", "3 Sun"
    unitless_after_day: re.Pattern[str]  # "Sunday 2." after "Saturday 3 hours"
    summary: re.Pattern[str]  # "so 5 a week"
    total_after: re.Pattern[str]  # "in total" right after an amount
    groups: dict[str, tuple[str, ...]]  # group pattern -> its days


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load(
        "schedule",
        "day_range_words",
        "except_words",
        "including_words",
        "including_after",
        "day_groups",
    )
    ranges = data.pattern("day_range_words")
    groups: dict[str, tuple[str, ...]] = {}
    for name, days in data.entry("day_groups").items():
        if not isinstance(days, list) or not set(days) <= set(WEEK):
            raise VocabError(f"schedule.yml: day_groups.{name} must list days among {WEEK}")
        groups[str(name)] = tuple(days)
    group = "|".join(f"(?:{g})" for g in sorted(groups, key=len, reverse=True))
    day_list = rf"{_DAY}(?:\s*(?:,|&|\+|/|and|or|n)?\s*{_DAY})*"
    one = rf"(?:{_DAY}\s*(?:{ranges})\s*{_DAY}|{day_list}|{group})"
    return _Patterns(
        days=re.compile(rf"(?<![\w])(?:{one})(?![\w])"),
        day_range=re.compile(rf"^{_DAY}\s*(?:{ranges})\s*{_DAY}$"),
        except_days=re.compile(rf"\s*,?\s*(?:{data.pattern('except_words')})\s+(?:on\s+)?({one})"),
        except_before=re.compile(rf"(?:{data.pattern('except_words')})\s+(?:on\s+)?$"),
        including_before=re.compile(rf"(?:{data.pattern('including_words')})\s+(?:on\s+)?$"),
        including_after=re.compile(rf"\s*,?\s*(?:{data.pattern('including_after')})\b"),
        times_after=re.compile(
            rf"\s*,?\s*(?:(?P<n>{NUM})\s+times|(?P<once>once|twice))\s+"
            rf"(?:a|per|each|every|in(?:\s+(?:a|the))?)\s+week\b"
        ),
        unitless=re.compile(
            rf"(?<![\w£$€.,])(?P<n>{NUM})\s+(?:on\s+(?:a\s+|the\s+)?|at\s+the\s+|at\s+)?"
            rf"(?P<d>{one})(?![\w])(?!\s*(?:off|ago|later|shifts?|at\s+work))"
        ),
        # "Saturday 3 hours, Sunday 2": the day said first (not a time: "Sunday 2pm")
        unitless_after_day=re.compile(
            rf"(?<![\w])(?P<d>{_DAY})\s+(?P<n>{NUM})(?![\w.:,]*\d)"
            r"(?!\s*(?:[ap]\.?m\b|o'?clock|:|\.\d|ish\b|th\b|nd\b|st\b|rd\b|-|to\b|till?\b|until\b))"
            r"(?=\s*(?:[.,;!)]|$|and\b|\+))"
        ),
        summary=re.compile(
            rf"\bso\s+(?:that'?s\s+|maybe\s+|about\s+|around\s+|roughly\s+|say\s+)?"
            rf"(?P<n>{NUM})\s*(?:(?:hours?|hrs?|h)?\s+(?:a|per|each|every|in\s+a|in\s+the|in)"
            # "so 12 hours." after amounts by day: the learner's own sum, unit and all
            rf"\s+week\b|(?:hours?|hrs?)\b(?=\s*(?:[.,;!]|$|in\s+total\b|total\b)))"
        ),
        total_after=re.compile(r"\s*(?:in\s+)?total\b"),
        groups=groups,
    )


def _expression_days(text: str) -> set[str]:
    """The days one day expression names ("mon-wed" -> mon, tue, wed)."""
    rx = _patterns()
    for pattern, days in rx.groups.items():
        if re.fullmatch(pattern, text):
            return set(days)
    named = [d[:3] for d in re.findall(_DAY, text)]
    if len(named) == 2 and rx.day_range.match(text):
        a, b = WEEK.index(named[0]), WEEK.index(named[1])
        if a <= b:
            return set(WEEK[a : b + 1])
        return set(WEEK[a:] + WEEK[: b + 1])
    return set(named)


def sentence_bounds(scan: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding ``scan[start:end]``."""
    left = 0
    for m in _SENTENCE_END.finditer(scan, 0, start):
        left = m.end()
    right = _SENTENCE_END.search(scan, end)
    return left, right.start() if right else len(scan)


def days_near(scan: str, start: int, end: int) -> set[str] | None:
    """The days the amount at ``scan[start:end]`` is for: the day expression nearest to it
    in its sentence (one in its own clause first, and named days before "every day":
    "weekends, 3 hours each day"), less the days an "except" right after it names; ``None``
    when its sentence names no days."""
    rx = _patterns()
    lo, hi = sentence_bounds(scan, start, end)
    best: tuple[tuple[bool, bool, int, int], re.Match[str]] | None = None
    for m in rx.days.finditer(scan, lo, hi):
        if (
            (m.start() < end and start < m.end())
            or rx.except_before.search(scan, lo, m.start())
            or rx.including_before.search(scan, lo, m.start())
            or rx.including_after.match(scan, m.end(), hi)
        ):
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        between = scan[m.end() : start] if m.end() <= start else scan[end : m.start()]
        named = len(_expression_days(m.group(0)))
        # as near before as after: the fewer days ("weekends 3 hours Saturday" is Saturday's)
        key = (_CLAUSE_BREAK.search(between) is not None, named == len(WEEK), distance, named)
        if best is None or key < best[0]:
            best = (key, m)
    if best is None:
        return None
    days = _expression_days(best[1].group(0))
    exception = rx.except_days.match(scan, best[1].end(), hi)
    if exception:
        days -= _expression_days(exception.group(1))
    return days or None


def times_after(right: str) -> float | None:
    """How many times a week an amount recurs when said right after it ("four times a week")."""
    m = _patterns().times_after.match(right)
    if not m:
        return None
    if m.group("once"):
        return 1.0 if m.group("once") == "once" else 2.0
    return num_value(m.group("n"))


#: Before an amount: how many times a week it recurs ("2 x 90 min a week", "3x 1hr").
_TIMES_BEFORE = re.compile(rf"(?<![\w.,£$€])(?P<n>{NUM})\s*(?:x|×)\s*$")
#: How far before an amount a count is looked for.
_TIMES_REACH = 12


def times_before(scan: str, start: int) -> float | None:
    """How many times a week the amount at ``start`` recurs when said right before it ("2 x
    90 min a week")."""
    m = _TIMES_BEFORE.search(scan, max(0, start - _TIMES_REACH), start)
    return num_value(m.group("n")) if m else None


def total_after(right: str) -> bool:
    """Whether an amount is said to be a total ("6 hours in total")."""
    return _patterns().total_after.match(right) is not None


def unitless_amounts(scan: str) -> list[tuple[int, int, float]]:
    """Amounts said without a unit next to days ("three on Saturday", "2 Sun", "Sunday 2"), as
    (start, end, hours); the caller keeps them only beside an amount with its unit or a
    study cue."""
    rx = _patterns()
    out = []
    for m in [*rx.unitless.finditer(scan), *rx.unitless_after_day.finditer(scan)]:
        if _CLOCK_BEFORE.search(scan, max(0, m.start("n") - 12), m.start("n")):
            continue  # "9 till 3 on weekdays": a time of day
        value = num_value(m.group("n"))
        if value is not None and 0 < value <= MAX_UNITLESS:
            out.append((m.start("n"), m.end("n"), value))
    return sorted(out)


def summary_amount(scan: str) -> tuple[int, int, float] | None:
    """The learner's own weekly sum ("... most weeknights, so 4 a week"), the last one said."""
    found = None
    for m in _patterns().summary.finditer(scan):
        value = num_value(m.group("n"))
        if value is not None and 0 < value <= 80:
            found = (m.start("n"), m.end(), value)
    return found


def _day_kind(tail: str) -> str:
    """Which days an amount of time is for, from the words just before its end."""
    if re.search(r"week\s*days?|weeknights?|working\s+days?|mon(?:day)?\s*(?:-|to)\s*fri", tail):
        return "weekday"
    if re.search(r"week\s*ends?", tail):
        return "weekend"
    days = {day[:3] for day in re.findall(_DAY, tail)}
    return "day:" + "+".join(sorted(days)) if days else "other"


def split_over_days(
    cands: list[tuple[float, int, int, float]], scan: str
) -> tuple[float, int, int, float] | None:
    """Amounts for different days add up: "1 hour on weekdays and 3 hours at weekends" ->
    5 + 3 = 8 hours a week; "3 hours saturday, 2 hours sunday" -> 5."""
    if len(cands) < 2:
        return None
    kinds = []
    for _, start, end, _ in cands:
        kind = _day_kind(scan[max(start, end - 25) : end])
        near = days_near(scan, start, end) if kind == "other" else None
        kinds.append("day:" + "+".join(sorted(near)) if near else kind)
    if "other" in kinds or len(set(kinds)) != len(kinds):
        return None
    total = sum(c[0] for c in cands)
    return total, min(c[1] for c in cands), max(c[2] for c in cands), 0.85


__all__ = [
    "DAY_NAME",
    "days_near",
    "split_over_days",
    "summary_amount",
    "times_after",
    "times_before",
    "total_after",
    "unitless_amounts",
]
