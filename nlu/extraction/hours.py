"""The ``hours_per_week`` slot: how much study time a week the learner has.

Amounts of time ("2-3 hours", "30 mins", "an hour or two") are turned into a weekly figure
by the period said with them ("a day" x 7, "weekdays" x 5, "a month" / 4, "N evenings a
week" x N); the words around each amount drop working time ("12 hour shifts", "I work 37.5
hours a week") and course lengths ("the course takes 10 hours").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlu import vocab
from nlu.currency import in_foreign_currency
from nlu.extraction.clock import clock_spans, sessions_a_week
from nlu.extraction.context import Extracted, ScanContext, make_extracted
from nlu.extraction.corrections import Candidate, superseded
from nlu.extraction.numbers import NUM, VAGUE, clean_number, has_digits_issue, num_value
from nlu.extraction.schedule import (
    DAY_NAME,
    days_near,
    sentence_bounds,
    split_over_days,
    summary_amount,
    times_after,
    times_before,
    total_after,
    unitless_amounts,
)

_HOUR_UNIT = r"(?:hours?|hrs?|hr|h(?=\b|/)|minutes?|mins?|min)"
_HOURS_RE = re.compile(
    r"(?<![\w.,£$€])"
    r"(?:(?P<between>between)\s+)?"
    r"(?:(?P<lo>" + NUM + r"|" + VAGUE + r")\s*(?:-|–|—|to|or|and)\s*)?"
    r"(?P<n>" + NUM + r"|" + VAGUE + r"|an?|half\s+an?)"
    r"\s*-?\s*(?P<unit>" + _HOUR_UNIT + r")(?![a-z])"
    r"(?P<extra>\s+and\s+a\s+half|\s+(?:or\s+(?P<orhi>" + NUM + r"))"
    r"|\s+(?:and\s+)?(?P<mins>\d{1,2})\s*(?:minutes?|mins?))?"
)
# "an hour or two"
_HOURS_OR_RE = re.compile(r"\ban?\s+hour\s+or\s+(?P<n>two|three|so|2|3)\b")
# "hour a day max": an hour without its article, a rate after it.
_BARE_HOUR_RE = re.compile(
    r"(?<![\w-])hour(?=\s+(?:a|per|each|every)\s+(?:day|night|evening|weekday|week)\b)"
)
_ARTICLE_BEFORE_RE = re.compile(r"(?:\b(?:an?|one|half\s+an?|the|per|\d+)|\d)\s*$")
# "loads of hours, like 20 a week": an amount without its unit, the hours named just before.
_UNIT_SAID_BEFORE_RE = re.compile(
    r"\b(?:hours?|hrs?)\b[^.?!\d£$€]{0,25}?\b(?P<n>" + NUM + r")\s*(?=(?:(?:a|per|each|every)\s+"
    r"(?:week|wk|day|night|evening)s?|pw|p/w|pwk|weekly)\b)"
)

_DAY_NAME = DAY_NAME
_PERIOD_RE = re.compile(
    r"^\s*(?:,\s*)?(?:of\s+study\s+|of\s+studying\s+|of\s+learning\s+|of\s+my\s+time\s+|"
    r"to\s+study\s+|studying\s+|to\s+spare\s+|spare\s+|free\s+)?"
    r"(?:only\s+|just\s+)?"
    r"(?:(?P<art>a|an|per|each|every|/|in\s+a|over\s+(?:a|the)|on|at|during|on\s+the|at\s+the|"
    r"in\s+the|most|some|on\s+a|pr|p|of\s+an?)\s*)?"
    r"(?P<p>weekdays?|week\s*days?|working\s+days?|work\s+days?|week\s*end\s+days?|weekends?|"
    r"week\s*ends?|weeknights?|week|wk|fortnight|month|day|night|evening|morning|"
    r"afternoon|lunchtime|lunch(?:\s*break)?|session|sitting|weekly|daily|nightly|pw|p/w|pwk|"
    r"other\s+day|"
    r"mon(?:day)?\s*(?:-|to)\s*fri(?:day)?|" + _DAY_NAME + r"|evenings|nights|mornings|days)\b"
)
_DAY_NAME_RE = re.compile(_DAY_NAME)
# "Monday, Wednesday and Friday": the days named in a row after an amount of time.
_DAY_LIST_RE = re.compile(
    r"(?:on\s+)?" + _DAY_NAME + r"(?:\s*(?:,|&|\+|/|and|or)?\s*" + _DAY_NAME + r")*"
)
# Where a clause ends (not a decimal point): a work word after it is another clause's.
_CLAUSE_END_RE = re.compile(r"[,;!?]|\.(?!\d)")
# "1 hour after my shift", "30 mins before work": when, not how long the work is.
_WHEN_AFTER_RE = re.compile(r"^\s*(?:straight\s+)?(?:after|before)\b")
_PERIOD_LEFT_RE = re.compile(
    r"(?:(?:a|per|each|every|in\s+a)\s+(?P<p>week|day|evening|night|morning|fortnight|month|"
    r"weekday|weekend)|(?P<p2>weekly|daily|nightly|weekends?|weekdays?|weeknights?))\b"
)
_OCCASIONS = (
    r"(?:days?|evenings?|nights?|mornings?|afternoons?|sessions?|lunchtimes?|lunch\s*breaks?|"
    r"times|slots?|weekdays)"
)
_FREQ_RE = re.compile(
    r"(?:(?P<n>" + NUM + r"|" + VAGUE + r")\s+" + _OCCASIONS + r"\s*"
    r"(?:a|per|each|every|in\s+a|/|of\s+the)\s*week\b|(?P<once>once|twice)\s+(?:a|per|each|every)"
    r"\s+week\b"
    # "evenings, 3 a week": the occasions said just before the count
    r"|\b(?:evenings|nights|mornings|afternoons|days|sessions)\s*,?\s*(?P<n3>" + NUM + r")\s+"
    r"(?:a|per|each|every)\s+week\b)"
)
# A rate that makes an amount a day's or a session's: the days said near it count.
_PER_DAY_PERIODS = frozenset(
    {
        "day",
        "days",
        "night",
        "nights",
        "evening",
        "evenings",
        "morning",
        "mornings",
        "afternoon",
        "lunchtime",
        "lunch",
        "daily",
        "nightly",
        "session",
        "sitting",
    }
)
# How often an amount of time recurs, said after it: "30 min x 5 days", "2 hours in the
# morning, 3 days", "an hour, maybe 3 nights a week".
_OCCURRENCES_RE = re.compile(
    r"(?:(?:x|×|times)\s*|,\s*(?:(?:maybe|probably|about|around|roughly|like|say)\s+)?)"
    r"(?P<n>" + NUM + r")\s*" + _OCCASIONS + r"(?!\s*(?:off|ago|later))\b"
)


@dataclass(frozen=True)
class _Patterns:
    """The hours' word lists (``data/vocab/nlu/hours.yml``), compiled where they stand."""

    work: re.Pattern[str]
    study: re.Pattern[str]
    not_study_after: re.Pattern[str]
    not_study_before: re.Pattern[str]
    turned_down_after: re.Pattern[str]
    per_session_after: re.Pattern[str]
    total: re.Pattern[str]
    workplaces: re.Pattern[str]
    not_working: re.Pattern[str]
    working_week: dict[str, int]  # "with_cue", "without_cue": hours a week


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load(
        "hours",
        "work_cues",
        "study_cues",
        "not_study_after",
        "not_study_before",
        "turned_down_after",
        "per_session_after",
        "total_cues",
        "working_week",
        "workplaces",
        "not_working",
    )
    return _Patterns(
        work=data.regex("work_cues", r"\b", r"\b"),
        study=data.regex("study_cues", r"\b", r"\b"),
        not_study_after=data.regex("not_study_after", r"^\s*-?\s*"),
        not_study_before=data.regex("not_study_before", r"\b", r"\s*$"),
        turned_down_after=data.regex(
            "turned_down_after", r"^\s*(?:(?:a|an|per|each|every)\s+[a-z]+\s*)?", r"\b"
        ),
        per_session_after=data.regex("per_session_after", r"^\s*", r"\b"),
        total=data.regex("total_cues", r"\b", r"\b"),
        workplaces=data.regex("workplaces", r"\b", r"\b"),
        not_working=data.regex("not_working", r"\b", r"\b"),
        working_week=data.integers("working_week"),
    )


