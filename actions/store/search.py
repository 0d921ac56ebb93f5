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
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session

from actions.profile_values import GOALS, subject_words
from actions.store import fulltext
from actions.store.db import StoreError
from actions.store.links import course_link
from actions.store.models import (
    CREDIT_CREDENTIALS,
    DELIVERIES,
    LEVELS,
    SUBJECTS,
    Course,
    Subject,
)
from actions.store.relevance import (
    context_relevance,
    related_courses,
    request_groups,
    request_relevance,
    topic_disagrees,
    weak_matches,
)
from actions.store.topic_match import (
    BROAD,
    FULL,
    NONE,
    PARTIAL,
    TopicMatch,
    loose_spelling_matches,
    match_topic,
)
from actions.store.topics import Group, mentioned, mentions

SORTS: tuple[str, ...] = ("best", "cheapest", "shortest")
MAX_LIMIT = 50
#: Without a subject, only this many courses (highest rank_best) are ranked.
NO_SUBJECT_POOL = 2_000

#: Penalty of a relaxed wish whose value is unknown: like missing by 100 %.
UNKNOWN_PENALTY = 1.0
#: Largest penalty of a known miss (missing by 500 % or more).
MAX_PENALTY = 5.0
#: Smallest budget used to scale "how far over", so a £0 budget still ranks misses.
MIN_BUDGET_SCALE = 50.0
#: Relaxation preference: earlier wishes give way first when several would do.
RELAX_ORDER: tuple[str, ...] = (
    "delivery",
    "level",
    "credit",
    "max_weeks",
    "hours_per_week",
    "budget",
)
_CAREER_CREDENTIALS = frozenset(
    {"professional-certificate", "experttrack", "microcredential", "nanodegree"}
)
_CREDENTIAL_NAMES = {
    "micromasters": "MicroMasters",
    "microbachelors": "MicroBachelors",
    "professional-certificate": "professional certificate",
    "experttrack": "ExpertTrack",
    "nanodegree": "Nanodegree",
    "postgraduate-module": "postgraduate module",
    "credit-bearing-course": "credit-bearing course",
    "short-course": "short course",
    "microcredential": "microcredential",
}


class ProfileError(StoreError, ValueError):
    """A learner profile or search option has a value the store does not know."""


def subject_ids() -> tuple[str, ...]:
    """The catalogue's 22 subject ids (no database needed)."""
    return tuple(SUBJECTS)


def subject_label(subject_id: str) -> str:
    """The human label of a subject id (the id itself when unknown)."""
    return SUBJECTS.get(subject_id, subject_id)


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", text.lower()) if t and t != "and"]


def closest_subjects(text: str, n: int = 3) -> list[str]:
    """Subject ids that look most like ``text`` (ids, labels, everyday words), best first.

    For "did you mean" buttons: an exact id or label wins; then subjects named by
    a word of ``text`` (or a word prefix, an everyday one-word name of the subject from
    ``data/vocab/nlu/subjects.yml``, a near spelling);
    then ``difflib`` close matches of the whole text.
    """
    query = text.strip().lower()
    if not query or n <= 0:
        return []
    by_name: dict[str, str] = {}
    for sid, label in SUBJECTS.items():
        by_name[sid] = sid
        by_name[label.lower()] = sid
    if query in by_name:
        return [by_name[query]]
    words = [w for w in _tokens(query) if len(w) >= 2]
    everyday = subject_words()
    scores: dict[str, float] = {}
    for sid, label in SUBJECTS.items():
        names = set(_tokens(sid)) | set(_tokens(label))
        for w in words:
            if w in names:
                score = 3.0
            elif everyday.get(w, everyday.get(w.removesuffix("s"))) == sid:
                score = 2.5
            elif len(w) >= 3 and any(name.startswith(w) for name in names):
                score = 2.0
            else:
                close = difflib.get_close_matches(w, names, n=1, cutoff=0.8)
                score = 1.0 if close and len(w) >= 4 else 0.0
            if score:
                scores[sid] = scores.get(sid, 0.0) + score
    found = [sid for sid, _ in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]
    for name in difflib.get_close_matches(query, list(by_name), n=n * 2, cutoff=0.6):
        if by_name[name] not in found:
            found.append(by_name[name])
    return found[:n]


