"""Academic credit: the sourced rules the assistant explains, and a small calculator.

Every number lives in one constant below, with a comment naming its source in
``/work/shared/catalogue/credit_facts.md`` (section numbers refer to that sheet).
Explanations are built from these constants, so a number is never typed twice.

One rule runs through everything: credit is never automatically portable, and
whether it is recognised (and how much of it) is the receiving institution's
decision. :data:`RECOGNITION_CAVEAT` says so, and every explanation ends with it.

Public API used by the Rasa actions:

- :func:`hours_for_credits`, :func:`convert_credits`, :func:`progress_towards`
- :func:`find_award`, :func:`get_award`, :data:`AWARDS`
- :func:`explain`, :func:`detect_topic`, :data:`TOPICS`
- :func:`personalised_progress`

Invalid numbers raise :class:`CreditError`, a :class:`ValueError` whose message
can be shown to a learner.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Final, TypeAlias

# ---------------------------------------------------------------------------
# Sourced constants
# ---------------------------------------------------------------------------

# §1 Imperial "National frameworks and credit systems" (CATS) and §3 Aberdeen
# "Credits explained" (SCQF): one credit is ten notional hours of learning.
HOURS_PER_CREDIT: Final = 10

# §1 Open University staff blog (May 2023) and Kent "How it works": a normal
# full-time undergraduate year.
UNDERGRADUATE_YEAR_CREDITS: Final = 120

# §2 Heythrop College note on UK credit and ECTS: 2 UK credits = 1 ECTS credit.
UK_CREDITS_PER_ECTS: Final = 2

# §2 Heythrop: one ECTS credit is roughly 25-30 hours of work.
ECTS_HOURS_LOW: Final = 25
ECTS_HOURS_HIGH: Final = 30

# §2 Edinburgh DRPS glossary and Glasgow Caledonian: SCQF uses the same ratio,
# 2 SCQF credit points = 1 ECTS point (so 1 SCQF credit = 1 UK credit).
SCQF_CREDITS_PER_ECTS: Final = 2

# §3 Aberdeen "Credits explained": the SCQF has twelve levels.
SCQF_LEVEL_COUNT: Final = 12

# §2 Kent "How it works": 15 UK credits are about 4 US credit hours.
US_CONVERSION_UK_CREDITS: Final = 15
US_CONVERSION_US_CREDITS: Final = 4

# §2 edX support, MicroBachelors credit: a US bachelor's needs about 120 US credits.
US_BACHELORS_CREDITS: Final = 120

# §1 QAA Credit Framework (2021) and §3: FHEQ levels run from 4 to 8.
FHEQ_LOWEST_LEVEL: Final = 4
FHEQ_HIGHEST_LEVEL: Final = 8

# §3 FHEQ descriptors (via Scribd copy) and Aberystwyth handbook: typical awards per level.
FHEQ_LEVELS: Final[dict[int, str]] = {
    4: "Certificate of Higher Education or HNC",
    5: "Diploma of Higher Education or foundation degree",
    6: "bachelor's degree with honours",
    7: "master's degree, PG Certificate or PG Diploma",
    8: "doctorate",
}

# §3 Aberdeen "Credits explained": SCQF levels used by higher education.
SCQF_LEVELS: Final[dict[int, str]] = {
    7: "Advanced Higher, HNC or first year of university",
    8: "HND",
    9: "ordinary bachelor's degree",
    10: "honours degree",
    11: "master's degree, PG Diploma or PG Certificate",
    12: "doctorate",
}

# §3 Aberystwyth handbook: an FHEQ level 6 honours degree matches SCQF level 10.
FHEQ_HONOURS_LEVEL: Final = 6
SCQF_HONOURS_LEVEL: Final = 10

# Sanity bound for "absurd" inputs, not a sourced rule: the largest credit-rated
# award in the QAA Credit Framework (§1) is a professional doctorate of 540
# credits, so anything above this is almost certainly a typing slip.
MAX_UK_CREDITS: Final = 1000

# §6 Leicester APL policy: example maximum prior-learning credit per award.
# EXAMPLES ONLY: every institution sets its own caps.
LEICESTER_RPL_MAX: Final[dict[str, int]] = {
    "certhe": 60,
    "diphe": 120,
    "foundation_degree": 120,
    "bachelors": 120,
    "integrated_masters": 240,
    "pg_certificate": 30,
    "pg_diploma": 60,
    "masters": 60,
}
# §6 Swansea APL policy: taught postgraduate APL capped at one third of the award.
SWANSEA_TAUGHT_PG_RPL_SHARE: Final = Fraction(1, 3)
# §6 UWE Bristol rules (quoted by GCET): external prior learning at most two-thirds.
UWE_EXTERNAL_RPL_SHARE: Final = Fraction(2, 3)

# §8 University of London "About microcredentials": 15-credit PG microcredentials.
LONDON_MICROCREDENTIAL_CREDITS: Final = 15
# §8 University of Lincoln short courses: stack up to 60 credits (a PGCert).
LINCOLN_STACK_MAX_CREDITS: Final = 60
# §8 Open University: 15-credit PG microcredentials, 12 weeks of about 13 hours.
OU_MICROCREDENTIAL_CREDITS: Final = 15
OU_MICROCREDENTIAL_WEEKS: Final = 12
OU_MICROCREDENTIAL_HOURS_PER_WEEK: Final = 13
# §8 SETU (Ireland): six 10-ECTS level 9 modules make a 60-ECTS PG Diploma;
# a dissertation on top gives the 90-ECTS MSc.
SETU_MODULE_COUNT: Final = 6
SETU_MODULE_ECTS: Final = 10
SETU_MSC_ECTS: Final = 90
# §8 Lumina Foundation interview with edX: a MicroMasters typically covers
# 25-50% of a master's at a university that accepts it.
EDX_MICROMASTERS_SHARE_LOW: Final = 25
EDX_MICROMASTERS_SHARE_HIGH: Final = 50
# §6 Cranfield "short course credit points" (third-party copy): credit banked
# towards a PG award for up to 5 years.
CRANFIELD_CREDIT_BANK_YEARS: Final = 5

# §1 QAA Credit Framework "Definition of terms", §6 FutureLearn partner centre,
# §8 caveat for advisers: recognition is always the receiving institution's call.
RECOGNITION_CAVEAT: Final = (
    "Whether any credit is recognised, and how much, is always decided by the "
    "institution that would receive it, so check with them first."
)


# ---------------------------------------------------------------------------
# Errors and number formatting
# ---------------------------------------------------------------------------


class CreditError(ValueError):
    """An input to the credit calculator that cannot be right; the message is learner-safe."""


def format_number(value: float) -> str:
    """Format a credit or hour count for chat: ``15``, ``7.5``, ``1,800``, ``11.25``."""
    rounded = round(value, 2)
    if math.isclose(rounded, round(rounded)):
        return f"{round(rounded):,}"
    return f"{rounded:,.2f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------------------
# Credit schemes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Scheme:
    """A credit scheme: how big one of its credits is in UK credits and in hours."""

    code: str
    label: str
    uk_credits_per_unit: float
    hours_low: float
    hours_high: float


SCHEMES: Final[dict[str, Scheme]] = {
    "CATS": Scheme("CATS", "credits", 1, HOURS_PER_CREDIT, HOURS_PER_CREDIT),
    "SCQF": Scheme(
        "SCQF",
        "SCQF credits",
        UK_CREDITS_PER_ECTS / SCQF_CREDITS_PER_ECTS,
        HOURS_PER_CREDIT,
        HOURS_PER_CREDIT,
    ),
    "ECTS": Scheme("ECTS", "ECTS", UK_CREDITS_PER_ECTS, ECTS_HOURS_LOW, ECTS_HOURS_HIGH),
    # US hours are derived through the Kent conversion, not sourced directly.
    "US": Scheme(
        "US",
        "US credit hours",
        US_CONVERSION_UK_CREDITS / US_CONVERSION_US_CREDITS,
        US_CONVERSION_UK_CREDITS / US_CONVERSION_US_CREDITS * HOURS_PER_CREDIT,
        US_CONVERSION_UK_CREDITS / US_CONVERSION_US_CREDITS * HOURS_PER_CREDIT,
    ),
}

_SCHEME_ALIASES: Final[dict[str, str]] = {
    "cats": "CATS",
    "uk": "CATS",
    "fheq": "CATS",
    "scqf": "SCQF",
    "scottish": "SCQF",
    "scotland": "SCQF",
    "ects": "ECTS",
    "european": "ECTS",
    "eu": "ECTS",
    "us": "US",
    "usa": "US",
    "american": "US",
    "us credit hours": "US",
    "us credits": "US",
    "credit hours": "US",
}


def normalise_scheme(name: str) -> str:
    """Return the scheme code (``CATS``, ``SCQF``, ``ECTS`` or ``US``) for ``name``."""
    if not isinstance(name, str):
        raise CreditError(f"A credit scheme must be a name such as 'ECTS', not {name!r}.")
    key = " ".join(name.strip().lower().split())
    code = _SCHEME_ALIASES.get(key)
    if code is None:
        known = ", ".join(SCHEMES)
        raise CreditError(f"Unknown credit scheme {name!r}; use one of {known}.")
    return code


def _check_amount(amount: object, scheme: str) -> float:
    """Validate a credit amount in ``scheme`` and return it as a float."""
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise CreditError(f"Credits must be a number, not {amount!r}.")
    value = float(amount)
    if math.isnan(value) or math.isinf(value):
        raise CreditError(f"Credits must be a finite number, not {amount!r}.")
    if value < 0:
        raise CreditError(f"Credits cannot be negative (got {format_number(value)}).")
    if value * SCHEMES[scheme].uk_credits_per_unit > MAX_UK_CREDITS:
        raise CreditError(
            f"{format_number(value)} {SCHEMES[scheme].label} is more than any UK award "
            f"needs (the limit here is {MAX_UK_CREDITS:,} UK credits); please check the number."
        )
    return value


def convert_credits(amount: float, from_scheme: str, to_scheme: str) -> float:
    """Convert ``amount`` credits between CATS, SCQF, ECTS and US credit hours.

    15 CATS -> 7.5 ECTS; 120 CATS -> 60 ECTS; 15 CATS -> 4 US.
    """
    source = normalise_scheme(from_scheme)
    target = normalise_scheme(to_scheme)
    value = _check_amount(amount, source)
    uk = value * SCHEMES[source].uk_credits_per_unit
    return uk / SCHEMES[target].uk_credits_per_unit


def to_uk_credits(amount: float, scheme: str = "CATS") -> float:
    """Convert ``amount`` credits in ``scheme`` to UK (CATS) credits."""
    return convert_credits(amount, scheme, "CATS")


@dataclass(frozen=True)
class HoursEstimate:
    """Notional study hours for an amount of credit; ``low == high`` for UK schemes."""

    credits: float
    scheme: str
    low: float
    high: float

    @property
    def is_range(self) -> bool:
        """True when the scheme only gives a range (ECTS)."""
        return not math.isclose(self.low, self.high)

    def sentence(self) -> str:
        """E.g. "5 ECTS is about 125–150 hours of study"."""
        hours = format_number(self.low)
        if self.is_range:
            hours = f"{hours}–{format_number(self.high)}"
        label = SCHEMES[self.scheme].label
        return f"{format_number(self.credits)} {label} is about {hours} hours of study."


def hours_for_credits(credits: float, scheme: str = "CATS") -> HoursEstimate:
    """Estimate study hours: 10 h per CATS/SCQF credit, 25–30 h per ECTS credit.

    US credit hours are estimated through the UK conversion (15 UK = 4 US).
    """
    code = normalise_scheme(scheme)
    value = _check_amount(credits, code)
    spec = SCHEMES[code]
    return HoursEstimate(value, code, value * spec.hours_low, value * spec.hours_high)


# ---------------------------------------------------------------------------
# Awards
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Award:
    """A UK award (or the undergraduate year) and the credit it needs."""

    key: str
    name: str
    short: str
    credits: int
    fheq_level: int | None = None
    min_credits_at_level: int | None = None
    article: str = "a"

    @property
    def with_article(self) -> str:
        """The name with its indefinite article: "a PG Certificate", "an integrated ..."."""
        return f"{self.article} {self.name}"


# §1 Leicester APL policy Appendix 1 (totals), QAA Credit Framework 2021 (minimum
# credit at level 7), §3 FHEQ (levels), §1 OU/Kent (the undergraduate year).
AWARDS: Final[dict[str, Award]] = {
    "certhe": Award("certhe", "Certificate of Higher Education", "CertHE", 120, 4),
    "diphe": Award("diphe", "Diploma of Higher Education", "DipHE", 240, 5),
    "foundation_degree": Award(
        "foundation_degree", "foundation degree", "foundation degree", 240, 5
    ),
    "bachelors": Award(
        "bachelors", "bachelor's degree with honours", "bachelor's with honours", 360, 6
    ),
    "integrated_masters": Award(
        "integrated_masters",
        "integrated master's degree",
        "integrated master's",
        480,
        7,
        120,
        "an",
    ),
    "pg_certificate": Award("pg_certificate", "PG Certificate", "PG Certificate", 60, 7, 40),
    "pg_diploma": Award("pg_diploma", "PG Diploma", "PG Diploma", 120, 7, 90),
    "masters": Award("masters", "master's degree", "master's", 180, 7, 150),
    "undergraduate_year": Award(
        "undergraduate_year",
        "full-time undergraduate year",
        "undergraduate year",
        UNDERGRADUATE_YEAR_CREDITS,
    ),
}

# Checked in this order: the more specific phrasing first ("integrated master's"
# before "master's", "PG Diploma" before "diploma", "first year of a degree"
# before "degree").
_AWARD_PATTERNS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    (
        "integrated_masters",
        (r"\bintegrated master", r"\bm(?:eng|sci|chem|phys|math|pharm)\b"),
    ),
    (
        "pg_diploma",
        (
            r"\b(?:pg|post ?grad(?:uate)?|post-grad(?:uate)?) ?dip(?:loma)?\b",
            r"\bpgd\b",
        ),
    ),
    (
        "pg_certificate",
        (
            r"\b(?:pg|post ?grad(?:uate)?|post-grad(?:uate)?) ?cert(?:ificate)?\b",
            r"\bpgc\b",
        ),
    ),
    ("diphe", (r"\bdip ?he\b", r"\bdiploma (?:of|in) higher education\b")),
    ("certhe", (r"\bcert ?he\b", r"\bcertificate (?:of|in) higher education\b")),
    ("foundation_degree", (r"\bfoundation degree\b", r"\bfd(?:sc|a)\b")),
    (
        "undergraduate_year",
        (
            r"\b(?:first|1st|one|a|1|single) (?:full[- ]time )?year (?:of|at|in) "
            r"(?:uni|university|college|undergrad|undergraduate|"
            r"(?:an? |my )?(?:undergrad(?:uate)? |bachelor'?s )?degree)\b",
            r"\bundergrad(?:uate)? year\b",
            r"\byear of (?:undergrad|undergraduate)\b",
            r"\bfirst[- ]year (?:uni|university|undergrad(?:uate)?)\b",
        ),
    ),
    (
        "masters",
        (
            r"\bmaster'?s\b",
            r"\bmasters'",
            r"\bmaster (?:degree|of)\b",
            r"\bm(?:sc|a|ba|res|phil)\b",
            r"\bllm\b",
            r"\bpost ?grad(?:uate)? degree\b",
        ),
    ),
    (
        "bachelors",
        (
            r"\bbachelor'?s?\b",
            r"\bb(?:sc|a|eng|mus)\b",
            r"\bllb\b",
            r"\bhons\b",
            r"\bhonours\b",
            r"\bhonors\b",
            r"\bundergrad(?:uate)? degree\b",
            r"\bdegree\b",
        ),
    ),
)

# Doctorates are not in AWARDS (PhDs are not usually credit-rated, §1).
_DOCTORATE_PATTERN: Final = r"\b(?:phd|dphil|doctorate|doctoral|edd|dba)\b"


def _normalise_text(text: str) -> str:
    """Lower-case, straighten apostrophes, turn punctuation into spaces, squash spaces."""
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    cleaned = re.sub(r"[^a-z0-9'£$%\- ]+", " ", lowered)
    return " ".join(cleaned.split())


def find_award(text: str) -> Award | None:
    """Recognise an award in how people say it ("PG Cert", "MSc", "first year of uni")."""
    if not isinstance(text, str) or not text.strip():
        return None
    normal = _normalise_text(text)
    key = normal.replace(" ", "_").replace("-", "_")
    if key in AWARDS:
        return AWARDS[key]
    if re.search(_DOCTORATE_PATTERN, normal):
        return None
    for award_key, patterns in _AWARD_PATTERNS:
        if any(re.search(pattern, normal) for pattern in patterns):
            return AWARDS[award_key]
    return None


def get_award(award: Award | str) -> Award:
    """Return an :class:`Award` from an award, its key or a phrase; raise CreditError if none."""
    if isinstance(award, Award):
        return award
    found = find_award(award) if isinstance(award, str) else None
    if found is None:
        known = ", ".join(AWARDS)
        raise CreditError(f"I don't know the award {award!r}; use one of {known}.")
    return found


# ---------------------------------------------------------------------------
# Progress towards an award
# ---------------------------------------------------------------------------

#: One course's credit: a number in the default scheme, ``None`` when the course
#: states no credit, or ``(amount, scheme)`` for a course in another scheme.
CourseCredit: TypeAlias = float | tuple[float | None, str] | None


@dataclass(frozen=True)
class Progress:
    """How far a set of courses goes towards an award, all in UK credits."""

    award: Award
    total_uk_credits: float
    award_credits: int
    remaining: float
    counted: int
    unknown: int
    parts: tuple[float, ...] = ()
    conversions: tuple[str, ...] = ()

    @property
    def excess(self) -> float:
        """UK credits beyond what the award needs (0 when not covered)."""
        return max(self.total_uk_credits - self.award_credits, 0.0)

    @property
    def covered(self) -> bool:
        """True when the counted credit reaches the award's total."""
        return self.total_uk_credits >= self.award_credits or math.isclose(
            self.total_uk_credits, self.award_credits
        )

    def _sum_text(self) -> str:
        values = [format_number(part) for part in self.parts]
        total = format_number(self.total_uk_credits)
        if len(set(values)) == 1:
            return f"{len(values)} x {values[0]} credits = {total}"
        return f"{' + '.join(values)} credits = {total}"

    def sentence(self) -> str:
        """E.g. "3 x 15 credits = 45 of the 60 credits for a PG Certificate (15 still to go)."."""
        needed = f"the {self.award_credits:,} credits for {self.award.with_article}"
        if self.counted == 0 and self.unknown == 0:
            return (
                f"No courses chosen yet. {_capitalise(self.award.with_article)} needs "
                f"{self.award_credits:,} credits."
            )
        if self.counted == 0:
            return (
                f"{_courses(self.unknown)} not state credits, so I can't count them "
                f"towards {needed}."
            )
        head = self._sum_text()
        if self.covered and math.isclose(self.total_uk_credits, self.award_credits):
            text = f"{head}: exactly {needed}."
        elif self.covered:
            text = (
                f"{head}: that would more than cover {needed} "
                f"({format_number(self.excess)} more than needed)."
            )
        else:
            text = f"{head} of {needed} ({format_number(self.remaining)} still to go)."
        if self.conversions:
            text += f" Converted to UK credits: {'; '.join(self.conversions)}."
        if self.unknown:
            text += f" {_courses(self.unknown)} not state credits, so they are not counted."
        return text


