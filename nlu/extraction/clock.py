"""Study time said as a span of clock times: "from 9pm to 11pm every night", "Evenings 6 to 8,
Monday to Thursday", "Wednesday afternoons, 2 till 5", "0600 to 0700 daily", "9:30 till 2:30,
maybe three days a week".

:func:`clock_spans` finds each span and how many hours it lasts; :mod:`nlu.extraction.hours`
multiplies it by the days said with it. A pair of numbers is a span of clock times only when
something says so: "till"/"until" between them, am/pm, minutes ("9:30"), a 24-hour time
("0600"), "half seven", "from"/"between" before it, or a part of the day ("evenings") just
before; and never when a unit follows ("6 to 8 weeks", "2 to 3 hours", "5 to 10 pounds").
Without am/pm, a span is read on a 12-hour clock ("10 till 1" is three hours). The words are
data: ``data/vocab/nlu/clock.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlu import vocab
from nlu.extraction.numbers import NUM, num_value

#: Longest span read as one sitting of study, in hours.
MAX_SPAN_HOURS = 8.0
_HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"


def _time(name: str) -> str:
    """A clock time: "9", "9pm", "9:30", "half seven", "0600", "nine"."""
    return (
        rf"(?P<{name}_half>half\s+(?:past\s+)?)?"
        rf"(?P<{name}_h>\d{{1,2}}|{_HOUR_WORDS})"
        rf"(?:[:.](?P<{name}_m>\d{{2}}))?"
        rf"\s*(?P<{name}_ap>a\.?m\.?|p\.?m\.?)?"
        rf"|(?P<{name}_hhmm>[01]\d[0-5]\d|2[0-3][0-5]\d)"
    )


@dataclass(frozen=True)
class _Patterns:
    span: re.Pattern[str]
    sure_link: re.Pattern[str]  # "till", "until": times for sure
    before: re.Pattern[str]  # "from", "between", "evenings" just before the span
    unit_after: re.Pattern[str]  # "weeks", "hours", "pounds" right after: not times
    every_day: re.Pattern[str]  # "every night"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load("clock", "links", "sure_links", "before", "unit_after", "every_day")
    span = re.compile(
        rf"(?<![\w£$€.,:])(?:{_time('a')})\s*(?P<link>{data.pattern('links')})\s*(?:{_time('b')})"
        r"(?![\w:])",
        re.IGNORECASE,
    )
    return _Patterns(
        span=span,
        sure_link=data.regex("sure_links", "^", "$"),
        before=data.regex("before", r"\b", r"[\s,:]*$"),
        unit_after=data.regex("unit_after", r"\s*", r"\b"),  # matched where the span ends
        every_day=data.regex("every_day", r"\b", r"\b"),
    )


@dataclass(frozen=True)
class ClockSpan:
    start: int
    end: int
    hours: float


def _hour(m: re.Match[str], side: str) -> tuple[float, str | None] | None:
    """The time on one side of a span as hours after midnight or noon, and its am/pm."""
    if m.group(f"{side}_hhmm"):
        digits = m.group(f"{side}_hhmm")
        return int(digits[:2]) + int(digits[2:]) / 60, "24h"
    hour = num_value(m.group(f"{side}_h"))
    if hour is None or not 0 <= hour <= 24:
        return None
    minutes = int(m.group(f"{side}_m") or 0) / 60
    if m.group(f"{side}_half"):
        minutes = 0.5  # "half seven": half past seven
    ampm = (m.group(f"{side}_ap") or "").replace(".", "").lower() or None
    return hour + minutes, ampm


def _duration(a: tuple[float, str | None], b: tuple[float, str | None]) -> float:
    (start, a_ap), (end, b_ap) = a, b
    if a_ap == "24h" or b_ap == "24h":
        return (end - start) % 24
    if a_ap or b_ap:
        # The half of the day said on one side holds for the other, unless the span would then
        # end before it starts: "9 to 11pm", "11 to 1pm" (from the morning), "10am to 12"
        flip = {"am": "pm", "pm": "am"}
        if a_ap is None and b_ap is not None:
            a_ap = b_ap if start % 12 <= end % 12 else flip[b_ap]
        elif b_ap is None and a_ap is not None:
            b_ap = a_ap if end % 12 >= start % 12 else flip[a_ap]
        half = {"am": 0, "pm": 12}
        start24 = start % 12 + half[a_ap or "am"]
        end24 = end % 12 + half[b_ap or "am"]
        return (end24 - start24) % 24
    return (end - start) % 12  # "10 till 1": a 12-hour clock


def clock_spans(scan: str) -> list[ClockSpan]:
    """Every span of clock times in the lower-cased message, with how many hours it lasts."""
    rx = _patterns()
    found = []
    for m in rx.span.finditer(scan):
        if rx.unit_after.match(scan, m.end()):
            continue  # "6 to 8 weeks", "2 to 3 hours"
        marked = any(
            m.group(f"{side}_{part}") for side in "ab" for part in ("ap", "m", "hhmm", "half")
        )
        if not (
            marked
            or rx.sure_link.match(m.group("link"))
            or rx.before.search(scan, max(0, m.start() - 30), m.start())
        ):
            continue
        a, b = _hour(m, "a"), _hour(m, "b")
        if a is None or b is None:
            continue
        hours = _duration(a, b)
        if 0 < hours <= MAX_SPAN_HOURS:
            found.append(ClockSpan(m.start(), m.end(), round(hours, 2)))
    return found


_DAYS_A_WEEK = re.compile(
    r"\b(?P<n>" + NUM + r")\s+(?:days|nights|evenings|mornings|afternoons|times)\s+"
    r"(?:a|per|each|every)\s+week\b"
)


def sessions_a_week(sentence: str) -> float | None:
    """How many times a week a span said in ``sentence`` recurs when no day is named: "every
    night" is seven, "six days a week" six; ``None`` when it does not say."""
    if _patterns().every_day.search(sentence):
        return 7.0
    counted = _DAYS_A_WEEK.search(sentence)
    if counted:
        n = num_value(counted.group("n"))
        if n is not None and 1 <= n <= 7:
            return n
    return None


__all__ = ["MAX_SPAN_HOURS", "ClockSpan", "clock_spans", "sessions_a_week"]