def _working_week(ctx: ScanContext, rx: _Patterns, weekly: float, start: int, end: int) -> bool:
    """Whether ``weekly`` hours said at ``start:end`` are a working week ("i work in a coffee
    shop 30 hrs a week"), not study time (``working_week`` in hours.yml)."""
    if (
        weekly < rx.working_week["with_cue"]
        or len(ctx.scan.split()) < rx.working_week["story_words"]
    ):
        return False
    if rx.study.search(ctx.left(start, 60)) or rx.study.search(ctx.right(end, 40)):
        return False
    sentence = ctx.left(start, 120, "sentence") + ctx.right(end, 60, "sentence")
    if rx.not_working.search(sentence):
        return False
    if weekly >= rx.working_week["without_cue"]:
        return True
    return bool(rx.work.search(sentence) or rx.workplaces.search(sentence))


def extract_hours(ctx: ScanContext) -> list[Extracted]:
    rx = _patterns()
    scan = ctx.scan
    cands: list[tuple[float, int, int, float]] = []
    matches: list[tuple[int, int, float, str]] = []  # start, end, hours, unit
    for m in _HOURS_RE.finditer(scan):
        if ctx.is_claimed(m.start("n"), m.end("n")):
            continue
        n_txt = m.group("n")
        unit = m.group("unit")
        if unit == "h" and not n_txt[0].isdigit():
            continue
        if not n_txt[0].isdigit() and ctx.raw[m.start("unit") : m.end("unit")] == "HR":
            continue  # "an HR manager": human resources, not an hour
        if has_digits_issue(n_txt):
            continue
        value = _hours_number(n_txt)
        if value is None:
            continue
        if m.group("orhi"):
            alt = num_value(m.group("orhi"))
            if alt is not None and alt > value:
                value = alt
        extra = m.group("extra") or ""
        if "half" in extra:
            value += 0.5
        if unit.startswith("m"):
            value = value / 60.0
        elif m.group("mins"):
            value += int(m.group("mins")) / 60.0
        start = m.start("n")
        if n_txt.strip() in ("a", "an", "half a", "half an") and _money_before(
            scan[max(0, start - 25) : start]
        ):
            continue  # "£11 an hour", "110 kr an hour" is a wage, not study time
        if m.group("lo") and m.group("lo").strip() not in ("a", "an"):
            lo_val = _hours_number(m.group("lo"))
            connector = scan[m.end("lo") : m.start("n")]
            compound = _hyphenated(m.group("lo"), connector, n_txt)
            if compound is not None:
                value, start = compound, m.start("lo")  # "twenty-five": one number, no range
            elif lo_val is not None and ("and" not in connector or m.group("between")):
                start = m.start("between") if m.group("between") else m.start("lo")
        matches.append((start, m.end(), value, unit))
    for m in _HOURS_OR_RE.finditer(scan):
        hi = {"two": 2.0, "three": 3.0, "2": 2.0, "3": 3.0, "so": 1.0}[m.group("n")]
        matches = [x for x in matches if not (x[0] < m.end() and m.start() < x[1])]
        matches.append((m.start(), m.end(), hi, "hour"))

    for m in _BARE_HOUR_RE.finditer(scan):
        if not _ARTICLE_BEFORE_RE.search(scan[max(0, m.start() - 12) : m.start()]) and not any(
            x[0] <= m.start() < x[1] for x in matches
        ):
            matches.append((m.start(), m.end(), 1.0, "hour"))
    matches += _amounts_without_unit(ctx, matches)
    if not matches:
        for m in _UNIT_SAID_BEFORE_RE.finditer(scan):
            value = _hours_number(m.group("n"))
            if value is not None and not ctx.is_claimed(m.start("n"), m.end("n")):
                matches.append((m.start("n"), m.end("n"), value, "hour"))
    freq = _frequency(scan)
    summary = summary_amount(scan)  # "... so 5 a week": the learner's own sum wins
    if summary is not None and ctx.is_claimed(summary[0], summary[1]):
        summary = None
    for start, end, hours, _unit in matches:
        right = scan[end : end + 45]
        period, per_pos = _period_after(right)
        left_sentence = ctx.left(start, 60, "sentence")
        day_first = _DAY_FIRST_RE.search(scan, max(0, start - 14), start)
        if day_first and (right.lstrip().startswith(",") or _NEXT_DAY_AMOUNT_RE.match(right)):
            # "mondays 1 hour, wednesdays 1 hour", "saturday 3 hour sunday 2 hour": each day
            # is said before its amount
            period, per_pos = day_first.group(1), 0
        if period is None and rx.per_session_after.match(right):
            period = "session"
        if period is None and freq and _FOR_BEFORE_RE.search(scan, max(0, start - 20), start):
            period = "session"  # "3 nights a week for an hour"
        if period is None:
            left_periods = list(_PERIOD_LEFT_RE.finditer(left_sentence))
            if left_periods:
                period = left_periods[-1].group("p") or left_periods[-1].group("p2")
        if (
            total_after(right)
            and not rx.total.search(left_sentence)
            and (days_near(scan, start, end) or _WEEKLY_SAID_RE.search(left_sentence))
        ):
            # "weekends only, about 5 hours in total": the week's total, not a course's
            cands.append((hours, start, end, 0.95))
            ctx.claimed.append((start, end))
            continue
        if rx.turned_down_after.match(right):
            ctx.claimed.append((start, end))  # "5 hours a week is alot": turned down
            continue
        if rx.not_study_before.search(scan[max(0, start - 40) : start]):
            # "sensors every 15 minutes", "the maintenance engineering one is 10 hours a week?"
            ctx.claimed.append((start, end))
            continue
        neg_right = rx.not_study_after.match(right)
        if neg_right and not re.match(r"^\s*(?:a|per|each|every)\s", right):
            # "12 hour shifts", "8 hour day", "a 10 hour course"
            ctx.claimed.append((start, end))
            continue
        if re.match(r"^\s*-?\s*weeks?\b", right) and re.search(r"\b(?:a|an)\s*$", scan[:start]):
            ctx.claimed.append((start, end))  # "a 40 hour week": working week
            continue
        left = ctx.left(start, 60)
        if rx.work.search(left) and not rx.study.search(left):
            ctx.claimed.append((start, end))
            continue
        when = _WHEN_AFTER_RE.match(right)
        if period is None and when:
            period = "session"  # "1 hour after my shift, 4 nights a week"
        # Just after the amount, in its own clause ("8-10 hour in week, guests are sleeping":
        # the guests' sleep is no shift of the learner's).
        after = _CLAUSE_END_RE.split(right[:30], maxsplit=1)[0]
        if (
            rx.work.search(after)
            and not rx.study.search(after)
            and not re.match(r"^\s*(?:a|per|each|every)\s", right)
            and not when
        ):
            ctx.claimed.append((start, end))
            continue
        weekly, conf = _to_weekly(hours, period, freq, scan)
        recurs = times_after(right)
        counted = times_before(scan, start) if recurs is None else None
        days = days_near(scan, start, end) if period in _PER_DAY_PERIODS else None
        if recurs is not None:
            weekly, conf = hours * recurs, 0.9  # "45 minutes four times a week"
        elif counted is not None:
            # "2 x 90 min a week"; "2 x 30 min a day": twice what a day holds
            weekly, conf = (hours if weekly is None else weekly) * counted, 0.9
        elif (
            days is not None
            and (freq is None or period != "session")
            and weekly != hours * len(days)
        ):
            # "Monday to Thursday, an hour each", "weekends, 3 hours a day"
            weekly, conf = hours * len(days), 0.9
        elif weekly is not None and period and _DAY_NAME_RE.fullmatch(period):
            near = days_near(scan, start, end)
            # "2 hrs on tues and thurs": every day of the list the period's day is in
            weekly *= len(near) if near and period[:3] in near else _named_days(right, per_pos)
        elif (
            weekly is not None
            and period == "session"
            and freq is None
            and (occasions := _OCCASIONS_BEFORE_RE.search(left_sentence))
        ):
            # "two evenings, 90 minutes each"
            weekly *= num_value(occasions.group("n")) or 1.0
        elif weekly is not None and period == "session" and freq is None:
            # "3 hours each, Monday and Tuesday": each of the days named after it.
            listed = _DAY_LIST_RE.search(right)
            if listed and re.fullmatch(
                r"[\s,:]*(?:each|per\s+day)?[\s,:]*", right[: listed.start()]
            ):
                weekly *= max(1, len(_days_named(listed.group(0))))
        if weekly is None:
            ctx.claimed.append((start, end))
            continue
        if period is None and rx.total.search(left):
            ctx.claimed.append((start, end))  # "the course takes 10 hours": a total
            continue
        if not 0 < weekly <= 80 or _working_week(ctx, rx, weekly, start, end):
            ctx.claimed.append((start, end))
            continue
        if ctx.ner_overlap(start, end, ("TIME", "QUANTITY", "DATE")):
            conf = min(0.99, conf + 0.05)
        span_end = end + per_pos if per_pos else end
        cands.append((weekly, start, span_end, conf))
        ctx.claimed.append((start, span_end))
    if not cands:
        cands = _clock_candidates(ctx)
    if not cands:
        return []
    if summary is not None:
        # A summary is taken back like any other amount, by a later one or a bare number
        # ("so 5 hours a week ... não, espera, make it 3").
        said: Candidate = (summary[2], summary[0], summary[1], 0.95)
        if said in superseded(ctx, [*cands, said]):
            return [make_extracted(ctx, "hours_per_week", clean_number(said[0]), *said[1:])]
    cands = superseded(ctx, cands)
    split = split_over_days(cands, scan)
    if split is not None:
        return [
            make_extracted(
                ctx, "hours_per_week", clean_number(split[0]), split[1], split[2], split[3]
            )
        ]
    best = max(cands, key=lambda c: (c[3] >= 0.8, c[1]))  # explicit rate first, then last said
    return [make_extracted(ctx, "hours_per_week", clean_number(best[0]), best[1], best[2], best[3])]