def _capitalise(text: str) -> str:
    """Upper-case the first letter only ("a PG Certificate" -> "A PG Certificate")."""
    return text[:1].upper() + text[1:]


def _courses(count: int) -> str:
    """Return the start of "... not state credits": "1 course does" or "N courses do"."""
    return "1 course does" if count == 1 else f"{count} courses do"


def _course_uk_credits(item: CourseCredit, default_scheme: str) -> tuple[float | None, str]:
    """Return a course's UK credits (None if unknown) and its scheme code."""
    if isinstance(item, tuple):
        if len(item) != 2:
            raise CreditError(f"A course's credit must be (amount, scheme), not {item!r}.")
        amount, scheme = item
        code = normalise_scheme(scheme)
    else:
        amount, code = item, default_scheme
    if amount is None:
        return None, code
    return to_uk_credits(_check_amount(amount, code), code), code


def progress_towards(
    course_credits: Sequence[CourseCredit],
    award: Award | str,
    scheme: str = "CATS",
) -> Progress:
    """Add up courses' credit (converted to UK credits) against an award's total.

    ``course_credits`` holds one entry per course: a number in ``scheme``, ``None`` when
    the course states no credit, or ``(amount, scheme)`` for mixed schemes.
    """
    target = get_award(award)
    default_code = normalise_scheme(scheme)
    if isinstance(course_credits, (str, bytes)) or not isinstance(course_credits, Sequence):
        raise CreditError("Course credits must be a list with one entry per course.")
    parts: list[float] = []
    conversions: list[str] = []
    unknown = 0
    for item in course_credits:
        uk, code = _course_uk_credits(item, default_code)
        if uk is None:
            unknown += 1
            continue
        parts.append(uk)
        if code != "CATS":
            original = uk / SCHEMES[code].uk_credits_per_unit
            conversions.append(
                f"{format_number(original)} {SCHEMES[code].label} = {format_number(uk)}"
            )
    total = sum(parts)
    return Progress(
        award=target,
        total_uk_credits=total,
        award_credits=target.credits,
        remaining=max(target.credits - total, 0.0),
        counted=len(parts),
        unknown=unknown,
        parts=tuple(parts),
        conversions=tuple(conversions),
    )


