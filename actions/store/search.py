"""Find and explain courses that fit a learner's wishes.

:func:`recommend` is the heart of it. The subject, when given, is a hard filter.
Every other wish (budget, weekly hours, length, level, credit, delivery) is first
applied as a filter; when that leaves fewer courses than asked for, the smallest
set of wishes that has to be relaxed is chosen (one ``GROUP BY`` over the subject
counts how many courses meet each combination of wishes), and the near-misses are
ranked by how many wishes they miss and by how far. A course whose price, length or
weekly hours is unknown never counts as meeting a limit on it: it ranks after the
courses that are known to fit, and after near-misses by up to double the limit.

The goal (upskill, career change, explore, further study) shapes the ranking
through scores computed at import (:func:`rank_scores`), so a search is two or
three queries that read one covering index (``ix_courses_search``) of the subject
and then load the few courses shown. Ties break by course id: the order is
deterministic. A search without a subject ranks only a pool of the
``NO_SUBJECT_POOL`` best-documented courses (highest ``rank_best``;
``SearchResult.pool_limited`` says when that left any out), so it never scans the
whole of a large catalogue; the bot always has a subject.

Around it: :mod:`~actions.store.results` (the profile asked and the courses given back),
:mod:`~actions.store.wishes` (each wish as SQL, and which to relax),
:mod:`~actions.store.ranking` (the goal scores), :mod:`~actions.store.reasons` (why each
course fits, in the bot's words), :mod:`~actions.store.subjects` and
:mod:`~actions.store.relevance` (the learner's words beyond the topic).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from actions.profile_values import GOALS
from actions.store import fulltext
from actions.store.models import Course, Subject
from actions.store.ranking import rank_scores
from actions.store.reasons import (
    describe,
    missed_by_the_closest,
    missed_keys,
    relaxed_messages,
)
from actions.store.relevance import (
    REQUEST_BAND,
    broad_beside_specific,
    common_groups,
    context_relevance,
    nothing_near,
    related_courses,
    request_groups,
    request_ideas,
    request_relevance,
    scores_add_up,
    specific_ideas,
    stressed_groups,
    topic_disagrees,
    weak_matches,
    weak_topic,
    within_subject,
)
from actions.store.results import LearnerProfile, ProfileError, Recommendation, SearchResult
from actions.store.score_table import score_of, score_table
from actions.store.semantic_ranking import (
    MEANING_FLOOR,
    MEANING_NAMES,
    MeaningCandidates,
    close_in_meaning,
    described_courses,
    meaning_query,
    meaning_scores,
    names_subject,
    near_in_meaning,
)
from actions.store.subjects import closest_subjects, subject_ids, subject_label
from actions.store.topic_match import (
    BROAD,
    FULL,
    NONE,
    PARTIAL,
    loose_spelling_matches,
    match_topic,
    titled_on_whole_topic,
)
from actions.store.wishes import (
    NO_SUBJECT_POOL,
    SORTS,
    check_profile,
    choose_relaxation,
    order_keys,
    profile_wishes,
)

#: The wishes of an amount, which a course clearly closest in meaning may miss (said so).
AMOUNT_WISHES = frozenset({"budget", "hours_per_week", "max_weeks"})

# The columns of the one score table the ranking joins (see score_table).
MEANING_COLUMN, CONTEXT_COLUMN, WORDS_COLUMN = range(3)


def recommend(
    session: Session,
    profile: LearnerProfile,
    limit: int = 3,
    offset: int = 0,
    exclude_ids: Iterable[str] = (),
    sort: str = "best",
    cheaper_than: float | None = None,
    shorter_than: float | None = None,
    lighter_than: float | None = None,
) -> SearchResult:
    """Courses for ``profile``, best first, each with reasons met and missed.

    ``offset`` and ``exclude_ids`` serve "show me more"; ``cheaper_than`` (total £),
    ``shorter_than`` (weeks) and ``lighter_than`` (hours a week) serve "cheaper", "shorter"
    and "lighter": hard limits that are never relaxed, so a "cheaper" list really is
    cheaper (or empty). ``sort`` is ``best`` (goal-shaped ranking), ``cheapest`` (known
    total cost, ascending), ``shortest`` (known length, ascending) or ``lightest`` (known
    hours a week, ascending); unknown values always sort last.
    Raises :class:`ProfileError` for values outside the vocabulary.
    """
    check_profile(profile, sort, limit, offset)
    exclude_ids = tuple(exclude_ids)  # read more than once below
    needed = offset + limit
    topic = match_topic(session, profile.topic) if profile.topic else None
    rel = fulltext.relevance(session, topic.used) if topic is not None and topic.used else None
    # Neither topic nor subject (the learner skipped the subject question after a request
    # naming something specific, see relevance.names_something): the request's own words.
    words_only = topic is None and profile.subject is None and bool(profile.context)
    specific = specific_ideas(session, profile.context) if words_only else []
    # The request's ideas, worked out once for the three uses below (each may count words
    # in the catalogue). A topic said only in passing is among them even when it came from
    # an earlier message than the request's words.
    # A topic phrase of one everyday word beside something specific the learner named
    # ("... need to do pte or ielts" read as "australia") counts as inferred: the whole
    # request ranks the courses, the phrase is one of its ideas. So does a phrase too broad
    # to search ("the science behind it") beside something specific ("organic", "soil").
    inferred = (
        profile.topic_inferred
        or weak_topic(session, topic, rel, profile.context)
        or broad_beside_specific(session, topic, profile.context)
    )
    request_words = profile.context
    if inferred and profile.topic:
        request_words = f"{profile.topic}. {request_words or ''}"
    ideas = request_ideas(session, topic, request_words)
    if specific:  # its specific words alone: "github", not "always" or "confuse"
        by_words = fulltext.relevance(
            session, specific, any_group=True, common=common_groups(session, specific)
        )
        request = by_words if by_words.ids else described_courses(session, profile.context)
    elif words_only:  # no specific word: what the request means
        request = described_courses(session, profile.context)
    else:
        request = (
            request_relevance(
                session,
                topic,
                request_words,
                ideas=ideas,
                stressed=stressed_groups(topic, inferred),
            )
            if topic is not None
            and (topic.status != BROAD or inferred)
            and not nothing_near(session, topic, profile.context, inferred=inferred)
            else None
        )
    if request is not None and topic is not None and topic.status == NONE and not inferred:
        request = within_subject(session, request, profile.subject)
    by_request = request is not None and (
        topic is None
        or topic.status in (PARTIAL, NONE)
        or inferred
        or topic_disagrees(session, rel, request, [g for g in ideas if g not in topic.searched])
    )
    if by_request and request is not None:
        # The topic phrase is missing from the catalogue, covered only in part, or nowhere
        # near the rest of what the learner said: go by the whole request instead, but only
        # by the courses clearly about it (relevance first, then the wishes): one matching a
        # passing word ("a bit further") would otherwise win over one about the request that
        # misses a wish.
        passing = weak_matches(request, REQUEST_BAND) if scores_add_up(session) else set()
        refining = offset > 0 or any(
            limit is not None for limit in (cheaper_than, shorter_than, lighter_than)
        )
        if (
            passing
            and profile.subject is not None
            and (refining or bool(exclude_ids))
            and (topic is None or topic.status != FULL)
        ):
            # A list refined from the one shown ("cheaper", "shorter", "more") keeps the
            # courses of the learner's subject as candidates (the subject re-ranks them): a
            # cheaper list of data science courses must not run out of them. Not when the
            # catalogue has courses on the whole topic: "anything lighter?" after Spanish
            # courses had listed Portuguese and Thai, shorter and lighter but off topic; and
            # with a topic covered in part, only those its covered part finds ("free is
            # better" after child protection keeps the free course on children in armed
            # groups), and none when that part is the subject's own name, which every course
            # of the subject has among its keywords ("something more cheap?" after dental
            # photography had listed three cookery courses filed under photography).
            of_subject = set(
                session.execute(
                    select(Course.id).where(
                        Course.id.in_(sorted(passing)), Course.subject_id == profile.subject
                    )
                ).scalars()
            )
            if topic is not None and topic.status == PARTIAL and rel is not None:
                named = set(profile.subject.split("-"))
                by_name = any(w in named for g in topic.used for p in g for w in p.split())
                of_subject = set() if by_name else of_subject & set(rel.ids)
            passing -= of_subject
        top = set(request.ids[:needed])
        rel = request.part([cid for cid in request.ids if cid in top or cid not in passing])
    near, near_tiers = (
        (None, []) if by_request else related_courses(session, topic, rel, needed, exclude_ids)
    )
    found = [rel, *near_tiers] if rel is not None else None
    meaning_text = meaning_query(profile, topic)  # the request as the encoder reads it
    context = (
        None
        if by_request
        else context_relevance(session, topic, profile.context, found, ideas=ideas)
    )
    base: list[Any] = []
    close = MeaningCandidates([], frozenset())
    if rel is not None:
        # Courses about the topic, whatever their subject (the subject only re-ranks),
        # then (when too few) courses about part of it, and those closest in meaning to
        # the request (a field described rather than named).
        if sort == "best":
            close = close_in_meaning(
                session,
                profile,
                topic,
                rel,
                meaning_text,
                by_request=by_request and bool(topic),
                needed=needed,
            )
        base.append(Course.id.in_(rel.ids + (near.ids if near else []) + close.ids))
    elif topic is not None and topic.status == NONE and profile.subject is None:
        # Nothing on the topic and no subject to fall back on.
        return SearchResult([], [], [], True, 0, 0, offset, topic=topic)
    elif profile.subject is not None:
        # The subject's courses (the reply names it: "the nearest Science courses"),
        # ranked by meaning below.
        base.append(Course.subject_id == profile.subject)
    excluded = sorted({str(i) for i in exclude_ids})
    if excluded:
        base.append(Course.id.not_in(excluded))
    if cheaper_than is not None:
        base.append(Course.cost_gbp < float(cheaper_than))
    if shorter_than is not None:
        base.append(Course.duration_weeks < float(shorter_than))
    if lighter_than is not None:
        base.append(Course.weekly_hours < float(lighter_than))
    if rel is None and profile.subject is None:
        # Without a subject, rank within the best-documented courses (rank_best, one
        # index), so a search never scans the whole of a large catalogue.
        pool = (
            select(Course.id)
            .where(*base)
            .order_by(Course.rank_best.desc(), Course.id)
            .limit(NO_SUBJECT_POOL)
        )
        base = [Course.id.in_(pool)]
    wishes = profile_wishes(profile)
    keys = [w.key for w in wishes]

    # One scan: how many courses meet each combination of wishes (bit i = wish i met).
    groups: dict[tuple[bool, ...], int] = {}
    if wishes:
        mask = sum(
            (case((w.met, literal(1 << i)), else_=literal(0)) for i, w in enumerate(wishes)),
            literal(0),
        ).label("mask")
        rows = session.execute(select(mask, func.count()).where(*base).group_by(mask)).all()
        for bits, n in rows:
            groups[tuple(bool(int(bits) >> i & 1) for i in range(len(wishes)))] = int(n)
        exact_count = groups.get((True,) * len(wishes), 0)
        candidates = sum(groups.values())
    else:
        exact_count = candidates = int(
            session.execute(select(func.count()).select_from(Course).where(*base)).scalar_one()
        )
    pool_limited = rel is None and profile.subject is None and candidates >= NO_SUBJECT_POOL

    relaxed: frozenset[str] = frozenset()
    if wishes and exact_count < needed:
        relaxed = choose_relaxation(keys, groups, needed)
    kept = [w for w in wishes if w.key not in relaxed]
    loose = [w for w in wishes if w.key in relaxed]
    order: list[Any] = []
    # What the request means: the course closest to it first (see semantic), and before
    # every other key, the courses near the closest one in meaning ("Chinese Medicine"
    # found by its words is far from "Mandarin for an adult beginner").
    meaning = meaning_scores(session, meaning_text, base) if sort == "best" else {}
    band = near_in_meaning(meaning_text, meaning, close.fill_only)
    found_by_words = (rel.ids if rel else []) + (near.ids if near else [])
    # The topic is the subject's own name ("data science", "cyber security"): the subject's
    # courses found by its words come first (below) instead, unless none of them is near in
    # meaning ("law" said in passing by someone asking how to support refugees).
    subject_named = rel is not None and names_subject(profile.topic, profile.subject)
    if subject_named and band:
        subject_named = subject_courses_among(session, profile.subject, band, found_by_words)
        band = frozenset() if subject_named else band
    # Courses clearly close in meaning to a longer request ("who my grandmother and great-
    # grandmother were and where they came from": genealogy, 0.6) stay candidates whatever
    # budget, hours or length they miss, after those meeting every wish: a wish kept had left
    # only courses the words found in passing ("nurse", from the learner's story).
    # Only the wishes of amount (budget, hours, length) are waived so: a level ("just the
    # basics") still holds ("Intermediate French", close to "a bit of French at school in
    # 1966", had come before the beginners' Spanish of a learner moving to Alicante).
    waived = [w for w in kept if w.key in AMOUNT_WISHES]
    meaning_first = sorted(c for c in band if -meaning[c] >= MEANING_NAMES) if waived else []
    penalty: Any = None
    misses: Any = None
    if loose:  # courses missing fewer of the relaxed wishes first
        misses = sum(
            (case((w.met, literal(0)), else_=literal(1)) for w in loose[1:]),
            case((loose[0].met, literal(0)), else_=literal(1)),
        )
        penalty = sum((w.penalty() for w in loose[1:]), loose[0].penalty())
    # A course titled on the whole topic that carries the credit asked for, when most do
    # not, comes before those nearer in meaning to the learner's story ("addiction ... like
    # credits" had listed three without credit before the one carrying 20 SCQF credits).
    # Only credit: a budget or hours wish met that way put "Design Sprints" before the scrum
    # courses of a new scrum master (retrieval_fresh22).
    credit = next((w for w in loose if w.key == "credit"), None)
    on_whole_topic = topic is not None and topic.status == FULL and not by_request
    if credit is not None and rel is not None and topic is not None and on_whole_topic:
        titled = titled_on_whole_topic(session, topic, sorted(rel.title_ids))
        if titled:
            order.append(case((and_(Course.id.in_(titled), credit.met), 0), else_=1))
    if band:
        order.append(case((Course.id.in_(sorted(band)), 0), else_=1))
    if meaning_first:
        order.append(sum((case((w.met, literal(0)), else_=literal(1)) for w in waived), literal(0)))
    in_meaning = frozenset(cid for cid, score in meaning.items() if -score >= MEANING_FLOOR)
    if by_request and in_meaning and not subject_named:
        # Going by the request, the courses close in meaning to it before those its words
        # found in passing, whichever relaxed wishes they miss: a free course found by "uni"
        # ("Becoming a Charity Board Member", 0.13) had come third, before an international
        # law programme, for a learner wanting to try law before university. Those the words
        # found first, then those found by meaning alone (see close_in_meaning).
        order.append(
            case(
                (Course.id.in_(sorted(in_meaning - close.fill_only)), 0),
                (Course.id.in_(sorted(in_meaning & close.fill_only)), 1),
                else_=2,
            )
        )
    if near is not None:  # the whole topic, then its first idea and another, then the rest
        # ... but a course close in meaning to the request comes with the first of those
        # about part of it: "Additive Manufacturing: Costs Structures" (found by "costs")
        # had come before "How to Open a Restaurant" for running a restaurant.
        meaningful = sorted(
            {*close.ids, *(c for c in near.ids if -meaning.get(c, 0.0) >= MEANING_FLOOR)}
        )
        tiers = [(Course.id.in_(t.ids), rank + 1) for rank, t in enumerate(near_tiers) if t.ids]
        order.append(
            case(
                (Course.id.in_(rel.ids if rel else []), -1),
                (Course.id.in_(meaningful), 0),
                *tiers,
                else_=len(tiers) + 1,
            )
        )
    if rel is not None and not by_request:  # the title itself is about the topic
        # (going by the request, a title with any one of its many words says little)
        title_ids = rel.title_ids | (near.title_ids if near else frozenset())
        order.append(case((Course.id.in_(sorted(title_ids)), 0), else_=1))
    if misses is not None:
        order.append(misses)
    if profile.level in (None, "introductory"):
        order.append(case((Course.follow_on.is_(True), 1), else_=0))  # part I before part II
    else:
        # A level above the first ("something more advanced"): follow-on courses first,
        # beginners' courses ("A Beginner's Guide to Scrum") last.
        order.append(case((Course.follow_on.is_(True), 0), else_=1))
        order.append(case((Course.starter_title.is_(True), 1), else_=0))
    weak = weak_matches(rel) | weak_matches(near)
    if topic is not None and rel is not None and not by_request:
        weak |= loose_spelling_matches(session, topic, rel.ids)
    if subject_named and rel is not None:
        # The topic is the subject's own name ("data science", "cyber security"): courses
        # found by words, about the topic before those that only mention it, and of the
        # subject first (a career change into data science: the data science courses before
        # "Teaching Data Science in Schools", which the encoder puts first), then meaning.
        # A topic of other words leaves the subject to re-rank later: it is often read from
        # the learner's job.
        if weak:
            order.append(case((Course.id.in_(sorted(weak)), 1), else_=0))
        order.append(
            case(
                (and_(Course.subject_id == profile.subject, Course.id.in_(found_by_words)), 0),
                else_=1,
            )
        )
    # Every score the ranking reads, as columns of one table (see score_table).
    context_scores = context.scores if context is not None else {}
    scores = {**(near.scores if near else {}), **(rel.scores if rel else {})}
    table = (
        score_table(session, meaning, context_scores, scores)
        if meaning or context_scores or scores
        else None
    )
    if meaning and table is not None:
        order.append(score_of(table, MEANING_COLUMN, 1.0))
    if penalty is not None:  # by how far a relaxed wish is missed
        order.append(penalty)
    if weak:  # clearly more about the topic before the goal and subject re-rank
        order.append(case((Course.id.in_(sorted(weak)), 1), else_=0))
    if context_scores and table is not None:  # the rest of the request ("... oncology ...")
        order.append(score_of(table, CONTEXT_COLUMN))
    if rel is not None and profile.subject is not None:
        order.append(case((Course.subject_id == profile.subject, 0), else_=1))
    if scores and by_request and table is not None:
        # Any of many words said: how well a course matches them comes before the goal.
        order.append(score_of(table, WORDS_COLUMN))
    order += order_keys(profile, sort)
    if scores and table is not None:
        order.append(score_of(table, WORDS_COLUMN))
    order.append(Course.id)
    # Rank ids only (an index-only scan), then load the few courses shown.
    ranking = select(Course.id).select_from(Course)
    if table is not None:
        ranking = ranking.outerjoin(table, table.c.key == Course.id)
    met = [w.met for w in kept]
    if meaning_first:
        held = [w.met for w in kept if w.key not in AMOUNT_WISHES]
        met = [or_(and_(Course.id.in_(meaning_first), *held), and_(*met))]
    ids = list(
        session.execute(
            ranking.where(*base, *met).order_by(*order).limit(limit).offset(offset)
        ).scalars()
    )
    courses = get_courses(session, ids)
    if relaxed:
        total_candidates = sum(
            n
            for met, n in groups.items()
            if all(ok or key in relaxed for key, ok in zip(keys, met, strict=True))
        )
    else:
        total_candidates = exact_count

    related = frozenset(near.ids if near else ())
    said = (
        (specific or request_groups(session, topic, request_words, ideas=ideas))
        if by_request
        else None
    )
    recommendations = [
        describe(
            course,
            profile,
            topic,
            related=course.id in related,
            request=said,
            close_in_meaning=course.id in in_meaning,
        )
        for course in courses
    ]
    missed = {key for course in courses for key in missed_keys(course, profile)}
    relaxed_keys = [k for k in keys if k in relaxed and k in missed]
    messages = (
        relaxed_messages(session, profile, relaxed_keys, base, kept, keys, groups, relaxed)
        if relaxed_keys
        else []
    )
    kept_missed = {
        key
        for course in courses
        if course.id in meaning_first
        for key in missed_keys(course, profile)
        if key not in relaxed
    }
    closest_missed = [k for k in keys if k in kept_missed]
    messages += missed_by_the_closest(closest_missed)
    relaxed_keys += closest_missed
    return SearchResult(
        courses=recommendations,
        relaxed=messages,
        relaxed_keys=relaxed_keys,
        exact=not relaxed_keys,
        total_matching=exact_count,
        total_candidates=total_candidates,
        offset=offset,
        pool_limited=pool_limited,
        topic=topic,
        by_request=by_request,
    )


# -- look-ups ----------------------------------------------------------------------


def subject_courses_among(session: Session, subject: str | None, *id_sets: Iterable[str]) -> bool:
    """Whether some course of ``subject`` is in every one of ``id_sets``."""
    wanted = [Course.id.in_(sorted(set(ids))) for ids in id_sets]
    found = session.execute(
        select(Course.id).where(Course.subject_id == subject, *wanted).limit(1)
    ).first()
    return found is not None


def get_course(session: Session, course_id: str) -> Course | None:
    """The course with this id, or ``None``."""
    result: Course | None = session.get(Course, course_id)
    return result


def get_courses(session: Session, ids: Iterable[str]) -> list[Course]:
    """The courses with these ids, in the order given; unknown ids are skipped."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = session.execute(select(Course).where(Course.id.in_(wanted))).scalars()
    found = {course.id: course for course in rows}
    return [found[i] for i in wanted if i in found]


def list_subjects(session: Session) -> list[tuple[str, str, int]]:
    """``(id, label, number of courses)`` for every subject, by label."""
    rows = session.execute(
        select(Subject.id, Subject.label, func.count(Course.id))
        .outerjoin(Course, Course.subject_id == Subject.id)
        .group_by(Subject.id, Subject.label)
        .order_by(Subject.label, Subject.id)
    ).all()
    return [(sid, label, int(n)) for sid, label, n in rows]


__all__ = [
    "GOALS",
    "SORTS",
    "LearnerProfile",
    "ProfileError",
    "Recommendation",
    "SearchResult",
    "closest_subjects",
    "describe",
    "get_course",
    "get_courses",
    "list_subjects",
    "rank_scores",
    "recommend",
    "subject_ids",
    "subject_label",
]