def _clock_candidates(ctx: ScanContext) -> list[tuple[float, int, int, float]]:
    """Weekly hours from spans of clock times ("Evenings 6 to 8, Monday to Thursday"): each
    span's length times the days said with it ("every night": seven, "three days a week":
    three); a span said with no days is not read (per day or per week is anyone's guess)."""
    rx = _patterns()
    found = []
    for span in clock_spans(ctx.scan):
        if ctx.is_claimed(span.start, span.end):
            continue
        days = days_near(ctx.scan, span.start, span.end)
        left = ctx.left(span.start, 60)
        if rx.work.search(left) and not rx.study.search(left):
            continue  # "I work from 9 to 5"
        lo, hi = sentence_bounds(ctx.scan, span.start, span.end)
        count = float(len(days)) if days else sessions_a_week(ctx.scan[lo:hi])
        if count is None:
            continue
        found.append((span.hours * count, span.start, span.end, 0.85))
        ctx.claimed.append((span.start, span.end))
    return found


_DAY_FIRST_RE = re.compile(
    r"\b(" + _DAY_NAME + r"|week\s*days?|week\s*ends?|week\s*nights?)\s*:?\s*$"
)
#: After an amount: the next day and its own amount ("saturday 3 hour sunday 2 hour").
_NEXT_DAY_AMOUNT_RE = re.compile(
    r"^\s*(?:and\s+)?(?:" + _DAY_NAME + r")\s*:?\s*" + NUM + r"\s*(?:hours?|hrs?|h)\b"
)
_FOR_BEFORE_RE = re.compile(r"\b(?:a|per|each|every)\s+week\s+for\s*$")
_OCCASIONS_BEFORE_RE = re.compile(
    r"\b(?P<n>" + NUM + r")\s+(?:evenings|nights|mornings|afternoons|days|sessions|times)\b"
)
_WEEKLY_SAID_RE = re.compile(r"\b(?:(?:a|per|each|every|in\s+a)\s+week|weekly|week\s*ends?)\b")