def personalised_progress(
    credits_of_courses: Sequence[CourseCredit],
    award: Award | str | None,
    scheme: str = "CATS",
) -> str | None:
    """A chat reply on how far these courses go towards ``award``; ``None`` without an award.

    The award is never guessed: pass what the learner asked for (a key, a phrase such as
    "PG Cert", or an :class:`Award`). Unrecognised awards also give ``None``.
    """
    if award is None:
        return None
    target = award if isinstance(award, Award) else find_award(award)
    if target is None:
        return None
    progress = progress_towards(credits_of_courses, target, scheme)
    pieces = []
    if progress.counted + progress.unknown:
        pieces.append(f"Adding up these {_plural(progress.counted + progress.unknown, 'course')}:")
    pieces.append(progress.sentence())
    if target.min_credits_at_level and target.fheq_level:
        pieces.append(
            f"{_capitalise(target.with_article)} also needs at least "
            f"{target.min_credits_at_level} credits at FHEQ level {target.fheq_level}."
        )
    pieces.append(RECOGNITION_CAVEAT)
    return " ".join(pieces)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# ---------------------------------------------------------------------------
# Explanations by topic
# ---------------------------------------------------------------------------

TOPICS: Final[tuple[str, ...]] = (
    "overview",
    "degree_sizes",
    "masters",
    "pg_certificate",
    "ects",
    "scqf",
    "us_credit",
    "transfer",
    "stacking",
    "rpl",
    "levels",
)

