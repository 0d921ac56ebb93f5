"""What every action shares: the store session at the edge, the learner profile read
from slots, rendering of course lists, and one safe way to fail.

Actions only translate: read slots, call a store or knowledge function, reply, return
events. Anything that can fail outside our control (the course database) is caught by
:class:`CourseAdvisorAction`, so the learner always gets a reply.
"""

from __future__ import annotations

import abc
import logging
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.answers import NAMED_TOPIC
from actions.card_actions import card_actions
from actions.course_wording import credential_label, level_label, money, month_year
from actions.profile_values import WISH_SLOTS
from actions.request_context import learner_context, message_naming, said_text
from actions.store import fulltext
from actions.store.db import StoreError, dispose_engines, session_scope
from actions.store.models import Course
from actions.store.search import (
    LearnerProfile,
    ProfileError,
    Recommendation,
    describe,
    get_courses,
)
from actions.store.topic_match import match_topic
from bot.sender_ids import loggable

logger = logging.getLogger(__name__)

STORE_DOWN_MESSAGE = (
    "Sorry, I can't reach the course database right now, so I can't look up courses. "
    "Nothing you told me is lost: please try again in a minute."
)
#: The learner's wishes, as slots (shown to advisers; cleared by "start again").
PROFILE_SLOTS = (*WISH_SLOTS[:2], "topic", *WISH_SLOTS[2:])
GOAL_LABELS = {
    "upskill": "upskilling in your job",
    "career_change": "changing career",
    "explore": "exploring a subject",
    "further_study": "studying towards a qualification",
}


@contextmanager
def store_session() -> Iterator[Session]:
    """One transaction against the course store, committed on success.

    Database failures come out as :class:`StoreError`.
    """
    with session_scope() as session:
        yield session


class CourseAdvisorAction(Action, abc.ABC):
    """Base for our actions: turns a store failure into a clear reply, never silence."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        try:
            return await self.act(dispatcher, tracker, domain)
        except ProfileError as error:
            # A slot value the store does not know (the form normally prevents this).
            # The slot value may be the learner's words: only at DEBUG (bot/log_hygiene.py).
            logger.warning(
                "Unusable profile in %s for %s", self.name(), loggable(tracker.sender_id)
            )
            logger.debug("Unusable profile: %s", error)
            dispatcher.utter_message(
                text=f"Sorry, I couldn't search with that: {error}. Could you tell me again?"
            )
            return []
        except (StoreError, SQLAlchemyError):
            # At ERROR the exception's message (SQL parameters: learner text) is hidden.
            logger.exception(
                "Course store failed in %s for %s", self.name(), loggable(tracker.sender_id)
            )
            # Drop pooled connections: the next message reconnects, so the assistant
            # recovers by itself when the database comes back.
            dispose_engines()
            dispatcher.utter_message(text=STORE_DOWN_MESSAGE)
            return []

    @abc.abstractmethod
    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Do the action's work (store errors are handled by ``run``)."""


def _number(value: Any) -> float | None:
    """A slot value as a finite number, else None (a stored Infinity must not break searches)."""
    try:
        number = None if value is None else float(value)
    except (TypeError, ValueError):
        return None
    return number if number is not None and math.isfinite(number) else None


def profile_from_tracker(tracker: Tracker) -> LearnerProfile:
    """The learner's wishes as the store understands them."""
    credit = tracker.get_slot("credit_bearing")
    topic = tracker.get_slot("topic")
    goal = tracker.get_slot("goal")
    inferred, said_in = _topic_source(tracker, topic)
    return LearnerProfile(
        subject=tracker.get_slot("subject"),
        topic=topic if isinstance(topic, str) and topic.strip() else None,
        # "any": the learner left the goal open (a neutral ranking).
        goal=None if goal == "any" else goal,
        budget_gbp=_number(tracker.get_slot("budget")),
        hours_per_week=_number(tracker.get_slot("hours_per_week")),
        max_weeks=_number(tracker.get_slot("max_weeks")),
        level=tracker.get_slot("level"),
        credit_wanted=credit if isinstance(credit, bool) else None,
        delivery=tracker.get_slot("delivery"),
        # A topic only inferred from a message is searched with that message's words (a
        # later answer such as "total maybe 100 dollars ... I use Excel a bit" is no request).
        context=(said_in if inferred and said_in else learner_context(tracker)),
        topic_inferred=inferred,
    )


def topic_inferred(tracker: Tracker, topic: Any) -> bool:
    """Whether the learner's latest message giving ``topic`` only said it in passing: the
    topic entity's confidence is under :data:`~actions.answers.NAMED_TOPIC` (a subject's
    words with no word asking for them). A topic from a button, a typed answer or a cue
    counts as named."""
    return _topic_source(tracker, topic)[0]


