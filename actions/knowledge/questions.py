"""Credit questions with numbers in them, answered with the computed figure first.

"I've done three 15-credit microcredentials, how far am I from a PG Certificate?" ->
"Adding up these 3 courses: 3 x 15 credits = 45 of the 60 credits ... (15 still to go)";
"How many hours of study is 10 credits?" -> "10 credits is about 100 hours of study."

:func:`read_question` pulls out what the message states (course credits with their
scheme, hours, the award, the nation); :func:`answer_question` answers it, saying what
it assumed, or returns ``None`` when the message has nothing to compute (the caller
then gives the explanation for the topic). Every answer ends with the recognition caveat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from actions.knowledge.awards import (
    DEFAULT_NATION,
    award_for,
    detect_nation,
    find_award_key,
    nation_label,
    normalise_text,
    not_credit_rated,
    sizes_differ,
)
from actions.knowledge.progress import CourseCredit, capitalise, personalised_progress, plural
from actions.knowledge.units import (
    HOURS_PER_CREDIT,
    RECOGNITION_CAVEAT,
    SCHEMES,
    CreditError,
    convert_credits,
    ects_convention_note,
    format_number,
    hours_for_credits,
)

_NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "a couple of": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_COUNT: Final = (
    r"(?P<count>\d+|a couple of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
_AMOUNT: Final = r"(?P<amount>\d+(?:\.\d+)?)"
# Longest names first, so "ects credits" wins over "credits".
_UNIT: Final = (
    r"(?P<unit>semester (?:credit )?hours?|us (?:semester )?credits?(?: hours?)?|credit hours?"
    r"|ects(?: credits?| points?)?|scqf(?: credits?| credit points?| points?)?"
    r"|cats(?: credits?| points?)?|uk credits?|credits?|points?)"
)
_COURSE: Final = r"(?:courses?|modules?|micro-?credentials?|units?|short courses?)"

_COUNTED_UNIT: Final = re.compile(rf"\b{_COUNT} (?:x )?{_AMOUNT}[ -]?{_UNIT}\b")
_COUNTED_COURSES: Final = re.compile(
    rf"\b{_COUNT} {_COURSE} (?:of|worth|at|with|each worth) {_AMOUNT}[ -]?{_UNIT}\b"
)
_LEVEL_WORD: Final = r"(?:(?:undergrad(?:uate)?|postgrad(?:uate)?|ug|pg|academic|university) )?"
_SINGLE: Final = re.compile(rf"(?<![\d.]){_AMOUNT}[ -]?{_LEVEL_WORD}{_UNIT}\b")
_HOURS: Final = re.compile(
    r"(?<![\d.])(?P<hours>\d+(?:\.\d+)?) ?(?:hours?|hrs?)\b(?! (?:a|per|each) week)"
)

_ASKS_HOURS: Final = re.compile(
    r"\bhow many hours\b|\bhow long\b|\bhours? of (?:study|work|learning)\b"
    r"|\bhow much (?:work|study|time)\b|\bin hours\b"
)
_ASKS_CREDITS: Final = re.compile(r"\bhow many (?:uk |cats |scqf )?credits?\b|\bin credits\b")
_ASKS_SIZE: Final = re.compile(
    r"\bhow many (?:\w+ )?credits\b|\bhow big\b|\bsize of\b|\bcredits? (?:do i|would i|does it)"
    r" need\b|\bhow much credit\b"
)
_TARGET_SCHEME: Final = re.compile(
    r"\b(?:in|to|into|as|how many) (?P<target>ects|us credits?|us credit hours|semester hours"
    r"|credit hours|uk credits|cats|scqf)\b"
)
_UNDERGRADUATE: Final = re.compile(r"\bundergrad(?:uate)?(?:-level)? credits?\b|\blevel [456]\b")
# "build up to 60 credits": a target for a plan, not credit the learner holds.
_TARGET_AMOUNT: Final = re.compile(rf"\b(?:up to|reach|get to|towards?|total of) {_AMOUNT}\b")


@dataclass(frozen=True)
class Question:
    """What a credit question states: courses' credit, hours, award and nation."""

    courses: tuple[tuple[float, str], ...] = ()
    #: True when the credit was stated as one amount ("I have 45 credits"), not per course.
    single_total: bool = False
    hours: float | None = None
    award_key: str | None = None
    nation: str | None = None
    scheme_named: bool = False
    undergraduate: bool = False
    target_scheme: str | None = None
    research_award: str | None = None
    flags: frozenset[str] = field(default_factory=frozenset)