_FRACTION_WORDS: Final[dict[Fraction, str]] = {
    Fraction(1, 3): "one third",
    Fraction(2, 3): "two-thirds",
    Fraction(1, 2): "half",
}


def _fraction_words(share: Fraction) -> str:
    return _FRACTION_WORDS.get(share, f"{share.numerator}/{share.denominator}")


def _explain_overview() -> str:
    module = 15
    return (
        "Academic credit measures how much learning a course involves. In the UK's CATS "
        f"system one credit stands for about {HOURS_PER_CREDIT} hours of study, counting "
        f"teaching, independent work and assessment, so a {module}-credit course is roughly "
        f"{format_number(module * HOURS_PER_CREDIT)} hours. A full-time undergraduate year "
        f"is {UNDERGRADUATE_YEAR_CREDITS} credits."
    )


def _explain_degree_sizes() -> str:
    undergrad = ", ".join(
        f"{AWARDS[k].short} {AWARDS[k].credits}"
        for k in ("certhe", "diphe", "foundation_degree", "bachelors", "integrated_masters")
    )
    postgrad = ", ".join(
        f"{AWARDS[k].short} {AWARDS[k].credits}"
        for k in ("pg_certificate", "pg_diploma", "masters")
    )
    return (
        f"Typical UK award sizes, in credits: {undergrad}. Postgraduate: {postgrad}. "
        f"Each credit is about {HOURS_PER_CREDIT} hours, and a full-time undergraduate year "
        f"is {UNDERGRADUATE_YEAR_CREDITS} credits."
    )