def _topic_source(tracker: Tracker, topic: Any) -> tuple[bool, str | None]:
    """Whether ``topic`` was only inferred (see :func:`topic_inferred`), and the text of
    the latest message that gave it."""
    if not isinstance(topic, str) or not topic.strip():
        return False, None
    event, _ = message_naming(tracker.events, topic)
    if event is None:
        return False, None
    entities = (event.get("parse_data") or {}).get("entities") or []
    found = [e for e in entities if e.get("entity") == "topic" and e.get("value") == topic]
    text = said_text(event)
    confidences = [e.get("confidence") for e in found]
    if any(c is None for c in confidences):
        return False, text
    return max(float(c) for c in confidences) < NAMED_TOPIC, text


def _fmt_number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g}"


def format_price(course: Recommendation) -> str:
    """The published price with its currency and date, plus the comparable total."""
    if course.price_model == "free" or course.price == 0:
        return "free"
    if course.price is None or not course.currency:
        return "price not published"
    figure = money(course.price, course.currency)
    if course.price_model == "subscription-monthly":
        figure += "/month"
    elif course.price_model == "total-programme":
        figure += " for the whole programme"
    as_of = month_year(course.price_as_of)
    if as_of:
        figure += f" (as of {as_of})"
    shows_total = course.cost_gbp is not None and (
        course.currency != "GBP" or course.price_model == "subscription-monthly"
    )
    if shows_total:
        figure += f", about £{course.cost_gbp:,.0f} in total"
    return figure


def format_credits(course: Recommendation | Course) -> str:
    if course.credits is None:
        return "no stated credit"
    scheme = f" {course.credit_scheme}" if course.credit_scheme else ""
    return f"{_fmt_number(course.credits)}{scheme} credits"


def hours_in_all(course: Recommendation) -> float | None:
    """The course's hours in all: the catalogue's total, else weeks times hours a week."""
    if course.hours_total:
        return course.hours_total
    if course.duration_weeks and course.hours_per_week:
        return course.duration_weeks * course.hours_per_week
    return None


def format_length(course: Recommendation) -> str:
    """How long the course takes, as the catalogue records it: weeks, hours a week and hours
    in all (:func:`hours_in_all`, "about")."""
    parts = [
        f"{_fmt_number(course.duration_weeks)} weeks"
        if course.duration_weeks
        else "length not stated"
    ]
    if course.hours_per_week:
        parts.append(f"about {_fmt_number(course.hours_per_week)} hours a week")
    total = hours_in_all(course)
    if total:
        parts.append(f"about {_fmt_number(round(total, 1))} hours in all")
    return ", ".join(parts)


def course_facts(course: Recommendation) -> str:
    """A course's length, weekly hours, price and credit on one line, as the catalogue
    records them ("4 weeks · 2 h/week · ... · no stated credit")."""
    facts = [
        f"{_fmt_number(course.duration_weeks)} weeks"
        if course.duration_weeks
        else "length not stated",
        f"{_fmt_number(course.hours_per_week)} h/week"
        if course.hours_per_week
        else "weekly hours not stated",
        format_price(course),
        format_credits(course),
    ]
    return " · ".join(facts)


def course_line(position: int, course: Recommendation) -> str:
    """A course as a few lines of plain text (every channel can show it)."""
    provider = course.provider or "provider not stated"
    return (
        f"{position}. {course.title} ({provider})\n   {course_facts(course)}\n   Why: {course.why}"
    )


def course_card(course: Recommendation) -> dict[str, Any]:
    """The structured form of a course for the widget and Telegram cards (catalogue values,
    which the clients format, plus the labels a learner reads for its type and level)."""
    return {
        "id": course.id,
        "title": course.title,
        "provider": course.provider,
        "subject": course.subject,
        "duration_weeks": course.duration_weeks,
        "hours_per_week": course.hours_per_week,
        "price": course.price,
        "currency": course.currency,
        "price_model": course.price_model,
        "price_as_of": course.price_as_of,
        "cost_gbp": course.cost_gbp,
        "credits": course.credits,
        "credit_scheme": course.credit_scheme,
        "url": course.url,
        "link": course.link,
        "link_kind": course.link_kind,
        "why": course.why,
        "credential_label": credential_label(course.credential_type),
        "level_label": level_label(course.level),
    }