def _scheme(unit: str, nation: str | None) -> tuple[str, bool]:
    """The scheme code a unit names, and whether it was named (not plain "credits")."""
    unit = unit.strip()
    if unit.startswith(("semester", "us", "credit hour")):
        return "US", True
    if unit.startswith("ects"):
        return "ECTS", True
    if unit.startswith("scqf"):
        return "SCQF", True
    if unit.startswith(("cats", "uk")):
        return "CATS", True
    return ("SCQF" if nation == "scotland" else "CATS"), False


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def read_question(text: str) -> Question:
    """Pull the numbers, award and nation out of a learner's message."""
    normal = normalise_text(text).rstrip(".?!")
    normal = re.sub(r"(?<=\d)\.(?!\d)", " ", normal)
    nation = detect_nation(normal)
    taken = [m.span() for m in _TARGET_AMOUNT.finditer(normal)]
    courses: list[tuple[float, str]] = []
    named, counted = False, False
    for pattern in (_COUNTED_COURSES, _COUNTED_UNIT):
        for match in pattern.finditer(normal):
            if any(s <= match.start() < e for s, e in taken):
                continue
            code, was_named = _scheme(match["unit"], nation)
            named = named or was_named
            courses += [(float(match["amount"]), code)] * _count(match["count"])
            taken.append(match.span())
            counted = True
    for match in _SINGLE.finditer(normal):
        if any(s <= match.start() < e for s, e in taken):
            continue
        code, was_named = _scheme(match["unit"], nation)
        named = named or was_named
        courses.append((float(match["amount"]), code))
    hours_match = _HOURS.search(normal)
    target = _TARGET_SCHEME.search(normal)
    flags = {
        name
        for name, pattern in (
            ("asks_hours", _ASKS_HOURS),
            ("asks_credits", _ASKS_CREDITS),
            ("asks_size", _ASKS_SIZE),
        )
        if pattern.search(normal)
    }
    return Question(
        courses=tuple(courses),
        single_total=len(courses) == 1 and not counted,
        hours=float(hours_match["hours"]) if hours_match else None,
        award_key=find_award_key(normal),
        nation=nation,
        scheme_named=named,
        undergraduate=bool(_UNDERGRADUATE.search(normal)),
        target_scheme=_scheme(target["target"], nation)[0] if target else None,
        research_award=not_credit_rated(normal),
        flags=frozenset(flags),
    )