def _explain_masters() -> str:
    m, pgc, pgd = AWARDS["masters"], AWARDS["pg_certificate"], AWARDS["pg_diploma"]
    return (
        f"A UK taught master's is normally {m.credits} credits, with at least "
        f"{m.min_credits_at_level} of them at FHEQ level {m.fheq_level}. That is roughly "
        f"{format_number(m.credits * HOURS_PER_CREDIT)} hours of study. The smaller "
        f"postgraduate awards on the way are the {pgc.name} ({pgc.credits} credits) and the "
        f"{pgd.name} ({pgd.credits} credits)."
    )


def _explain_pg_certificate() -> str:
    pgc, pgd = AWARDS["pg_certificate"], AWARDS["pg_diploma"]
    per_course = LONDON_MICROCREDENTIAL_CREDITS
    return (
        f"A {pgc.name} is the smallest postgraduate award: {pgc.credits} credits (about "
        f"{format_number(pgc.credits * HOURS_PER_CREDIT)} hours), with at least "
        f"{pgc.min_credits_at_level} at level {pgc.fheq_level}. For example, "
        f"{pgc.credits // per_course} courses of {per_course} credits add up to one. A "
        f"{pgd.name} is {pgd.credits} credits, with at least {pgd.min_credits_at_level} at "
        f"level {pgd.fheq_level}."
    )


