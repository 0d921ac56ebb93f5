"""General answers about microcredentials: what they are, cost, length, funding...

Facts come from the article this product grew from (``microcredentials-article.txt``)
and from ``credit_facts.md`` sections 4, 5, 7, 8 and 9; :data:`SOURCES` names them
per topic. The wording is our own. Numbers sit in constants (credit numbers come
from :mod:`actions.knowledge.credit`), so each is typed once.

Public API: :data:`TOPICS`, :func:`answer`, :func:`detect_topic`, :data:`SOURCES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from actions.knowledge import credit

# ---------------------------------------------------------------------------
# Sourced constants
# ---------------------------------------------------------------------------

# Article, "Microcredentials at a glance": usually studied online for up to 12 weeks.
TYPICAL_MAX_WEEKS: Final = 12
# Article, "How do nanodegrees compare to degrees?": most give 10 to 20 CATS credits.
TYPICAL_CREDITS_LOW: Final = 10
TYPICAL_CREDITS_HIGH: Final = 20
# Article, same section: a nanodegree takes six to 12 months.
NANODEGREE_MONTHS_LOW: Final = 6
NANODEGREE_MONTHS_HIGH: Final = 12

# §9 FutureLearn partner centre: one degree module, 10-15 weeks, 100-150 hours.
FUTURELEARN_WEEKS_LOW: Final = 10
FUTURELEARN_WEEKS_HIGH: Final = 15
FUTURELEARN_HOURS_LOW: Final = 100
FUTURELEARN_HOURS_HIGH: Final = 150
# §9 FutureLearn help: a refund can be requested within 14 days of the start.
FUTURELEARN_REFUND_DAYS: Final = 14
# §9 MOOC Lab thread: the launch range (early 2020) was £450 to £1,200.
FUTURELEARN_LAUNCH_PRICE_LOW_GBP: Final = 450
FUTURELEARN_LAUNCH_PRICE_HIGH_GBP: Final = 1200
FUTURELEARN_LAUNCH_DATE: Final = "early 2020"

# §8 University of London: 15-credit PG microcredentials at an introductory £495.
LONDON_INTRO_PRICE_GBP: Final = 495
# §9 IBERS Distance Learning (Aberystwyth): 8 weeks; £100 learning only or £250
# with 5 master's-level credits.
IBERS_WEEKS: Final = 8
IBERS_PRICE_LEARNING_GBP: Final = 100
IBERS_PRICE_WITH_CREDIT_GBP: Final = 250
IBERS_CREDITS: Final = 5
# §8 edX support and EdSurge (Jan 2020): MicroBachelors cost $500-$1,500.
MICROBACHELORS_PRICE_LOW_USD: Final = 500
MICROBACHELORS_PRICE_HIGH_USD: Final = 1500
MICROBACHELORS_PRICE_DATE: Final = "2020"

# §5 DfE policy paper (updated 9 July 2025) and Student Finance England.
LLE_APPLICATIONS_OPEN: Final = "September 2026"
LLE_COURSES_FROM: Final = "January 2027"
LLE_MAX_LOAN_GBP: Final = 38140
LLE_FEE_YEAR: Final = "2025/26"
LLE_FULL_TIME_YEARS: Final = 4
LLE_SOURCE_DATE: Final = "9 July 2025"

# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------

TOPICS: Final[tuple[str, ...]] = (
    "what",
    "benefits",
    "employer_recognition",
    "length",
    "vs_degree",
    "online",
    "cost",
    "where_to_find",
    "stacking",
    "funding",
)

SOURCES: Final[dict[str, list[str]]] = {
    "what": [
        "article: 'Microcredentials at a glance', 'What are microcredentials?'",
        "article: 'How do nanodegrees compare to degrees?' (10 to 20 credits)",
        "credit_facts §4: QAA Characteristics Statement: Micro-credentials (30 May 2022)",
        "credit_facts §1: 10 hours per credit",
        "credit_facts §8, §9, §10: Lincoln 0-credit microcredentials, OU ExpertTracks no credit",
        "credit_facts §1, §6: recognition is the receiving institution's decision",
    ],
    "benefits": [
        "article: 'What are the benefits of taking a short course?'",
    ],
    "employer_recognition": [
        "article: 'Are microcredentials recognised by employers?', 'Where can I find them?'",
        "article: 'What qualifications can you achieve?' (digital certificate)",
        "credit_facts §4: QAA Quality Compass 'Which Way for Micro-Credentials?' (16 April 2021)",
    ],
    "length": [
        "article: 'Microcredentials at a glance' (up to 12 weeks), nanodegrees 6 to 12 months",
        "credit_facts §9: FutureLearn partner centre (10-15 weeks, 100-150 hours)",
        "credit_facts §8: Open University (12 weeks x 13 hours)",
        "credit_facts §9: IBERS Distance Learning (8 weeks)",
        "credit_facts §1: 10 hours per credit",
    ],
    "vs_degree": [
        "article: 'How do nanodegrees compare to degrees?', 'What qualifications can you achieve?'",
        "credit_facts §1: award sizes (Leicester APL policy, Appendix 1)",
        "credit_facts §10: Scottish honours degree 480 (SCQF)",
        "credit_facts §1, §6: recognition is the receiving institution's decision",
        "credit_facts §4: QAA, not normally an award in its own right",
    ],
    "online": [
        "article: 'What are microcredentials?', benefits list, 'Where can I find them?'",
        "article: 'How do nanodegrees compare to degrees?' (study from home, projects)",
        "credit_facts §9: FutureLearn enrolment ID checks; §7, §10: a CMF requirement",
    ],
    "cost": [
        "credit_facts §9: FutureLearn launch prices (MOOC Lab), refund window, IBERS prices",
        "credit_facts §8: University of London introductory price; edX MicroBachelors prices",
    ],
    "where_to_find": [
        "article: 'Where can I find them?'",
        "credit_facts §8: edX MicroMasters and MicroBachelors; Cranfield",
        "credit_facts §9: Australia's MicroCred Seeker directory",
    ],
    "stacking": [
        "credit_facts §8: what 'stackable' means, University of London example, caveat",
        "credit_facts §4: QAA on stackable credit pathways",
        "credit_facts §1: PG Certificate 60 credits",
    ],
    "funding": [
        "credit_facts §5: DfE LLE policy paper (updated 9 July 2025), Student Finance England",
        "credit_facts §5: SLC LLE FAQ, THE, Wonkhe (modules, priority subjects, caveat)",
        "credit_facts §10: England only; Advanced Learner Loans replaced for levels 4-6",
    ],
}


def _gbp(amount: int) -> str:
    return f"£{amount:,}"


def _usd(amount: int) -> str:
    return f"${amount:,}"


def _answer_what() -> str:
    low, high = TYPICAL_CREDITS_LOW, TYPICAL_CREDITS_HIGH
    hours = credit.HOURS_PER_CREDIT
    return (
        "A microcredential is a short, focused course that ends with an assessment and a "
        "certificate, usually studied online. Many carry academic credit at a recognised "
        f"level, most often {low}–{high} UK credits (roughly {low * hours}–{high * hours} "
        "hours of study), but not all do: the University of Lincoln has some worth 0 credits, "
        "and the Open University's ExpertTracks carry none. It isn't a full qualification on "
        "its own; where it carries credit, that credit may count towards a larger award. "
        f"{credit.RECOGNITION_CAVEAT}"
    )


def _answer_benefits() -> str:
    return (
        "Microcredentials let you refresh skills or pick up new ones for your job and your "
        "CPD without signing up for a whole degree. Most are online and flexible, so they fit "
        "around work and family. New skills and certificates can help with a promotion, a pay "
        "rise or a change of career, and you meet other professionals along the way. They "
        "usually cost less than many professional qualifications, and they are a low-risk way "
        "to try a subject before committing to longer study."
    )


def _answer_employer_recognition() -> str:
    return (
        "It depends on the sector: microcredentials are still fairly new, so some industries "
        "value them more than others. They are best known where people upskill often, such as "
        "finance, business, IT and marketing, and many IT courses are accredited by companies "
        "like Microsoft, AWS or Cisco. QAA has noted that many people still see several short "
        "courses as less convincing than one continuous degree, so they work best as an addition "
        "to your experience, shown as a digital certificate on your CV or LinkedIn profile. "
        "It's worth asking employers in your field what they look for."
    )


def _answer_length() -> str:
    per_credit = credit.HOURS_PER_CREDIT
    module = credit.OU_MICROCREDENTIAL_CREDITS
    return (
        f"Most run for up to {TYPICAL_MAX_WEEKS} weeks. FutureLearn designs its microcredentials "
        f"to match one degree module: {FUTURELEARN_WEEKS_LOW}–{FUTURELEARN_WEEKS_HIGH} weeks and "
        f"{FUTURELEARN_HOURS_LOW}–{FUTURELEARN_HOURS_HIGH} hours. Open University ones take "
        f"{credit.OU_MICROCREDENTIAL_WEEKS} weeks at about "
        f"{credit.OU_MICROCREDENTIAL_HOURS_PER_WEEK} hours a week, and IBERS runs {IBERS_WEEKS}-"
        f"week ones. As a rule of thumb each UK credit is about {per_credit} hours, so a "
        f"{module}-credit course is around {module * per_credit} hours. Longer 'nanodegrees' "
        f"can take {NANODEGREE_MONTHS_LOW} to {NANODEGREE_MONTHS_HIGH} months."
    )


def _answer_vs_degree() -> str:
    bachelors = credit.AWARDS["bachelors"].credits
    scottish = credit.award_for("bachelors", "scotland")
    assert scottish is not None  # awards.yml gives the Scottish size
    masters = credit.AWARDS["masters"].credits
    return (
        "A microcredential covers one focused slice of a subject, while a degree is a complete "
        f"qualification. Most microcredentials carry {TYPICAL_CREDITS_LOW}–"
        f"{TYPICAL_CREDITS_HIGH} credits; an honours bachelor's needs {bachelors} "
        f"({scottish.credits} in Scotland) and a master's {masters}. QAA's view is that a "
        "microcredential shouldn't normally count as a qualification by itself, so it adds to "
        "what you already have rather than replacing a degree or professional qualification. "
        "The two can connect, though: some universities let microcredential credit count "
        f"towards a postgraduate award. {credit.RECOGNITION_CAVEAT}"
    )


def _answer_online() -> str:
    return (
        "Most are online and on demand, though a few include in-person sessions. You need a "
        "computer and a reliable internet connection, and you study from home, with assessment "
        "often through projects or case studies. FutureLearn microcredentials, which follow the "
        "Common Microcredential Framework, check your identity when you enrol; other providers "
        "set their own rules. Studying online "
        "also means you can take a course from a university in another country without moving."
    )


def _answer_cost() -> str:
    return (
        "Prices vary a lot between providers. Examples from our sources: FutureLearn's first "
        f"microcredentials ({FUTURELEARN_LAUNCH_DATE}) cost "
        f"{_gbp(FUTURELEARN_LAUNCH_PRICE_LOW_GBP)}–{_gbp(FUTURELEARN_LAUNCH_PRICE_HIGH_GBP)}; "
        f"the University of London's {credit.LONDON_MICROCREDENTIAL_CREDITS}-credit ones had "
        f"an introductory price of {_gbp(LONDON_INTRO_PRICE_GBP)}; IBERS charges "
        f"{_gbp(IBERS_PRICE_LEARNING_GBP)} for the learning only or "
        f"{_gbp(IBERS_PRICE_WITH_CREDIT_GBP)} with {IBERS_CREDITS} master's-level credits; edX "
        f"MicroBachelors cost {_usd(MICROBACHELORS_PRICE_LOW_USD)}–"
        f"{_usd(MICROBACHELORS_PRICE_HIGH_USD)} ({MICROBACHELORS_PRICE_DATE}). FutureLearn "
        f"allows a refund request within {FUTURELEARN_REFUND_DAYS} days of the start. Prices "
        "change, so always check the course page."
    )


def _answer_where_to_find() -> str:
    return (
        "Many UK universities offer them, for example Glasgow, Kent and Birmingham, often "
        "through platforms such as FutureLearn or together with the Open University. edX runs "
        "MicroMasters and MicroBachelors programmes, and business schools such as Cranfield "
        "offer stackable online programmes. In IT, courses are often accredited by companies "
        "such as Microsoft, AWS or Cisco. Tell me a subject and I can search the catalogue "
        "for you."
    )


def _answer_stacking() -> str:
    pgc = credit.AWARDS["pg_certificate"]
    module = credit.LONDON_MICROCREDENTIAL_CREDITS
    return (
        "Many credit-bearing microcredentials can be stacked: you collect them over time and "
        f"count their credit towards a bigger award. For example, {pgc.credits // module} "
        f"courses of {module} credits make the {pgc.credits} credits of {pgc.with_article}. "
        "Stacking is never automatic, because the university giving the bigger award sets the "
        "rules. Ask me how credit works, or tell me your courses and the award you're aiming "
        f"for and I'll add them up. {credit.RECOGNITION_CAVEAT}"
    )


def _answer_funding() -> str:
    return (
        "This is about England only: the Lifelong Learning Entitlement (LLE) is England's, and "
        "I have no sourced information on funding in Scotland, Wales or Northern Ireland. The "
        "LLE will replace higher-education student loans, and Advanced Learner Loans for "
        "courses at levels 4–6, with a single system. Applications are due to open in "
        f"{LLE_APPLICATIONS_OPEN} for courses and modules starting from {LLE_COURSES_FROM}, "
        f"with a tuition loan of up to {_gbp(LLE_MAX_LOAN_GBP)} at {LLE_FEE_YEAR} fee rates "
        f"(about {LLE_FULL_TIME_YEARS} years of full-time study). Single modules are only funded "
        "if they belong to a full parent course, and at first only in some technical and "
        "priority subjects. The plans have changed several times, so check GOV.UK before "
        f"relying on this (our information dates from {LLE_SOURCE_DATE})."
    )


_ANSWERS: Final[dict[str, Callable[[], str]]] = {
    "what": _answer_what,
    "benefits": _answer_benefits,
    "employer_recognition": _answer_employer_recognition,
    "length": _answer_length,
    "vs_degree": _answer_vs_degree,
    "online": _answer_online,
    "cost": _answer_cost,
    "where_to_find": _answer_where_to_find,
    "stacking": _answer_stacking,
    "funding": _answer_funding,
}


def answer(topic: str) -> str:
    """A short chat answer on a microcredential topic (one of :data:`TOPICS`)."""
    answerer = _ANSWERS.get(topic)
    if answerer is None:
        raise ValueError(
            f"Unknown microcredential topic {topic!r}; use one of {', '.join(TOPICS)}."
        )
    return answerer()


# ---------------------------------------------------------------------------
# Topic detection
# ---------------------------------------------------------------------------

# Checked in order; the first topic with a matching pattern wins. Specific
# questions come before general ones ("how much time" before "how much").
_TOPIC_PATTERNS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    (
        "funding",
        (
            r"\bfund",
            r"\bloans?\b",
            r"\blle\b",
            r"\blifelong learning entitlement\b",
            r"\bstudent finance\b",
            r"\bgrants?\b",
            r"\bbursar",
            r"\bfinancial (?:help|support|aid)\b",
        ),
    ),
    (
        "stacking",
        (
            r"\bstack",
            r"\bcount(?:s|ed)? towards?\b",
            r"\bbuild (?:up )?(?:in)?to\b",
            r"\badd up to\b",
            r"\bcombine",
        ),
    ),
    (
        "employer_recognition",
        (
            r"\bemploy",
            r"\brecogni[sz]",
            r"\brespected\b",
            r"\btaken seriously\b",
            r"\bcv\b",
            r"\bresume\b",
            r"\blinkedin\b",
            r"\brecruit",
            r"\bhir(?:e|ing)\b",
            r"\bget (?:me )?a job\b",
        ),
    ),
    (
        "vs_degree",
        (
            r"\bvs\b",
            r"\bversus\b",
            r"\bcompare",
            r"\bdifferen(?:t|ce) (?:from|to|between)\b",
            r"\binstead of\b",
            r"\breplace",
            r"\bsame as (?:a |an )?(?:degree|qualification)\b",
            r"\bas good as (?:a |an )?degree\b",
            r"\bor (?:a |an )?(?:full )?degree\b",
        ),
    ),
    (
        "length",
        (
            r"\bhow long\b",
            r"\bhow much time\b",
            r"\bhow many (?:weeks|hours|months)\b",
            r"\bduration\b",
            r"\bhours? (?:a|per) week\b",
            r"\btime commitment\b",
            r"\btake to (?:complete|finish)\b",
        ),
    ),
    (
        "cost",
        (
            r"\bcost",
            r"\bprices?\b",
            r"\bpriced\b",
            r"\bhow much (?:is|are|does|do|will)\b",
            r"\bexpensive\b",
            r"\bcheap",
            r"\bfees?\b",
            r"\bafford",
            r"\bpay\b",
            r"\brefund",
            r"\bfree\b",
            r"[£$€]",
        ),
    ),
    (
        "online",
        (
            r"\bonline\b",
            r"\bremote",
            r"\bfrom home\b",
            r"\bin[- ]person\b",
            r"\bon campus\b",
            r"\bdistance\b",
            r"\binternet\b",
            r"\blaptop\b",
            r"\bface to face\b",
        ),
    ),
    (
        "where_to_find",
        (
            r"\bwhere\b",
            r"\bwho (?:offers|runs|provides)\b",
            r"\bproviders?\b",
            r"\bfuturelearn\b",
            r"\bedx\b",
            r"\bcoursera\b",
            r"\bwhich (?:universities|unis|colleges|platforms|websites|sites)\b",
            r"\bfind (?:one|some|a|them)\b",
        ),
    ),
    (
        "benefits",
        (
            r"\bbenefit",
            r"\badvantage",
            r"\bwhy (?:should|would|do|take|study|bother)\b",
            r"\bworth (?:it|doing|taking)\b",
            r"\bpoint of\b",
            r"\bgood for\b",
            r"\bhelp (?:me|my career)\b",
            r"\bupskill",
        ),
    ),
    (
        "length",
        (r"\bweeks?\b", r"\bmonths?\b", r"\bhours?\b", r"\bquick\b"),
    ),
)


def _normalise(text: str) -> str:
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    cleaned = re.sub(r"[^a-z0-9'£$€\- ]+", " ", lowered)
    return " ".join(cleaned.split())


def detect_topic(text: str) -> str:
    """Map a learner's question to one of :data:`TOPICS` by keywords; default ``what``."""
    if not isinstance(text, str):
        return "what"
    normal = _normalise(text)
    for topic, patterns in _TOPIC_PATTERNS:
        if any(re.search(pattern, normal) for pattern in patterns):
            return topic
    return "what"
