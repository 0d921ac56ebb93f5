"""Why each course fits a learner or not, in the words the bot shows ("Title mentions
pivot tables; about £31 in total, within your £100"), and what relaxing a wish cost
("budget (nearest is £120 over)")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from actions.store.links import course_link
from actions.store.models import LEVELS, Course
from actions.store.ranking import CAREER_CREDENTIALS
from actions.store.results import LearnerProfile, Recommendation
from actions.store.subjects import subject_label
from actions.store.topic_match import FULL, TopicMatch
from actions.store.topics import Group, mentioned, mentions
from actions.store.wishes import Wish

CREDENTIAL_NAMES = {
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


def relaxed_messages(
    session: Session,
    profile: LearnerProfile,
    relaxed_keys: Sequence[str],
    base: Sequence[Any],
    kept: Sequence[Wish],
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
        else:
            # Counted among the courses meeting the wishes kept: "none carry credit" alone
            # read as if no course on the topic did (a 10-credit one with no published price
            # had been left out by the budget).
            count = f"only {fits}" if fits else "none"
            among = " of those meeting your other wishes" if kept else ""
            if key == "level":
                messages.append(f"level ({count}{among} at {profile.level} level)")
            elif key == "credit":
                messages.append(f"academic credit ({count}{among} carry credit)")
            else:
                messages.append(f"delivery ({count}{among} {profile.delivery})")
    return messages


_WHAT = {"budget": "price", "hours_per_week": "weekly hours", "max_weeks": "length"}
_WISH_NAMES = {
    "budget": "budget",
    "hours_per_week": "hours per week",
    "max_weeks": "length",
}


def missed_by_the_closest(keys: Sequence[str]) -> list[str]:
    """One phrase per wish of an amount (budget, hours, length) missed by a course shown for
    being clearly the closest in meaning to the request (each course's line says by how
    much)."""
    return [f"{_WISH_NAMES[key]} (for the courses closest to what you described)" for key in keys]


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
    return f"credit pathway ({CREDENTIAL_NAMES.get(course.credential_type, 'credit-bearing')})"


def missed_keys(course: Course, profile: LearnerProfile) -> list[str]:
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
        elif course.level == profile.level and course.follow_on and course.level == LEVELS[0]:
            out.append(("level", False, "a follow-on course, not a first one"))
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
    name = CREDENTIAL_NAMES.get(course.credential_type, course.credential_type)
    if goal == "career_change" and course.credential_type in CAREER_CREDENTIALS:
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
        # Name only the title's words when the topic said more that was not searched
        # ("Business" for "starting a business", whose "starting" is a stop word).
        said = " ".join(str(mentioned(course.title, group)) for group in topic.used)
        if said.lower() != label.lower():
            label = said if said.lower() in label.lower() else f"{said} (for {label})"
    if in_title and in_description:
        return f"title and description mention {label}"
    if in_title:
        return f"title mentions {label}"
    if in_description:
        return f"description mentions {label}"
    if all(mentions(course.keywords, group) for group in topic.used):
        return f"catalogue entry mentions {label}"
    return None  # found by what the request means, not by its words (said so by the caller)


#: The why of a course found by what the request means rather than by its words.
MEANING_REASON = "close in meaning to what you described"


def describe(
    course: Course,
    profile: LearnerProfile | None = None,
    topic: TopicMatch | None = None,
    *,
    related: bool = False,
    request: Sequence[Group] | None = None,
    close_in_meaning: bool = False,
) -> Recommendation:
    """A course as the bot shows it; with a profile, also why it fits or not.

    With the topic match of the search, the why starts with where the course
    mentions the topic (``related``: the course is about part of it only); a course
    that shares no word with the request but is ``close_in_meaning`` to it says so.
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
    by_meaning = not topic_reason and close_in_meaning
    if by_meaning:
        topic_reason = MEANING_REASON
    if topic_reason:
        met.insert(0, topic_reason)
    # The topic and goal reasons lead the one-line why: they make this course stand out.
    lead = [r for r in (topic_reason, goal_reason) if r]
    shown = lead + [m for m in met if m not in lead]
    if shown:
        why = "; ".join(shown[:3])
    else:
        name = CREDENTIAL_NAMES.get(course.credential_type, course.credential_type)
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
        by_meaning=by_meaning,
    )


__all__ = ["CREDENTIAL_NAMES", "describe", "missed_keys", "relaxed_messages"]
