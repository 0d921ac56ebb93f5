"""Academic credit: the public API the Rasa actions use, and short explanations by topic.

The pieces live in small modules: :mod:`~actions.knowledge.units` (sourced constants,
schemes, conversions, hours), :mod:`~actions.knowledge.awards` (award sizes per UK
nation, from ``data/catalogue/awards.yml``), :mod:`~actions.knowledge.progress` (the
calculator) and :mod:`~actions.knowledge.questions` (questions with numbers in them).
This module re-exports what the actions use and holds the topic explanations.

One rule runs through everything: credit is never automatically portable, and
whether it is recognised (and how much of it) is the receiving institution's
decision. :data:`RECOGNITION_CAVEAT` says so, and every explanation ends with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from typing import Final

from actions.knowledge.awards import (
    Award,
    award_for,
    awards,
    find_award,
)
from actions.knowledge.awards import normalise_text as _normalise_text
from actions.knowledge.progress import (
    CourseCredit,
    Progress,
    personalised_progress,
    progress_towards,
)
from actions.knowledge.units import (
    CRANFIELD_CREDIT_BANK_YEARS,
    EDX_MICROMASTERS_SHARE_HIGH,
    EDX_MICROMASTERS_SHARE_LOW,
    FHEQ_HIGHEST_LEVEL,
    FHEQ_HONOURS_LEVEL,
    FHEQ_LEVELS,
    FHEQ_LOWEST_LEVEL,
    HOURS_PER_CREDIT,
    LEICESTER_RPL_MAX,
    LINCOLN_MICROCREDENTIAL_CREDITS,
    LINCOLN_STACK_MAX_CREDITS,
    LONDON_MICROCREDENTIAL_CREDITS,
    MAX_UK_CREDITS,
    MIN_CREDITS,
    OU_MICROCREDENTIAL_CREDITS,
    OU_MICROCREDENTIAL_HOURS_PER_WEEK,
    OU_MICROCREDENTIAL_WEEKS,
    RECOGNITION_CAVEAT,
    SCHEMES,
    SCQF_CREDITS_PER_ECTS,
    SCQF_HONOURS_LEVEL,
    SCQF_LEVEL_COUNT,
    SCQF_LEVELS,
    SETU_MODULE_COUNT,
    SETU_MODULE_ECTS,
    SETU_MSC_ECTS,
    SWANSEA_TAUGHT_PG_RPL_SHARE,
    UK_CREDITS_PER_ECTS,
    UNDERGRADUATE_YEAR_CREDITS,
    US_BACHELORS_CREDITS,
    US_CONVERSION_UK_CREDITS,
    US_CONVERSION_US_CREDITS,
    UWE_EXTERNAL_RPL_SHARE,
    CreditError,
    HoursEstimate,
    Scheme,
    convert_credits,
    ects_convention_note,
    format_number,
    hours_for_credits,
    normalise_scheme,
    to_uk_credits,
)

__all__ = [
    "AWARDS",
    "CRANFIELD_CREDIT_BANK_YEARS",
    "HOURS_PER_CREDIT",
    "LINCOLN_MICROCREDENTIAL_CREDITS",
    "LINCOLN_STACK_MAX_CREDITS",
    "LONDON_MICROCREDENTIAL_CREDITS",
    "MAX_UK_CREDITS",
    "MIN_CREDITS",
    "OU_MICROCREDENTIAL_CREDITS",
    "OU_MICROCREDENTIAL_HOURS_PER_WEEK",
    "OU_MICROCREDENTIAL_WEEKS",
    "RECOGNITION_CAVEAT",
    "SCHEMES",
    "SCQF_LEVELS",
    "SETU_MSC_ECTS",
    "TOPICS",
    "Award",
    "CourseCredit",
    "CreditError",
    "HoursEstimate",
    "Progress",
    "Scheme",
    "award_for",
    "convert_credits",
    "detect_topic",
    "ects_convention_note",
    "explain",
    "find_award",
    "format_number",
    "get_award",
    "hours_for_credits",
    "normalise_scheme",
    "personalised_progress",
    "progress_towards",
    "to_uk_credits",
]

#: Awards sized for England, Wales and Northern Ireland (the default; see ``awards``).
AWARDS: Final[dict[str, Award]] = awards()


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
        "Academic credit measures how much learning a course involves. Across the UK (CATS "
        "credits in England, Wales and Northern Ireland, SCQF credit points in Scotland) one "
        f"credit stands for about {HOURS_PER_CREDIT} hours of study, counting teaching, "
        f"independent work and assessment, so a {module}-credit course is roughly "
        f"{format_number(module * HOURS_PER_CREDIT)} hours. A full-time undergraduate year "
        f"is {UNDERGRADUATE_YEAR_CREDITS} credits."
    )


def _sizes(nation: str, keys: tuple[str, ...]) -> str:
    found = [award_for(k, nation) for k in keys]
    return ", ".join(f"{a.short} {a.credits}" for a in found if a is not None)


def _explain_degree_sizes() -> str:
    hons, integrated = AWARDS["bachelors"], AWARDS["integrated_masters"]
    scot_hons = award_for("bachelors", "scotland")
    scot_integrated = award_for("integrated_masters", "scotland")
    assert scot_hons is not None and scot_integrated is not None  # both sizes in awards.yml
    return (
        "In England, Wales and Northern Ireland, in credits: "
        f"{_sizes('ewni', ('certhe', 'diphe', 'ordinary_bachelors', 'bachelors'))} (honours "
        f"needs {hons.level_requirement()}), integrated master's {integrated.credits}. In "
        f"Scotland: {_sizes('scotland', ('ordinary_bachelors', 'bachelors'))} "
        f"({scot_hons.level_requirement()}), integrated master's {scot_integrated.credits} "
        f"(the Open University keeps {hons.credits} and {integrated.credits}). Postgraduate, "
        f"everywhere: {_sizes('ewni', ('pg_certificate', 'pg_diploma', 'masters'))}."
    )


def _explain_masters() -> str:
    m, pgc, pgd = AWARDS["masters"], AWARDS["pg_certificate"], AWARDS["pg_diploma"]
    return (
        f"A UK taught master's is normally {m.credits} credits, with at least "
        f"{m.min_credits_at_level} of them at FHEQ level {m.level} (SCQF level 11 in "
        f"Scotland). That is roughly {format_number(m.credits * HOURS_PER_CREDIT)} hours of "
        f"study. The smaller postgraduate awards on the way are the {pgc.name} ({pgc.credits} "
        f"credits) and the {pgd.name} ({pgd.credits} credits). Research master's (MRes, "
        "MPhil) are not typically credit-rated, so they have no standard credit total."
    )


def _explain_pg_certificate() -> str:
    pgc, pgd = AWARDS["pg_certificate"], AWARDS["pg_diploma"]
    per_course = LONDON_MICROCREDENTIAL_CREDITS
    return (
        f"A {pgc.name} is the smallest postgraduate award: {pgc.credits} credits (about "
        f"{format_number(pgc.credits * HOURS_PER_CREDIT)} hours), with at least "
        f"{pgc.min_credits_at_level} at level {pgc.level}. For example, "
        f"{pgc.credits // per_course} courses of {per_course} credits add up to one. A "
        f"{pgd.name} is {pgd.credits} credits, with at least {pgd.min_credits_at_level} at "
        f"level {pgd.level}."
    )


def _explain_ects() -> str:
    module = 15
    year = UNDERGRADUATE_YEAR_CREDITS
    return (
        "ECTS is the credit system used across Europe. Two UK credits make one ECTS credit, "
        f"so a {module}-credit UK module is {format_number(module / UK_CREDITS_PER_ECTS)} ECTS "
        f"and a full year of {year} UK credits is {format_number(year / UK_CREDITS_PER_ECTS)} "
        f"ECTS. {ects_convention_note()}"
    )


def _explain_scqf() -> str:
    hons, ordinary = award_for("bachelors", "scotland"), award_for("ordinary_bachelors", "scotland")
    assert hons is not None and ordinary is not None  # awards.yml gives both
    return (
        f"Scotland uses the SCQF, which has {SCQF_LEVEL_COUNT} levels. One SCQF credit is about "
        f"{HOURS_PER_CREDIT} hours, and {SCQF_CREDITS_PER_ECTS} SCQF credits equal 1 ECTS. A "
        f"Scottish honours degree (SCQF level {SCQF_HONOURS_LEVEL}, like FHEQ level "
        f"{FHEQ_HONOURS_LEVEL} elsewhere) is {hons.credits} credits with at least "
        f"{hons.min_credits_at_level} at level {hons.level}; an ordinary degree is "
        f"{ordinary.credits} at level {ordinary.level}. The Open University keeps "
        f"{AWARDS['bachelors'].credits} for honours. Master's-level study is at level 11."
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
        f"PGCert, PGDip or master's; the University of Lincoln's own microcredentials "
        f"({_credit_list(LINCOLN_MICROCREDENTIAL_CREDITS)} credits) stack up to "
        f"{LINCOLN_STACK_MAX_CREDITS}; SETU in Ireland turns {SETU_MODULE_COUNT} modules of "
        f"{SETU_MODULE_ECTS} ECTS "
        f"into a {setu_pgdip}-ECTS PG Diploma; an edX MicroMasters usually covers "
        f"{EDX_MICROMASTERS_SHARE_LOW}–{EDX_MICROMASTERS_SHARE_HIGH}% of a master's."
    )


def _credit_list(values: tuple[int, ...]) -> str:
    """(0, 5, 10) -> "0, 5 or 10"."""
    words = [str(v) for v in values]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


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