# -- ranking scores (computed at import) -----------------------------------------


def rank_scores(course: Mapping[str, Any]) -> dict[str, float]:
    """Goal scores for one course, higher is better; stored in ``Course.rank_*``.

    ``course`` holds the typed catalogue fields plus ``cost_gbp``, ``weekly_hours``
    and ``credit_bearing``. Every goal starts from how complete the facts are, so
    courses with a known cost and length come first among equals.
    """
    cost = course.get("cost_gbp")
    weeks = course.get("duration_weeks")
    weekly = course.get("weekly_hours")
    total_hours = course.get("hours_total")
    if total_hours is None and weeks is not None and weekly is not None:
        total_hours = weeks * weekly
    credential = course.get("credential_type") or ""
    level = course.get("level")
    cpd = bool(course.get("cpd_accredited"))
    credit_bearing = bool(course.get("credit_bearing"))
    has_partner = bool(course.get("partner"))
    evidence = str(course.get("evidence_level") or "")

    base = 0.5 * (cost is not None) + 0.5 * (weeks is not None) + 0.25 * (weekly is not None)

    best = (
        base
        + 0.5 * bool(course.get("description"))
        + 0.5 * evidence.startswith("A_")
        + 0.5 * cpd
        + 0.5 * credit_bearing
    )
    upskill = base + 2.0 * cpd + 0.5 * has_partner
    if weeks is not None:
        upskill += 1.5 if weeks <= 6 else 0.5 if weeks <= 12 else 0.0
    if weekly is not None and weekly <= 5:
        upskill += 0.5
    if credential in ("experttrack", "professional-certificate", "microcredential"):
        upskill += 1.0

    # A career change needs substance: a career credential, then more study hours.
    career = base + 0.5 * has_partner + 0.25 * cpd
    if credential in _CAREER_CREDENTIALS:
        career += 3.0
    elif credential in ("micromasters", "microbachelors"):
        career += 2.0
    if total_hours is not None:
        career += min(float(total_hours), 150.0) / 30.0

    explore = base + 1.0 * (level == "introductory") + 1.0 * (credential == "short-course")
    if weeks is not None:
        explore += 2.0 if weeks <= 2 else 1.5 if weeks <= 4 else 0.5 if weeks <= 6 else 0.0
    if cost is not None:
        explore += (
            2.0
            if cost == 0
            else 1.5
            if cost <= 30
            else 1.0
            if cost <= 60
            else 0.5
            if cost <= 100
            else 0.0
        )
    if weekly is not None and weekly <= 3:
        explore += 0.5

    further = base + 3.0 * credit_bearing + 1.0 * (course.get("credits") is not None)
    further += {"postgraduate": 1.5, "undergraduate": 1.0}.get(level or "", 0.0)
    if credential in CREDIT_CREDENTIALS or credential == "microcredential":
        further += 1.0

    return {
        "rank_best": round(best, 3),
        "rank_upskill": round(upskill, 3),
        "rank_career_change": round(career, 3),
        "rank_explore": round(explore, 3),
        "rank_further_study": round(further, 3),
    }


_RANK_COLUMN = {
    None: Course.rank_best,
    "upskill": Course.rank_upskill,
    "career_change": Course.rank_career_change,
    "explore": Course.rank_explore,
    "further_study": Course.rank_further_study,
}

# -- profile and results -------------------------------------------------------------


@dataclass
class LearnerProfile:
    """What a learner told the bot. Every field is optional."""

    subject: str | None = None
    topic: str | None = None  # the learner's own words, e.g. "Excel pivot tables"
    goal: str | None = None  # upskill | career_change | explore | further_study
    budget_gbp: float | None = None
    hours_per_week: float | None = None
    max_weeks: float | None = None
    level: str | None = None  # introductory | undergraduate | postgraduate
    credit_wanted: bool | None = None
    delivery: str | None = None  # online | blended
    # The learner's own words around the request ("I'm a nurse on an oncology ward ...
    # caring for dying patients"): they rank the courses when the topic alone does not.
    context: str | None = None


