"""Credit units: the sourced constants, the four credit schemes, conversions and hours.

Every number lives in one constant below, with a comment naming its source in
``data/catalogue/credit_facts.md`` (section numbers refer to that sheet), so a number
is never typed twice. Invalid numbers raise :class:`CreditError`, a :class:`ValueError`
whose message can be shown to a learner.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

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
# credits, so anything above this, for one course or for a total, is almost
# certainly a typing slip.
MAX_UK_CREDITS: Final = 1000
# Not a sourced rule either: below a tenth of a credit (one notional hour) an amount
# cannot be printed meaningfully in whole hours and is almost certainly a slip.
MIN_CREDITS: Final = 0.1

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
# §8 University of Lincoln short courses: microcredentials of 0, 5 or 10 PGT credits,
# which stack up to 60 credits (a PGCert).
LINCOLN_MICROCREDENTIAL_CREDITS: Final = (0, 5, 10)
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
    "semester hours": "US",
    "semester credit hours": "US",
    "semester credits": "US",
    "us semester credits": "US",
    "us semester hours": "US",
    "ects credits": "ECTS",
    "ects credit": "ECTS",
    "ects points": "ECTS",
    "cats credits": "CATS",
    "cats points": "CATS",
    "uk credits": "CATS",
    "uk credit": "CATS",
    "scqf credits": "SCQF",
    "scqf credit points": "SCQF",
    "scqf points": "SCQF",
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


def check_amount(amount: object, scheme: str) -> float:
    """Validate a credit amount in ``scheme`` and return it as a float."""
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise CreditError(f"Credits must be a number, not {amount!r}.")
    value = float(amount)
    if math.isnan(value) or math.isinf(value):
        raise CreditError(f"Credits must be a finite number, not {amount!r}.")
    if value < 0:
        raise CreditError(f"Credits cannot be negative (got {format_number(value)}).")
    if 0 < value < MIN_CREDITS:
        raise CreditError(
            f"{value:g} {SCHEMES[scheme].label} is too small to mean anything (less than one "
            "hour of study); courses carry whole or half credits, such as 5, 7.5, 10 or 15."
        )
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
    value = check_amount(amount, source)
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


def ects_convention_note() -> str:
    """Why 2 UK credits = 1 ECTS does not mean equal hours (§10, FHEQ diagram; §2 Heythrop)."""
    uk_hours = UK_CREDITS_PER_ECTS * HOURS_PER_CREDIT
    return (
        f"The {UK_CREDITS_PER_ECTS}:1 ratio between UK credits and ECTS is a convention for "
        f"converting credit, not an equal amount of work: {UK_CREDITS_PER_ECTS} UK credits are "
        f"about {uk_hours} hours, while 1 ECTS credit is {ECTS_HOURS_LOW}–{ECTS_HOURS_HIGH} hours."
    )


def hours_for_credits(credits: float, scheme: str = "CATS") -> HoursEstimate:
    """Estimate study hours: 10 h per CATS/SCQF credit, 25–30 h per ECTS credit.

    US credit hours are estimated through the UK conversion (15 UK = 4 US).
    """
    code = normalise_scheme(scheme)
    value = check_amount(credits, code)
    spec = SCHEMES[code]
    return HoursEstimate(value, code, value * spec.hours_low, value * spec.hours_high)