def _explain_ects() -> str:
    module = 15
    year = UNDERGRADUATE_YEAR_CREDITS
    return (
        "ECTS is the credit system used across Europe. Two UK credits make one ECTS credit, "
        f"so a {module}-credit UK module is {format_number(module / UK_CREDITS_PER_ECTS)} ECTS "
        f"and a full year of {year} UK credits is {format_number(year / UK_CREDITS_PER_ECTS)} "
        f"ECTS. One ECTS credit means roughly {ECTS_HOURS_LOW}–{ECTS_HOURS_HIGH} hours of work."
    )


def _explain_scqf() -> str:
    return (
        f"Scotland uses the SCQF, which has {SCQF_LEVEL_COUNT} levels. One SCQF credit is about "
        f"{HOURS_PER_CREDIT} hours, the same size as elsewhere in the UK, and "
        f"{SCQF_CREDITS_PER_ECTS} SCQF credits equal 1 ECTS. An honours degree sits at SCQF "
        f"level {SCQF_HONOURS_LEVEL} (FHEQ level {FHEQ_HONOURS_LEVEL} in the rest of the UK), "
        "and master's-level study at level 11."
    )


def _explain_us_credit() -> str:
    year = UNDERGRADUATE_YEAR_CREDITS
    us_year = convert_credits(year, "CATS", "US")
    return (
        "US colleges count credit hours. One common conversion (Kent's) is "
        f"{US_CONVERSION_UK_CREDITS} UK credits ≈ {US_CONVERSION_US_CREDITS} US credit hours, "
        f"so a {year}-credit UK year is about {format_number(us_year)} US credits, and a US "
        f"bachelor's usually takes around {US_BACHELORS_CREDITS}. Credit for "
        "online courses often comes as an ACE CREDIT recommendation, which a college may or "
        "may not accept."
    )