def answer_question(text: str) -> str | None:
    """The computed answer to a credit question with numbers (or an award size), or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    question = read_question(text)
    try:
        body = _answer(question)
    except CreditError as error:
        return str(error)
    if body is None:
        return None
    return body if body.endswith(RECOGNITION_CAVEAT) else f"{body} {RECOGNITION_CAVEAT}"


def _answer(q: Question) -> str | None:
    if q.research_award and not q.courses:
        return (
            f"A {q.research_award} is not typically credit-rated in the UK frameworks, so it "
            "has no standard credit total; the university sets what it needs. (A taught "
            "master's is 180 credits.)"
        )
    if q.courses and q.award_key and "asks_hours" not in q.flags:
        return _progress(q)
    if q.courses and q.target_scheme:
        return _conversion(q)
    if q.courses and ("asks_hours" in q.flags or not q.award_key):
        return _hours(q) if "asks_hours" in q.flags else None
    if q.hours is not None and "asks_credits" in q.flags:
        credits = q.hours / HOURS_PER_CREDIT
        return (
            f"{format_number(q.hours)} hours of study is about {format_number(credits)} UK "
            f"credits, at {HOURS_PER_CREDIT} notional hours a credit (the same in Scotland's SCQF)."
        )
    if q.award_key and "asks_size" in q.flags:
        return award_size(q.award_key, q.nation)
    return None


def _assumption(q: Question) -> str:
    if q.scheme_named:
        return ""
    scheme = "SCQF credits" if q.nation == "scotland" else "UK (CATS) credits"
    return f" I took 'credits' to mean {scheme}."


def _progress(q: Question) -> str | None:
    level = "undergraduate" if q.undergraduate else None
    courses: list[CourseCredit] = [(amount, code, level) for amount, code in q.courses]
    reply = personalised_progress(courses, q.award_key, nation=q.nation, as_total=q.single_total)
    if reply is None:
        return None
    return reply.replace(f" {RECOGNITION_CAVEAT}", f"{_assumption(q)} {RECOGNITION_CAVEAT}")


def _hours(q: Question) -> str:
    codes = {code for _, code in q.courses}
    if len(q.courses) == 1 or len(codes) > 1:
        amount, code = q.courses[0]
        text = hours_for_credits(amount, code).sentence()
    else:
        (code,) = codes
        total = sum(amount for amount, _ in q.courses)
        estimate = hours_for_credits(total, code)
        hours = format_number(estimate.low)
        if estimate.is_range:
            hours = f"{hours}–{format_number(estimate.high)}"
        label = SCHEMES[code].label
        text = (
            f"{plural(len(q.courses), 'course')} of {format_number(q.courses[0][0])} {label} "
            f"make {format_number(total)} {label}, about {hours} hours of study."
        )
    if "ECTS" in codes:
        text += f" {ects_convention_note()}"
    return text + _assumption(q)


def _conversion(q: Question) -> str:
    assert q.target_scheme is not None
    amount, code = q.courses[0]
    converted = convert_credits(amount, code, q.target_scheme)
    text = (
        f"{format_number(amount)} {SCHEMES[code].label} = {format_number(converted)} "
        f"{SCHEMES[q.target_scheme].label}."
    )
    if "ECTS" in (code, q.target_scheme):
        text += f" {ects_convention_note()}"
    if "US" in (code, q.target_scheme):
        text += " The US figure uses Kent's conversion (15 UK credits ≈ 4 US credit hours)."
    return text + _assumption(q)


def award_size(key: str, nation: str | None) -> str:
    """How much credit an award needs: in the learner's nation, or per nation when unsaid."""
    if nation is not None or not sizes_differ(key):
        award = award_for(key, nation or DEFAULT_NATION) or award_for(key, DEFAULT_NATION)
        assert award is not None  # every award has an England, Wales and NI size
        where = "across the UK" if nation is None else f"in {nation_label(award.nation)}"
        requirement = award.level_requirement()
        text = f"{capitalise(award.with_article)} is {award.credits} credits {where}"
        text += f", with {requirement}." if requirement else "."
    else:
        here, there = award_for(key, "ewni"), award_for(key, "scotland")
        assert here is not None
        text = f"It depends on where you study. In {nation_label('ewni')} {here.with_article} is "
        text += f"{here.credits} credits"
        text += f" ({here.level_requirement()})" if here.level_requirement() else ""
        if there is None:
            text += "; my sources give no Scottish figure."
        else:
            ou = award_for(key, "ou")
            text += f"; in Scotland it is {there.credits} ({there.level_requirement()})"
            if ou is not None and ou.credits != there.credits:
                text += f", except at the Open University ({ou.credits})"
            text += ". Where are you studying?"
    if key == "bachelors":
        ordinary = award_for("ordinary_bachelors", nation or DEFAULT_NATION)
        if ordinary is not None:
            text += (
                f" A bachelor's degree without honours (an ordinary degree) is {ordinary.credits}"
                f" ({ordinary.level_requirement()})."
            )
    return text