def _amounts_without_unit(
    ctx: ScanContext, matches: list[tuple[int, int, float, str]]
) -> list[tuple[int, int, float, str]]:
    """Amounts said next to a day without their unit ("3 hours Sat and 3 Sun", "three on
    Saturday and two on Sunday"): kept beside an amount with its unit, after a study cue,
    or when two or more are said."""
    found = [
        (start, end, value, "hour")
        for start, end, value in unitless_amounts(ctx.scan)
        if not ctx.is_claimed(start, end) and not any(s < end and start < e for s, e, *_ in matches)
    ]
    if not found:
        return []
    cue = _patterns().study.search(ctx.left(found[0][0], 60, "sentence"))
    return found if matches or cue or len(found) > 1 else []


_MONEY_BEFORE_RE = re.compile(
    r"(?:[£$€]\s?[\d.,]+\s*k?|[\d.,]+\s*(?:k|p|pounds?|quid|dollars?|euros?|bucks))\s*$"
)
_AMOUNT_AND_WORD_RE = re.compile(r"[\d.,]+\s*([^\W\d_]{1,20})\s*$")


def _money_before(before: str) -> bool:
    """Whether ``before`` ends with an amount of money, in pounds, dollars, euros or another
    currency ("£11", "110 kr", "500 rupees")."""
    if _MONEY_BEFORE_RE.search(before):
        return True
    word = _AMOUNT_AND_WORD_RE.search(before)
    return word is not None and in_foreign_currency("", " " + word.group(1))


