"""A topic named in a message whose intent is about something else.

"Short course on research ethics?" read as a question about the last list, "remote
teamwork course?" as "save them", "how to build iPhone apps" as out of scope: when the
assistant has nothing that intent could act on (no list shown, an empty shortlist, a
question outside its scope) and the message names something to learn, it searches that
instead of replying that there is nothing to show. The NLU keeps such a topic aside with
the answer role (see :mod:`actions.answers`), so no slot is set by it otherwise.

So does a question about the list that asks for a topic none of its courses is titled with
("also is there one about data journalism?" after a journalism list): it had shown the
details of the journalism course instead.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import NAMED_TOPIC, SAID_OUTRIGHT, said, said_outright
from actions.common import store_session
from actions.form_reading import searchable_topic
from actions.negation import without_negated
from actions.recommend import send_recommendations
from actions.store.search import get_courses
from actions.store.topic_match import FULL, match_topic

#: Said before the courses on a topic the learner named as "the X one" of no list shown.
NOT_SHOWN_BUT_FOUND = (
    'None of the courses in my last list is the "{name}" one, but the catalogue has courses '
    "on {name}:"
)


def named_topic(tracker: Tracker, *, kept: bool = False, outright: bool = False) -> str | None:
    """A searchable topic the latest message names, if any (with ``kept``, also one the
    NLU kept aside because the intent does not carry it; with ``outright``, only one the
    message asks for in so many words, not a subject's words read as the topic: the
    "lecturer" of "Is it a live class with a lecturer?")."""
    entities = tracker.latest_message.get("entities") or []
    for entity in entities if kept else said(entities):
        value = entity.get("value")
        if entity.get("entity") != "topic" or not searchable_topic(value):
            continue
        if outright and not said_outright(entity):
            continue
        return str(value)
    return None


async def search_named_topic(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, kept: bool = False
) -> list[dict[str, Any]] | None:
    """Courses on the topic the latest message names (see :func:`named_topic`), or
    ``None`` when it names none."""
    topic = named_topic(tracker, kept=kept)
    if topic is None:
        return None
    return await _search(dispatcher, tracker, topic)


async def _search(
    dispatcher: CollectingDispatcher, tracker: Tracker, topic: str
) -> list[dict[str, Any]]:
    """The courses on ``topic``, which becomes the conversation's topic."""
    searching = tracker.copy()
    searching.slots["topic"] = topic
    events = await send_recommendations(dispatcher, searching)
    return [SlotSet("topic", topic), *events]


def titled_in(topic: str, ids: list[str]) -> bool:
    """Whether a course of ``ids`` has ``topic`` in its title ("'What is Poetry'" names a
    course shown, not something else to search)."""
    with store_session() as session:
        return any(topic.lower() in course.title.lower() for course in get_courses(session, ids))


def asked_for_another_topic(tracker: Tracker, ids: list[str]) -> bool:
    """Whether the latest message asks for a topic with a word asking for it ("is there one
    about data journalism?"), or names one beside dropping what it had ("ok forget the
    spreadsheet one tell me about database sql"), that is not the conversation's topic and
    that no course of ``ids`` has in its title."""
    topic = named_topic(tracker, kept=True)
    if topic is None or topic.lower() == str(tracker.get_slot("topic") or "").lower():
        return False
    text = tracker.latest_message.get("text") or ""
    sure = SAID_OUTRIGHT if without_negated(text) != text else NAMED_TOPIC
    entities = tracker.latest_message.get("entities") or []
    asked = any(
        e.get("entity") == "topic"
        and e.get("value") == topic
        and float(e.get("confidence") or 0) >= sure
        for e in entities
    )
    return asked and not titled_in(topic, ids)


async def search_the_named_one(
    dispatcher: CollectingDispatcher, tracker: Tracker, name: str
) -> list[dict[str, Any]] | None:
    """Courses on ``name``, when the learner asks about "the ``name`` one" that no list
    showed and the catalogue has courses on all of it ("What about the palliative care one
    from UWI, would that count?" had been told to say "courses on palliative care");
    ``None`` when it has none (the caller says the list has no such course)."""
    if not searchable_topic(name):
        return None
    with store_session() as session:
        match = match_topic(session, name)
    if match.status != FULL or not match.count:
        return None
    dispatcher.utter_message(text=NOT_SHOWN_BUT_FOUND.format(name=name))
    return await _search(dispatcher, tracker, name)


async def nothing_to_act_on(
    dispatcher: CollectingDispatcher, tracker: Tracker, reply: str
) -> list[dict[str, Any]]:
    """``reply`` ("I haven't shown you any courses yet"), unless the message names a
    topic: then the courses on it."""
    found = await search_named_topic(dispatcher, tracker, kept=True)
    if found is not None:
        return found
    dispatcher.utter_message(text=reply)
    return []


__all__ = ["named_topic", "nothing_to_act_on", "search_named_topic", "search_the_named_one"]
