"""How the search uses closeness in meaning (:mod:`actions.store.semantic`): the text the
encoder reads for a request, the courses added as candidates, and the ranking scores.

Kept apart from :mod:`actions.store.search`, which decides the order of its keys: the
courses near the closest candidate in meaning come first (words found "Chinese Medicine" for
a parent wanting to learn Chinese at school; by meaning it is far), then the topic tiers,
titles about the topic and the count of relaxed wishes (and, when the topic is the subject's
own name, the subject's word-found courses), then the closeness scores. A request that names
neither a topic nor a subject is searched by meaning alone when it is clearly close to some
courses (:func:`described_courses`).
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from actions.store import fulltext
from actions.store.models import Course
from actions.store.results import LearnerProfile
from actions.store.semantic import closeness, closest, request_text
from actions.store.subjects import subject_label
from actions.store.topic_match import FULL, NONE, TopicMatch
from actions.store.topics import topic_vocabulary, words

#: Most candidates ranked by closeness in meaning (the top of the list is what it is for).
MEANING_TOP = 200
#: Courses added as candidates for being close in meaning to the request (see
#: close_in_meaning), at most this many, each at least MEANING_FLOOR close (cosine; a
#: request and a course on another subject score about 0.1-0.3, on the same 0.4-0.7).
MEANING_CANDIDATES = 10
MEANING_FLOOR = 0.4
#: ... and, for a list going by the whole request (its topic phrase passing or missing),
#: this close: a long story dilutes the request's vector ("he drinks vodka every day ...
#: why he cannot just stop" is 0.38 from "Understanding Addiction"), and the words of such
#: a request are a weaker guide than for a topic named (meaning alone ranked the evaluation
#: sets' requests going by the request better than the words did: README).
MEANING_FLOOR_BY_REQUEST = 0.3
#: ... and at least this close when it is of another subject than the learner's.
MEANING_OTHER_SUBJECT = 0.5
#: ... or, for a longer request, at least this much closer than every course the words
#: found (the subject was then likely read from a passing word).
MEANING_WORDS_MISREAD = 0.1
#: With courses on the whole topic by its words, a course found by meaning alone must be
#: this much closer than the closest of them.
MEANING_MARGIN = 0.05
#: Courses at most this much less close in meaning than the closest candidate rank before
#: the rest, whatever their words match.
MEANING_BAND = 0.1
#: A request with neither topic nor subject is searched by meaning alone when its closest
#: course is at least this close (cosine): requests on a topic the catalogue has score
#: about 0.45-0.7, requests on topics it lacks and vague ones ("something fun to learn":
#: 0.46) mostly under it.
MEANING_NAMES = 0.5
#: A request of at most this many words is read with the learner's subject.
SHORT_REQUEST = 8


class MeaningCandidates(NamedTuple):
    """Courses :func:`close_in_meaning` adds as candidates; ``fill_only``: those of them
    that may fill the list but neither lead it nor join the band of the closest."""

    ids: list[str]
    fill_only: frozenset[str]


def names_subject(topic: str | None, subject: str | None) -> bool:
    """Whether the topic phrase is the subject's own name ("cyber security" for
    cybersecurity, "data science" for data-science-ai, "arts" for arts-humanities)."""
    if not topic or not subject:
        return False
    stop = topic_vocabulary().stopwords
    said = [w for w in words(topic) if w not in stop]
    names = set(subject.split("-")) | {subject.replace("-", "")}
    return bool(said) and (all(w in names for w in said) or "".join(said) in names)


def meaning_query(profile: LearnerProfile, topic: TopicMatch | None) -> str | None:
    """The request as the encoder reads it; a short one with the learner's subject after
    it, a soft signal ("python" in data science: Python for data analysis first). A
    longer request says its field itself, and the subject read from it may be the job
    the learner has rather than the one they want."""
    text = request_text(profile.topic, profile.context, topic.corrected if topic else {})
    if text is not None and profile.subject is not None and len(text.split()) <= SHORT_REQUEST:
        text = f"{text} ({subject_label(profile.subject)})"
    return text


def close_in_meaning(
    session: Session,
    profile: LearnerProfile,
    topic: TopicMatch | None,
    rel: fulltext.Relevance,
    text: str | None,
    *,
    by_request: bool = False,
    needed: int = 0,
) -> MeaningCandidates:
    """Courses to consider beside those the words found: the catalogue's closest in
    meaning to the request (``text``, its :func:`meaning_query`). Going ``by_request``
    (a topic phrase read, but passing or missing from the catalogue), a lower floor. When
    ``needed`` courses or more match the whole topic by its words, only those clearly
    closer than the closest of them (by MEANING_MARGIN): a misspelt or everyday word that
    the words fixed can mislead the encoder ("javascrpt" as "java"); with fewer, the
    closest fill the list ("Learn About Weather" and one more had been all for weather).
    Going by the request, those not clearly closer are still candidates, but only to fill
    the list, never leading it (``fill_only``): the topic phrase matched
    in full is one passing idea of a longer request, and courses about the rest of it had
    been left out ("Governing a Registered Charity in Australia" for a new board member of
    a charity, whose "legal duties" found two courses for legal professionals)."""
    if text is None:
        return MeaningCandidates([], frozenset())
    floor = MEANING_FLOOR_BY_REQUEST if by_request else MEANING_FLOOR
    found = closest(session, text, MEANING_CANDIDATES, floor)
    words_best: float | None = None  # the closest course the words found, read once
    if profile.subject is not None and found:
        # A course of another subject than the learner's must be clearly close, or, when
        # the subject looks misread ("phone/video appointments" as media), clearly closer
        # than every course the words found.
        subjects = dict(
            session.execute(
                select(Course.id, Course.subject_id).where(Course.id.in_([c for c, _ in found]))
            ).all()
        )
        bar = MEANING_OTHER_SUBJECT
        if _subject_misread(profile, subjects, text):
            words_best = max(closeness(session, text, rel.ids).values(), default=0.0)
            bar = min(bar, words_best + MEANING_WORDS_MISREAD)
        elif by_request and topic is not None and topic.status != NONE:
            # Going by the request, the subject is often read from a passing word too ("his
            # brain": psychology; the addiction courses are health): a course of another
            # subject at least as close as every course the words found is kept (not for a
            # topic the catalogue lacks: the nearest are then the subject's, and said so).
            words_best = max(closeness(session, text, rel.ids).values(), default=0.0)
            bar = min(bar, max(floor, words_best))
        found = [
            (cid, score)
            for cid, score in found
            if subjects.get(cid) == profile.subject or score >= bar
        ]
    fill_only: frozenset[str] = frozenset()
    if topic is not None and topic.status == FULL and len(rel.ids) >= needed:
        if words_best is None:
            words_best = max(closeness(session, text, rel.ids).values(), default=0.0)
        bar = words_best + MEANING_MARGIN
        if by_request:
            found_by_words = set(rel.ids)
            fill_only = frozenset(
                cid for cid, score in found if score < bar and cid not in found_by_words
            )
        else:
            found = [(cid, score) for cid, score in found if score >= bar]
    return MeaningCandidates([cid for cid, _ in found], fill_only)


def _subject_misread(profile: LearnerProfile, subjects: dict[str, str], text: str) -> bool:
    """Whether the learner's subject is likely read from a passing word of a longer request:
    none of the courses closest in meaning (``subjects``: their subjects) is of it, and the
    topic is not the subject's own name ("cyber security" said by a chef)."""
    return (
        len(text.split()) > SHORT_REQUEST
        and profile.subject not in subjects.values()
        and not names_subject(profile.topic, profile.subject)
    )