def positioned_cards(
    courses: Sequence[Recommendation],
    in_list: Sequence[str] | None = None,
    skip_actions: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Cards with their 1-based ``position`` in the list ``in_list`` (the courses themselves
    when ``None``) and their ``actions`` (:mod:`actions.card_actions`); a course that is not
    in the list has neither."""
    ids = [course.id for course in courses] if in_list is None else list(in_list)
    cards = []
    for course in courses:
        card = course_card(course)
        if course.id in ids:
            position = ids.index(course.id) + 1
            card["position"] = position
            card["actions"] = card_actions(position, ids, skip=skip_actions)
        cards.append(card)
    return cards


def course_list_payload(
    courses: Sequence[Recommendation],
    relaxed: Sequence[str],
    topic: str | None = None,
    topic_status: str | None = None,
    *,
    in_list: Sequence[str] | None = None,
    skip_actions: Sequence[str] = (),
) -> dict[str, Any]:
    """The ``course_list`` custom payload; ``topic_status`` is how the topic was matched
    (``full``, ``partial``, ``none``, ``broad``; absent without a topic). Positions and card
    actions count in ``in_list`` (the last list's ids) when the courses are only part of it."""
    payload: dict[str, Any] = {
        "type": "course_list",
        "courses": positioned_cards(courses, in_list, skip_actions),
        "relaxed": list(relaxed),
    }
    if topic is not None:
        payload["topic"] = topic
        payload["topic_status"] = topic_status
    return payload


LINK_LABELS = {"page": "Course page", "search": "Search {platform} for this title"}


def link_line(course: Recommendation) -> str:
    """Where to follow the course, labelled (a title search is never passed off as its page)."""
    if course.link_kind == "page" and course.link:
        return f"{LINK_LABELS['page']}: {course.link}"
    if course.link_kind == "search" and course.link:
        label = LINK_LABELS["search"].format(platform=course.platform or "the platform")
        return f"{label} (no course page address in the catalogue): {course.link}"
    return "No course page address in the catalogue."


CARDS = "course_list"
COMPARE_TABLE = "course_compare"


def client_renders(tracker: Tracker, kind: str) -> bool:
    """Whether the learner's client draws ``kind`` custom payloads (``course_list`` as cards,
    ``course_compare`` as a table).

    Clients say so in the REST request's metadata (``{"renders": ["course_list"]}``); the
    web widget and the Telegram bridge do for cards, the widget for the compare table. Then
    the same content is not repeated as text. Any other client (``rasa shell``, a plain REST
    client) gets the full text as well.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            metadata = event.get("metadata") or {}
            renders = metadata.get("renders") if isinstance(metadata, dict) else None
            return isinstance(renders, list) and kind in renders
    return False


def client_renders_cards(tracker: Tracker) -> bool:
    """Whether the learner's client draws ``course_list`` payloads as cards."""
    return client_renders(tracker, CARDS)


def indices_from_tracker(tracker: Tracker) -> list[int]:
    """1-based positions the learner referred to ("the second one" -> [2]; last -> -1)."""
    raw = tracker.get_slot("course_index") or []
    if not isinstance(raw, list):
        raw = [raw]
    positions: list[int] = []
    for item in raw:
        try:
            positions.append(int(float(item)))
        except (TypeError, ValueError):
            continue
    return positions


def resolve_positions(positions: Sequence[int], ids: Sequence[str]) -> list[str]:
    """Course ids at the given 1-based positions of the last list (-1 = last); bad ones dropped."""
    chosen: list[str] = []
    for position in positions:
        index = len(ids) - 1 if position == -1 else position - 1
        if 0 <= index < len(ids) and ids[index] not in chosen:
            chosen.append(ids[index])
    return chosen


def asked_courses(tracker: Tracker) -> tuple[list[str], list[Recommendation]]:
    """The last list's ids, and the courses of it the latest message names by position (all
    of them when it names none), described as the catalogue records them."""
    listed = list(tracker.get_slot("last_results") or [])
    chosen = resolve_positions(indices_from_tracker(tracker), listed) or listed
    if not chosen:
        return listed, []
    with store_session() as session:
        return listed, [describe(course) for course in get_courses(session, chosen)]


def explain_courses(
    session: Session, ids: Sequence[str], profile: LearnerProfile
) -> list[Recommendation]:
    """The given courses, in the given order, described against the learner's profile
    (and topic, so that "Title mentions Kubernetes" is among the reasons)."""
    topic = match_topic(session, profile.topic) if profile.topic else None
    courses = get_courses(session, ids)
    if topic is None or not topic.used:
        return [describe(course, profile, topic) for course in courses]
    # A course from an earlier list, or named by its title, may not be about the topic as
    # it stands now: only those the topic's words match are said to match it ("Diabetic
    # Eye Disease" was said to mention French after the learner asked for French courses).
    about = set(fulltext.relevance(session, topic.used, among=[c.id for c in courses]).ids)
    return [describe(c, profile, topic if c.id in about else None) for c in courses]