def _explain_transfer() -> str:
    return (
        "Credit is never automatically portable. Each university decides what it will accept "
        "into its own courses, usually through recognition of prior learning, and looks at "
        "subject, level, how much credit and how old it is. Credit can also expire: Cranfield, "
        f"for example, banks short-course credit for up to {CRANFIELD_CREDIT_BANK_YEARS} years. "
        "Ask the admissions team of the course you're aiming for before relying on it."
    )


def _explain_stacking() -> str:
    setu_pgdip = SETU_MODULE_COUNT * SETU_MODULE_ECTS
    return (
        "Stacking means collecting smaller credit-bearing courses over time until they add up "
        "to a bigger award. Examples: the University of London's "
        f"{LONDON_MICROCREDENTIAL_CREDITS}-credit postgraduate microcredentials build towards a "
        f"PGCert, PGDip or master's; Lincoln lets them stack up to {LINCOLN_STACK_MAX_CREDITS} "
        f"credits; SETU in Ireland turns {SETU_MODULE_COUNT} modules of {SETU_MODULE_ECTS} ECTS "
        f"into a {setu_pgdip}-ECTS PG Diploma; an edX MicroMasters usually covers "
        f"{EDX_MICROMASTERS_SHARE_LOW}–{EDX_MICROMASTERS_SHARE_HIGH}% of a master's."
    )


def _explain_rpl() -> str:
    caps = LEICESTER_RPL_MAX
    pgc, m = AWARDS["pg_certificate"], AWARDS["masters"]
    return (
        "Recognition of prior learning (RPL, or APL) lets earlier learning count towards a "
        "course: APCL for certificated learning such as a microcredential, APEL for learning "
        "from experience, which is assessed on what you learnt rather than time served. Caps "
        f"vary; as examples, Leicester allows up to {caps['pg_certificate']} of {pgc.credits} "
        f"credits for a PGCert and {caps['masters']} of {m.credits} for a master's, Swansea "
        f"{_fraction_words(SWANSEA_TAUGHT_PG_RPL_SHARE)} of a taught postgraduate award, UWE "
        f"{_fraction_words(UWE_EXTERNAL_RPL_SHARE)}."
    )