@dataclass
class Recommendation:
    """A course as the bot shows it, with why it fits (or not) this learner."""

    id: str
    title: str
    provider: str | None
    platform: str | None
    subject: str
    subject_label: str
    credential_type: str
    level: str | None
    duration_weeks: float | None
    hours_per_week: float | None  # as published
    weekly_hours: float | None  # used for matching: published, else total / weeks
    hours_total: float | None
    price: float | None
    currency: str | None
    price_model: str
    price_as_of: str | None
    cost_gbp: float | None
    cost_rule: str
    monthly_gbp: float | None
    credits: float | None
    credit_scheme: str | None
    credit_level: str | None
    credit_bearing: bool
    cpd_accredited: bool
    delivery: str
    url: str | None
    description: str | None
    # Where to follow the course: its page (link_kind "page") or a search for its exact
    # title on its platform ("search"); None when neither is known.
    link: str | None = None
    link_kind: str | None = None
    reasons_met: list[str] = field(default_factory=list)
    reasons_missed: list[str] = field(default_factory=list)
    why: str = ""
    # About part of the learner's topic only (shown after the courses about all of it).
    related: bool = False

    @property
    def meets_all(self) -> bool:
        return not self.reasons_missed


@dataclass
class SearchResult:
    """The courses found, and what had to give way to find them."""

    courses: list[Recommendation]
    relaxed: list[str]  # human-readable, e.g. "budget (nearest is £120 over)"
    relaxed_keys: list[str]  # the same wishes as keys: budget, hours_per_week, ...
    exact: bool  # every course shown meets every wish
    total_matching: int  # courses meeting every wish (exact matches)
    total_candidates: int  # courses ranked for this page (after relaxing)
    offset: int = 0
    # True when no subject was given and the catalogue is larger than the candidate
    # pool: the counts then cover only the NO_SUBJECT_POOL best-documented courses.
    pool_limited: bool = False
    # How the learner's topic was matched (None without a topic): FULL, PARTIAL (the
    # courses cover only part of it), NONE (no course on it: the courses shown, if any,
    # are the subject's nearest) or BROAD (too broad to search by words).
    topic: TopicMatch | None = None
    # Ranked by the learner's whole request rather than the topic phrase (which the
    # catalogue lacks, covers in part, or which disagrees with the rest of the request).
    by_request: bool = False

    @property
    def on_topic(self) -> bool:
        """Whether the courses are about the whole topic the learner named."""
        return self.topic is None or self.topic.status in (FULL, BROAD)

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.courses) < self.total_candidates


# -- wishes ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Wish:
    key: str
    met: Any  # SQL boolean expression: known and within the wish
    # Builds the SQL expression "how far from the wish": 0 when met, else the relative
    # overshoot (unknown -> UNKNOWN_PENALTY). Built only when the wish is relaxed.
    penalty: Callable[[], Any]


def _miss(met: Any) -> Any:
    return case((met, literal(0.0)), else_=literal(1.0))


def _capped(expr: Any) -> Any:
    return case((expr > MAX_PENALTY, literal(MAX_PENALTY)), else_=expr)


def _limit_wish(key: str, column: Any, limit: float, scale: float) -> _Wish:
    # Tiny tolerance so that £600.00 converted as 599.999... still fits £600.
    within = and_(column.isnot(None), column <= limit + 1e-6)

    def penalty() -> Any:
        return case(
            (column.is_(None), literal(UNKNOWN_PENALTY)),
            (column <= limit + 1e-6, literal(0.0)),
            else_=_capped((column - limit) / scale),
        )

    return _Wish(key, within, penalty)