def near_in_meaning(
    text: str | None, meaning: dict[str, float], fill_only: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The candidates of ``meaning`` (minus cosines) at most MEANING_BAND less close than
    the closest one, for a request (``text``, its :func:`meaning_query`) of more than
    SHORT_REQUEST words (none for a shorter
    one: it is the topic phrase, which the words match as said, and the band would put
    "Intermediate Spanish" before "Learn Spanish 1" for a beginner). Candidates that only
    fill the list (:class:`MeaningCandidates`) neither lead nor join the band."""
    leading = {cid: score for cid, score in meaning.items() if cid not in fill_only}
    if not leading or text is None or len(text.split()) <= SHORT_REQUEST:
        return frozenset()
    best = -min(leading.values())
    return frozenset(cid for cid, score in leading.items() if -score >= best - MEANING_BAND)


def described_courses(session: Session, context: str | None) -> fulltext.Relevance | None:
    """The courses closest in meaning to a request that names no topic or subject the
    words could search ("my knees hurt on the stairs, what exercises help?"), as a
    relevance (scores: minus the cosine); ``None`` when none is MEANING_NAMES close."""
    text = request_text(None, context)
    if text is None:
        return None
    found = closest(session, text, MEANING_CANDIDATES, MEANING_FLOOR)
    if not found or found[0][1] < MEANING_NAMES:
        return None
    return fulltext.Relevance(
        ids=[cid for cid, _ in found],
        scores={cid: -score for cid, score in found},
        title_ids=frozenset(),
    )


def meaning_scores(session: Session, text: str | None, base: list[Any]) -> dict[str, float]:
    """The candidates closest in meaning to the request (``text``, its
    :func:`meaning_query`), as ranking scores (lower is closer: minus the cosine), the
    MEANING_TOP best only."""
    if text is None:
        return {}
    close = closeness(session, text, course_ids(session, *base))
    best = sorted(close.items(), key=lambda item: (-item[1], item[0]))[:MEANING_TOP]
    return {cid: -score for cid, score in best}


def course_ids(session: Session, *criteria: Any) -> list[str]:
    """The ids of the courses meeting ``criteria`` (SQL conditions), in no set order.

    The database gathers them into one JSON array: a subject of a large catalogue has
    thousands of courses, and reading them one row each took about 25 ms at 6,000 (a
    third of a search's time), one array about 2."""
    if session.get_bind().dialect.name == "postgresql":
        gathered = func.coalesce(func.json_agg(Course.id), func.json_build_array())
    else:
        gathered = func.json_group_array(Course.id)
    found = session.execute(select(gathered).where(*criteria)).scalar_one()
    return list(json.loads(found) if isinstance(found, str) else found)


__all__ = [
    "MEANING_FLOOR",
    "MEANING_FLOOR_BY_REQUEST",
    "MeaningCandidates",
    "close_in_meaning",
    "course_ids",
    "described_courses",
    "meaning_query",
    "meaning_scores",
    "names_subject",
    "near_in_meaning",
]