def _explain_levels() -> str:
    fheq = "; ".join(f"{level} {award}" for level, award in FHEQ_LEVELS.items())
    return (
        f"England, Wales and Northern Ireland use the FHEQ, levels {FHEQ_LOWEST_LEVEL}–"
        f"{FHEQ_HIGHEST_LEVEL}: {fheq}. Scotland's SCQF has {SCQF_LEVEL_COUNT} levels, with an "
        f"honours degree at level {SCQF_HONOURS_LEVEL} and a master's at level 11."
    )


_EXPLAINERS: Final[dict[str, Callable[[], str]]] = {
    "overview": _explain_overview,
    "degree_sizes": _explain_degree_sizes,
    "masters": _explain_masters,
    "pg_certificate": _explain_pg_certificate,
    "ects": _explain_ects,
    "scqf": _explain_scqf,
    "us_credit": _explain_us_credit,
    "transfer": _explain_transfer,
    "stacking": _explain_stacking,
    "rpl": _explain_rpl,
    "levels": _explain_levels,
}


def explain(topic: str) -> str:
    """A short chat answer on a credit topic, always ending with :data:`RECOGNITION_CAVEAT`."""
    explainer = _EXPLAINERS.get(topic)
    if explainer is None:
        raise ValueError(f"Unknown credit topic {topic!r}; use one of {', '.join(TOPICS)}.")
    return f"{explainer()} {RECOGNITION_CAVEAT}"


# Checked in order; the first topic with a matching pattern wins.
_TOPIC_PATTERNS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    (
        "rpl",
        (
            r"\bprior learning\b",
            r"\b(?:rpl|apl|apel|apcl)\b",
            r"\bexperience (?:count|counts|be counted)\b",
            r"\b(?:work|professional|job) experience\b",
            r"\bexperiential\b",
            r"\bexempt(?:ion)?s?\b",
            r"\bcredit for (?:my )?(?:experience|previous)\b",
        ),
    ),
    ("stacking", (r"\bstack", r"\bbuild (?:up )?(?:in)?to\b", r"\badd up to\b")),
    (
        "transfer",
        (
            r"\btransfer",
            r"\bportab",
            r"\bmove my credits?\b",
            r"\b(?:accept|recogni[sz]e)s? (?:my )?credits?\b",
            r"\bcredits? (?:be )?(?:accepted|recogni[sz]ed)\b",
            r"\b(?:another|other|different) (?:uni|university|college|institution)\b",
            r"\bexpire",
        ),
    ),
    (
        "us_credit",
        (
            r"\bus credits?\b",
            r"\bus (?:college|university|universities|degree)\b",
            r"\bamerica",
            r"\busa\b",
            r"\bunited states\b",
            r"\bcredit hours?\b",
            r"\bsemester hours?\b",
            r"\bace credit\b",
        ),
    ),
    ("ects", (r"\bects\b", r"\beurope", r"\bbologna\b")),
    ("scqf", (r"\bscqf\b", r"\bscotland\b", r"\bscottish\b")),
    ("levels", (r"\blevels?\b", r"\bfheq\b", r"\bnqf\b", r"\brqf\b")),
    (
        "pg_certificate",
        (
            r"\b(?:pg|post ?grad(?:uate)?|post-grad(?:uate)?) ?(?:cert|dip)",
            r"\bpgc\b",
        ),
    ),
    (
        "masters",
        (
            r"\bmaster'?s\b",
            r"\bmasters'",
            r"\bm(?:sc|a|ba|res)\b",
            r"\bpost ?grad(?:uate)? degree\b",
        ),
    ),
    (
        "degree_sizes",
        (
            r"\bdegrees?\b",
            r"\bbachelor",
            r"\bb(?:sc|a)\b",
            r"\bcert ?he\b",
            r"\bdip ?he\b",
            r"\bhonours\b",
            r"\bhow many credits (?:is|are|for|do|does|make|in)\b",
            r"\b(?:award|qualification) sizes?\b",
        ),
    ),
    (
        "overview",
        (
            r"\bhours?\b",
            r"\bworth\b",
            r"\bcats\b",
            r"\bwhat (?:is|are) (?:a |an )?(?:academic )?credits?\b",
        ),
    ),
)


def detect_topic(text: str) -> str:
    """Map a learner's question to one of :data:`TOPICS` by keywords; default ``overview``."""
    if not isinstance(text, str):
        return "overview"
    normal = _normalise_text(text)
    for topic, patterns in _TOPIC_PATTERNS:
        if any(re.search(pattern, normal) for pattern in patterns):
            return topic
    return "overview"