def _wishes(profile: LearnerProfile) -> list[_Wish]:
    wishes: list[_Wish] = []
    if profile.budget_gbp is not None:
        budget = float(profile.budget_gbp)
        wishes.append(_limit_wish("budget", Course.cost_gbp, budget, max(budget, MIN_BUDGET_SCALE)))
    if profile.hours_per_week is not None:
        hours = float(profile.hours_per_week)
        wishes.append(_limit_wish("hours_per_week", Course.weekly_hours, hours, max(hours, 1.0)))
    if profile.max_weeks is not None:
        weeks = float(profile.max_weeks)
        wishes.append(_limit_wish("max_weeks", Course.duration_weeks, weeks, max(weeks, 1.0)))
    if profile.level is not None:
        wanted = LEVELS.index(profile.level)

        def distance() -> Any:
            return case(
                *(
                    (Course.level == lvl, literal(abs(rank - wanted) * 0.5))
                    for rank, lvl in enumerate(LEVELS)
                ),
                else_=literal(UNKNOWN_PENALTY),
            )

        wishes.append(_Wish("level", Course.level == profile.level, distance))
    if profile.credit_wanted:
        credit = Course.credit_bearing.is_(True)
        wishes.append(_Wish("credit", credit, lambda: _miss(credit)))
    if profile.delivery is not None:
        delivery = Course.delivery == profile.delivery
        wishes.append(_Wish("delivery", delivery, lambda: _miss(delivery)))
    return wishes