def _hyphenated(lo: str, connector: str, n_txt: str) -> float | None:
    """The number a tens word and a units word joined by a hyphen make ("twenty-five" ->
    25), which the range pattern would otherwise read as "twenty to five"."""
    if connector != "-" or not lo.isalpha() or not n_txt.isalpha():
        return None
    tens, units = num_value(lo), num_value(n_txt)
    if tens is None or units is None or tens % 10 or not 20 <= tens <= 90 or not 1 <= units <= 9:
        return None
    return tens + units


def _hours_number(n_txt: str) -> float | None:
    t = n_txt.strip()
    if t in ("a", "an"):
        return 1.0
    if t.startswith("half"):
        return 0.5
    return num_value(t)


def _period_after(right: str) -> tuple[str | None, int]:
    m = _PERIOD_RE.match(right)
    if not m:
        return None, 0
    return m.group("p"), m.end()


def _frequency(scan: str) -> float | None:
    m = _FREQ_RE.search(scan)
    if not m:
        occurrences = _OCCURRENCES_RE.search(scan)
        return num_value(occurrences.group("n")) if occurrences else None
    if m.group("once"):
        return 1.0 if m.group("once") == "once" else 2.0
    return num_value(m.group("n") or m.group("n3"))


def _named_days(right: str, period_end: int) -> int:
    """How many days are named in a row where the period is a day name ("on Monday,
    Wednesday and Friday" -> 3)."""
    start = max(0, right.rfind(" ", 0, period_end) - 4)
    days = _DAY_LIST_RE.search(right, start)
    if days is None:
        return 1
    return max(1, len(_days_named(days.group(0))))