def _check_profile(profile: LearnerProfile, sort: str, limit: int, offset: int) -> None:
    if profile.subject is not None and profile.subject not in SUBJECTS:
        hints = closest_subjects(profile.subject)
        hint = f" (did you mean {', '.join(hints)}?)" if hints else ""
        raise ProfileError(f"unknown subject {profile.subject!r}{hint}")
    if profile.goal is not None and profile.goal not in GOALS:
        raise ProfileError(f"unknown goal {profile.goal!r}; expected one of {', '.join(GOALS)}")
    if profile.level is not None and profile.level not in LEVELS:
        raise ProfileError(f"unknown level {profile.level!r}; expected one of {', '.join(LEVELS)}")
    if profile.delivery is not None and profile.delivery not in DELIVERIES:
        raise ProfileError(
            f"unknown delivery {profile.delivery!r}; expected one of {', '.join(DELIVERIES)}"
        )
    for name in ("budget_gbp", "hours_per_week", "max_weeks"):
        value = getattr(profile, name)
        if value is not None and (not isinstance(value, (int, float)) or value < 0):
            raise ProfileError(f"{name} must be a number >= 0, not {value!r}")
    if sort not in SORTS:
        raise ProfileError(f"unknown sort {sort!r}; expected one of {', '.join(SORTS)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise ProfileError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise ProfileError(f"offset must be >= 0, not {offset}")


def _order_keys(profile: LearnerProfile, sort: str) -> list[Any]:
    rank = _RANK_COLUMN[profile.goal]
    if sort == "cheapest":
        return [Course.cost_gbp.is_(None), Course.cost_gbp, rank.desc()]
    if sort == "shortest":
        return [
            Course.duration_weeks.is_(None),
            Course.duration_weeks,
            Course.hours_total.is_(None),
            Course.hours_total,
            rank.desc(),
        ]
    return [rank.desc()]


def _choose_relaxation(
    keys: Sequence[str], groups: Mapping[tuple[bool, ...], int], needed: int
) -> frozenset[str]:
    """The smallest set of wishes to relax so that ``needed`` courses remain.

    ``groups`` maps "which wishes a course meets" to how many courses do so. Among
    sets of equal size, the one relaxing wishes earliest in ``RELAX_ORDER`` wins.
    Relaxing everything is the fallback when even that is not enough.
    """
    order = {key: RELAX_ORDER.index(key) for key in keys}
    candidates: list[tuple[int, list[int], frozenset[str]]] = []
    for size in range(1, len(keys) + 1):
        for combo in itertools.combinations(keys, size):
            candidates.append((size, sorted(order[k] for k in combo), frozenset(combo)))
    candidates.sort(key=lambda c: (c[0], c[1]))
    for _, _, relaxed in candidates:
        count = sum(
            n
            for met, n in groups.items()
            if all(ok or key in relaxed for key, ok in zip(keys, met, strict=True))
        )
        if count >= needed:
            return relaxed
    return frozenset(keys)


def recommend(
    session: Session,
    profile: LearnerProfile,
    limit: int = 3,
    offset: int = 0,
    exclude_ids: Iterable[str] = (),
    sort: str = "best",
    cheaper_than: float | None = None,
    shorter_than: float | None = None,
) -> SearchResult:
    """Courses for ``profile``, best first, each with reasons met and missed.

    ``offset`` and ``exclude_ids`` serve "show me more"; ``cheaper_than`` (total £) and
    ``shorter_than`` (weeks) serve "cheaper" and "shorter": hard limits that are never
    relaxed, so a "cheaper" list really is cheaper (or empty). ``sort`` is ``best``
    (goal-shaped ranking), ``cheapest`` (known total cost, ascending) or
    ``shortest`` (known length, ascending); unknown values always sort last.
    Raises :class:`ProfileError` for values outside the vocabulary.
    """
    _check_profile(profile, sort, limit, offset)
    needed = offset + limit
    topic = match_topic(session, profile.topic) if profile.topic else None
    rel = fulltext.relevance(session, topic.used) if topic is not None and topic.used else None
    request = (
        request_relevance(session, topic, profile.context)
        if topic is not None and topic.status != BROAD
        else None
    )
    by_request = request is not None and (
        (topic is not None and topic.status in (PARTIAL, NONE)) or topic_disagrees(rel, request)
    )
    if by_request:
        # The topic phrase is missing from the catalogue, covered only in part, or nowhere
        # near the rest of what the learner said: go by the whole request instead.
        rel = request
    near, near_tiers = (
        (None, []) if by_request else related_courses(session, topic, rel, needed, exclude_ids)
    )
    found = rel.ids + (near.ids if near else []) if rel is not None else None
    context = None if by_request else context_relevance(session, topic, profile.context, found)
    base: list[Any] = []
    if rel is not None:
        # Courses about the topic, whatever their subject (the subject only re-ranks),
        # then (when too few) courses about part of it.
        base.append(Course.id.in_(rel.ids + (near.ids if near else [])))
    elif topic is not None and topic.status == NONE and profile.subject is None:
        # Nothing on the topic and no subject to fall back on.
        return SearchResult([], [], [], True, 0, 0, offset, topic=topic)
    elif profile.subject is not None:
        base.append(Course.subject_id == profile.subject)
    excluded = sorted({str(i) for i in exclude_ids})
    if excluded:
        base.append(Course.id.not_in(excluded))
    if cheaper_than is not None:
        base.append(Course.cost_gbp < float(cheaper_than))
    if shorter_than is not None:
        base.append(Course.duration_weeks < float(shorter_than))
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
    wishes = _wishes(profile)
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
        relaxed = _choose_relaxation(keys, groups, needed)
    kept = [w for w in wishes if w.key not in relaxed]
    loose = [w for w in wishes if w.key in relaxed]
    order: list[Any] = []
    if near is not None:  # the whole topic, then its first idea and another, then the rest
        tiers = [(Course.id.in_(ids), rank) for rank, ids in enumerate(near_tiers) if ids]
        order.append(case((Course.id.in_(rel.ids if rel else []), -1), *tiers, else_=len(tiers)))
    if rel is not None and not by_request:  # the title itself is about the topic
        # (going by the request, a title with any one of its many words says little)
        title_ids = rel.title_ids | (near.title_ids if near else frozenset())
        order.append(case((Course.id.in_(sorted(title_ids)), 0), else_=1))
    if loose:
        misses = sum(
            (case((w.met, literal(0)), else_=literal(1)) for w in loose[1:]),
            case((loose[0].met, literal(0)), else_=literal(1)),
        )
        penalty = sum((w.penalty() for w in loose[1:]), loose[0].penalty())
        order += [misses, penalty]
    if profile.level in (None, "introductory"):
        order.append(case((Course.follow_on.is_(True), 1), else_=0))  # part I before part II
    weak = weak_matches(rel) | weak_matches(near)
    if topic is not None and rel is not None and not by_request:
        weak |= loose_spelling_matches(session, topic, rel.ids)
    if weak:  # clearly more about the topic before the goal and subject re-rank
        order.append(case((Course.id.in_(sorted(weak)), 1), else_=0))
    if context is not None and context.scores:  # the rest of the request ("... oncology ...")
        order.append(case(context.scores, value=Course.id, else_=0.0))
    if rel is not None and profile.subject is not None:
        order.append(case((Course.subject_id == profile.subject, 0), else_=1))
    scores = {**(near.scores if near else {}), **(rel.scores if rel else {})}
    if scores and by_request:
        # Any of many words said: how well a course matches them comes before the goal.
        order.append(case(scores, value=Course.id, else_=0.0))
    order += _order_keys(profile, sort)
    if scores:
        order.append(case(scores, value=Course.id, else_=0.0))
    order.append(Course.id)
    # Rank ids only (an index-only scan), then load the few courses shown.
    ids = list(
        session.execute(
            select(Course.id)
            .where(*base, *(w.met for w in kept))
            .order_by(*order)
            .limit(limit)
            .offset(offset)
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
    said = request_groups(session, topic, profile.context) if by_request else None
    recommendations = [
        describe(course, profile, topic, related=course.id in related, request=said)
        for course in courses
    ]
    missed_keys = {key for course in courses for key in _missed_keys(course, profile)}
    relaxed_keys = [k for k in keys if k in relaxed and k in missed_keys]
    messages = (
        _relaxed_messages(session, profile, relaxed_keys, base, kept, keys, groups, relaxed)
        if relaxed_keys
        else []
    )
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


def _relaxed_messages(
    session: Session,
    profile: LearnerProfile,
    relaxed_keys: Sequence[str],
    base: Sequence[Any],
    kept: Sequence[_Wish],
    keys: Sequence[str],
    groups: Mapping[tuple[bool, ...], int],
    relaxed: frozenset[str],
) -> list[str]:
    """One phrase per relaxed wish: how close the nearest course came."""
    limits: dict[str, tuple[Any, float]] = {}
    if profile.budget_gbp is not None:
        limits["budget"] = (Course.cost_gbp, float(profile.budget_gbp))
    if profile.hours_per_week is not None:
        limits["hours_per_week"] = (Course.weekly_hours, float(profile.hours_per_week))
    if profile.max_weeks is not None:
        limits["max_weeks"] = (Course.duration_weeks, float(profile.max_weeks))
    numeric = [k for k in relaxed_keys if k in limits]
    nearest: dict[str, float | None] = {}
    if numeric:
        columns = [
            func.min(case((limits[k][0] > limits[k][1] + 1e-6, limits[k][0]))).label(k)
            for k in numeric
        ]
        row = session.execute(select(*columns).where(*base, *(w.met for w in kept))).one()
        nearest = {k: (None if v is None else float(v)) for k, v in zip(numeric, row, strict=True)}

    messages = []
    for key in relaxed_keys:
        index = keys.index(key)
        # Courses meeting this wish among the candidates (all kept wishes met).
        fits = sum(
            n
            for met, n in groups.items()
            if met[index] and all(ok or k in relaxed for k, ok in zip(keys, met, strict=True))
        )
        if key in limits:
            value = nearest.get(key)
            other = " other" if fits else ""
            if value is None:
                what = _WHAT[key]
                detail = f"the rest have no published {what}" if fits else f"no published {what}"
            elif key == "budget":
                detail = f"nearest{other} is {_money(value - limits[key][1])} over"
            elif key == "hours_per_week":
                detail = f"nearest{other} needs {_num(value)} h/week"
            else:
                detail = f"nearest{other} takes {_num(value)} weeks"
            prefix = f"only {fits} fit; " if fits else ""
            messages.append(f"{_WISH_NAMES[key]} ({prefix}{detail})")
        elif key == "level":
            count = f"only {fits}" if fits else "none"
            messages.append(f"level ({count} at {profile.level} level)")
        elif key == "credit":
            count = f"only {fits}" if fits else "none"
            messages.append(f"academic credit ({count} carry credit)")
        else:
            count = f"only {fits}" if fits else "none"
            messages.append(f"delivery ({count} {profile.delivery})")
    return messages


_WHAT = {"budget": "price", "hours_per_week": "weekly hours", "max_weeks": "length"}
_WISH_NAMES = {
    "budget": "budget",
    "hours_per_week": "hours per week",
    "max_weeks": "length",
}

# -- describing courses --------------------------------------------------------------


def _num(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _money(value: float) -> str:
    if abs(value - round(value)) < 0.005:
        return f"£{round(value):,}"
    return f"£{value:,.2f}"


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def _credit_phrase(course: Course) -> str:
    if course.credits:
        scheme = f" {course.credit_scheme}" if course.credit_scheme else ""
        return f"carries {_num(course.credits)}{scheme} credits"
    return f"credit pathway ({_CREDENTIAL_NAMES.get(course.credential_type, 'credit-bearing')})"


def _missed_keys(course: Course, profile: LearnerProfile) -> list[str]:
    return [key for key, met, _ in _judge(course, profile) if not met]


def _judge(course: Course, profile: LearnerProfile) -> list[tuple[str, bool, str]]:
    """(wish key, met?, phrase) for each wish in the profile, in display order."""
    out: list[tuple[str, bool, str]] = []
    if profile.budget_gbp is not None:
        budget = float(profile.budget_gbp)
        cost = course.cost_gbp
        if cost is None:
            if course.monthly_gbp is not None:
                phrase = f"total unknown ({_money(course.monthly_gbp)} a month, length unknown)"
            else:
                phrase = "price not published"
            out.append(("budget", False, phrase))
        elif cost <= budget + 1e-6:
            phrase = (
                "free"
                if cost == 0
                else f"{_money(cost)} in total, within your {_money(budget)} budget"
            )
            out.append(("budget", True, phrase))
        else:
            over = f"{_money(cost - budget)} over your {_money(budget)} budget"
            out.append(("budget", False, over))
    if profile.hours_per_week is not None:
        have = float(profile.hours_per_week)
        need = course.weekly_hours
        if need is None:
            out.append(("hours_per_week", False, "weekly hours unknown"))
        else:
            phrase = f"needs {_num(need)} h/week, you have {_num(have)}"
            out.append(("hours_per_week", need <= have + 1e-6, phrase))
    if profile.max_weeks is not None:
        most = float(profile.max_weeks)
        weeks = course.duration_weeks
        if weeks is None:
            out.append(("max_weeks", False, "length unknown"))
        elif weeks <= most + 1e-6:
            out.append(("max_weeks", True, f"{_num(weeks)} weeks, within your {_num(most)}"))
        else:
            out.append(
                (
                    "max_weeks",
                    False,
                    f"{_num(weeks)} weeks, {_num(weeks - most)} more than your {_num(most)}",
                )
            )
    if profile.level is not None:
        if course.level is None:
            out.append(("level", False, "level not stated"))
        elif course.level == profile.level:
            out.append(("level", True, f"{course.level} level"))
        else:
            out.append(("level", False, f"{course.level} level, not {profile.level}"))
    if profile.credit_wanted:
        if course.credit_bearing:
            out.append(("credit", True, _credit_phrase(course)))
        else:
            out.append(("credit", False, "no academic credit stated"))
    if profile.delivery is not None:
        if course.delivery == profile.delivery:
            out.append(("delivery", True, course.delivery))
        else:
            out.append(("delivery", False, f"{course.delivery}, not {profile.delivery}"))
    return out


def _goal_reason(course: Course, goal: str | None) -> str | None:
    name = _CREDENTIAL_NAMES.get(course.credential_type, course.credential_type)
    if goal == "career_change" and course.credential_type in _CAREER_CREDENTIALS:
        return f"{_a(name)} suits a career change"
    if goal == "further_study" and course.credit_bearing:
        return _credit_phrase(course)
    if goal == "upskill" and course.cpd_accredited:
        return "CPD-accredited"
    if (
        goal == "explore"
        and course.duration_weeks is not None
        and course.duration_weeks <= 4
        and course.level == "introductory"
    ):
        return f"short ({_num(course.duration_weeks)} weeks) and introductory"
    return None


def _request_reason(course: Course, request: Sequence[Group]) -> str | None:
    """Which of the learner's words the course mentions ("title mentions oncology")."""
    parts = []
    shown: set[str] = set()
    for where, text_ in (("title", course.title), ("description", course.description)):
        found = []
        for group in request:
            said = mentioned(text_, group)
            if said is not None and said.lower() not in shown:
                shown.add(said.lower())
                found.append(said)
        if found:
            parts.append(f"{where} mentions {', '.join(found[:4])}")
    return "; ".join(parts) or None


def _related_reason(course: Course, topic: TopicMatch) -> str:
    """What a course about part of the topic mentions ("about part of your topic:
    title mentions wine")."""
    in_title = [g for g in topic.searched if mentions(course.title, g)]
    found = in_title or [g for g in topic.searched if mentions(course.description, g)]
    if not found:
        return f"about part of your topic ({topic.topic.strip()}) only"
    words = " and ".join(
        str(mentioned(course.title if in_title else course.description, g)) for g in found
    )
    where = "title" if in_title else "description"
    return f"about part of your topic only: {where} mentions {words}"


def _topic_reason(course: Course, topic: TopicMatch | None, related: bool = False) -> str | None:
    """Where the course mentions the learner's topic ("title mentions pivot tables")."""
    if topic is None or not topic.used:
        return None
    if related:
        return _related_reason(course, topic)
    label = topic.topic.strip() if topic.status == FULL else topic.covered
    in_title = all(mentions(course.title, group) for group in topic.used)
    in_description = all(mentions(course.description, group) for group in topic.used)
    if in_title:
        # Name the title's own words when a synonym matched ("TESOL" for "TEFL").
        said = " ".join(str(mentioned(course.title, group)) for group in topic.used)
        if said.lower() != label.lower() and said.lower() not in label.lower():
            label = f"{said} (for {label})"
    if in_title and in_description:
        return f"title and description mention {label}"
    if in_title:
        return f"title mentions {label}"
    if in_description:
        return f"description mentions {label}"
    return f"catalogue entry mentions {label}"


def describe(
    course: Course,
    profile: LearnerProfile | None = None,
    topic: TopicMatch | None = None,
    *,
    related: bool = False,
    request: Sequence[Group] | None = None,
) -> Recommendation:
    """A course as the bot shows it; with a profile, also why it fits or not.

    With the topic match of the search, the why starts with where the course
    mentions the topic (``related``: the course is about part of it only).
    """
    profile = profile or LearnerProfile()
    judged = _judge(course, profile)
    met = [phrase for _, ok, phrase in judged if ok]
    missed = [phrase for _, ok, phrase in judged if not ok]
    goal_reason = _goal_reason(course, profile.goal)
    if goal_reason and goal_reason not in met:
        met.append(goal_reason)
    topic_reason = (
        _request_reason(course, request)
        if request is not None
        else _topic_reason(course, topic, related)
    )
    if topic_reason:
        met.insert(0, topic_reason)
    # The topic and goal reasons lead the one-line why: they make this course stand out.
    lead = [r for r in (topic_reason, goal_reason) if r]
    shown = lead + [m for m in met if m not in lead]
    if shown:
        why = "; ".join(shown[:3])
    else:
        name = _CREDENTIAL_NAMES.get(course.credential_type, course.credential_type)
        why = f"{_a(name)} in {subject_label(course.subject_id)}"
    if missed:
        why += " — but " + "; ".join(missed)
    why = why[0].upper() + why[1:]
    link, link_kind = course_link(course.url, course.platform, course.title)
    return Recommendation(
        id=course.id,
        title=course.title,
        provider=course.provider_name,
        platform=course.platform,
        subject=course.subject_id,
        subject_label=subject_label(course.subject_id),
        credential_type=course.credential_type,
        level=course.level,
        duration_weeks=course.duration_weeks,
        hours_per_week=course.hours_per_week,
        weekly_hours=course.weekly_hours,
        hours_total=course.hours_total,
        price=course.price,
        currency=course.currency,
        price_model=course.price_model,
        price_as_of=course.price_as_of,
        cost_gbp=course.cost_gbp,
        cost_rule=course.cost_rule,
        monthly_gbp=course.monthly_gbp,
        credits=course.credits,
        credit_scheme=course.credit_scheme,
        credit_level=course.credit_level,
        credit_bearing=bool(course.credit_bearing),
        cpd_accredited=bool(course.cpd_accredited),
        delivery=course.delivery,
        url=course.url,
        description=course.description,
        link=link,
        link_kind=link_kind,
        reasons_met=met,
        reasons_missed=missed,
        why=why,
        related=related,
    )


# -- look-ups ----------------------------------------------------------------------


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