def _days_named(text: str) -> set[str]:
    """The days of the week ``text`` names, by their first three letters ("Mon", "mondays")."""
    return {day[:3] for day in _DAY_NAME_RE.findall(text)}


def _to_weekly(
    hours: float, period: str | None, freq: float | None, scan: str
) -> tuple[float | None, float]:
    if period is None:
        if freq and (
            re.search(r"\b(?:each|per\s+(?:session|evening|day|night))\b", scan)
            or _OCCURRENCES_RE.search(scan)
        ):
            return hours * freq, 0.8
        return hours, 0.6
    if re.fullmatch(r"week\s*end\s+days?", period):  # "2 hours every weekend day"
        return hours * 2, 0.88
    p = (
        period.split()[0]
        if " " in period and not period.startswith(("week ", "mon"))
        else period.replace(" ", "")
    )
    if p in (
        "week",
        "wk",
        "weekly",
        "pw",
        "p/w",
        "pwk",
        "weekend",
        "weekends",
    ) or _DAY_NAME_RE.fullmatch(p):
        return hours, 0.92
    if p == "other":  # "every other day"
        return hours * 3.5, 0.85
    if p in ("fortnight",):
        return hours / 2.0, 0.85
    if p in ("month",):
        return hours / 4.0, 0.8
    if p in ("session", "sitting"):
        return (hours * freq, 0.85) if freq else (hours, 0.6)
    weekday = (
        p.startswith(("weekday", "weekdays", "workingday", "workday", "mon")) or "weeknight" in p
    )
    if weekday:
        return hours * 5, 0.88
    if freq:
        return hours * freq, 0.88
    if re.search(
        r"\b(?:weekdays?|week\s+days?|monday\s+to\s+friday|mon\s*-\s*fri|"
        r"working\s+days?)\b",
        scan,
    ):
        return hours * 5, 0.85
    return hours * 7, 0.88
