"""How the profile form reads the latest message: what it answers, skips or leaves open,
whether it names something to search, and what a subject left open leads to (read by
:mod:`actions.profile_form`)."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker

from actions.answers import answer_values, inferred_only, said
from actions.ask import MAX_ASKS, times_asked
from actions.common import store_session
from actions.form_history import just_said
from actions.request_context import learner_context
from actions.store.db import StoreError
from actions.store.relevance import names_something
from actions.store.semantic_ranking import described_courses
from actions.store.topics import topic_groups
from actions.vague import is_vague

logger = logging.getLogger(__name__)

# Messages that interrupt a question rather than miss it: answered, then asked again.
INTERRUPTIONS = {
    "ask_credit",
    "ask_microcredentials",
    "bot_challenge",
    "ask_capabilities",
    "greet",
    "thank",
    "show_shortlist",
    "human_handoff",
    "forget_me",
    "goodbye",
    "start_again",
}
# Questions about courses in a list ("which one is the cheapest?", "tell me more about the
# Swiss one", "save the wedding one") said before any list was shown: the learner wants the
# courses now, so the question asked is left open (and its text is no topic).
LIST_QUESTIONS = {
    "course_details",
    "compare_courses",
    "which_to_pick",
    "why_recommended",
    "save_shortlist",
}
# Ways to say "skip this question".
SKIPS = {"skip", "deny"}


def searchable_topic(topic: Any) -> bool:
    """Whether ``topic`` has words specific enough to search by (not just "IT")."""
    return isinstance(topic, str) and bool(topic_groups(topic))


def intent_of(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def says(tracker: Tracker, name: str) -> bool:
    return any(e.get("entity") == name for e in said(tracker.latest_message.get("entities") or []))


def states_a_wish(tracker: Tracker) -> bool:
    """Whether the message gives a wish ("is there anything free" is not vague)."""
    return any(
        says(tracker, name)
        for name in (
            "budget",
            "hours_per_week",
            "max_weeks",
            "level",
            "credit_bearing",
            "refinement",
        )
    )


#: The wishes a message about something else does not give by the way: a level is read from
#: "no idea" too (a beginner), so a vague answer to the subject question stays vague.
CONCRETE_WISHES = ("budget", "hours_per_week", "max_weeks", "credit_bearing", "refinement")
#: The concrete wishes a slot keeps ("free" and "with credit" come with their budget and
#: credit; "cheapest" and "shorter" only change a list).
SLOT_WISHES = tuple(name for name in CONCRETE_WISHES if name != "refinement")


def skips_subject(tracker: Tracker) -> bool:
    """Whether the latest message skips the subject question: a skip or a "no" that gives
    no wish either ("maybe two or three hours a week ... not sure really" answers another
    question, though it reads as a skip; taking it as one started the exploration
    questions). Other questions take a skip with a wish as said ("skip, under £50").
    A skip whose only wish is about a list no slot keeps ("whatever is cheapest") is a
    skip: nothing else answered the question, and the learner was told "Sorry, I didn't
    get that"."""
    intent = intent_of(tracker)
    if intent in SKIPS:
        return not any(says(tracker, name) for name in SLOT_WISHES)
    return asks_for_a_list_naming_nothing(tracker) and not states_a_concrete_wish(tracker)


def asks_for_a_list(tracker: Tracker) -> bool:
    """Whether the message asks about courses in a list (LIST_QUESTIONS) while none has
    been shown (with a list shown, the question is about it and the form asks on)."""
    return intent_of(tracker) in LIST_QUESTIONS and not tracker.get_slot("last_results")


def asks_for_a_list_naming_nothing(tracker: Tracker) -> bool:
    """:func:`asks_for_a_list`, naming nothing to search: "how long is the fodmap one?"
    answered to the subject question names what the learner wants."""
    return asks_for_a_list(tracker) and not message_names_something(tracker)


def message_names_something(tracker: Tracker) -> bool:
    """Whether the latest message names something specific a course is about."""
    return text_names_something(tracker.latest_message.get("text"))


def states_a_concrete_wish(tracker: Tracker) -> bool:
    """Whether the message gives one of the CONCRETE_WISHES."""
    return any(says(tracker, name) for name in CONCRETE_WISHES)


def goal_only_guessed(tracker: Tracker) -> bool:
    """Whether every goal the latest message carries, kept aside or not, is a learned guess
    or an inference, not the goal said."""
    entities = tracker.latest_message.get("entities") or []
    return inferred_only(entities, "goal", kept_aside=True)


def answer_to_question(tracker: Tracker) -> dict[str, Any]:
    """The wishes the latest message gives as the answer to the question the form asked,
    even where its intent looked like something else (see :mod:`actions.answers`)."""
    if not just_said(tracker):
        return {}
    return answer_values(
        tracker.latest_message.get("entities") or [],
        tracker.latest_message.get("text") or "",
        tracker.get_slot("requested_slot"),
    )


def gives_up(tracker: Tracker, slot: str) -> bool:
    """Whether the latest message leaves the question for ``slot`` open: a skip, a vague
    answer, or a third miss in a row (an interruption such as a question is not a miss)."""
    if tracker.get_slot("requested_slot") != slot:
        return False
    intent = intent_of(tracker)
    if intent in INTERRUPTIONS:
        return False
    text = tracker.latest_message.get("text") or ""
    vague = is_vague(text) and not states_a_wish(tracker)
    return (
        intent in SKIPS
        or asks_for_a_list(tracker)
        or vague
        or times_asked(tracker, slot) >= MAX_ASKS
    )


def request_names_something(tracker: Tracker) -> bool:
    """Whether the learner's request names something specific a course is about, or
    describes what one is about closely enough to search by meaning."""
    return text_names_something(learner_context(tracker), or_described=True)


def text_names_something(text: str | None, *, or_described: bool = False) -> bool:
    """Whether ``text`` names something specific a course is about
    (:func:`actions.store.relevance.names_something`), or with ``or_described`` is close
    enough in meaning to some course (:func:`described_courses`); ``False`` when the
    store fails."""
    if not text:
        return False
    try:
        with store_session() as session:
            return names_something(session, text) or (
                or_described and described_courses(session, text) is not None
            )
    except StoreError:
        logger.warning("Could not read the learner's words: the store failed", exc_info=True)
        return False


def subject_left_open(tracker: Tracker) -> dict[str, Any]:
    """The subject question left open: the search goes by the request's words when they
    name something ("github always confuses me ..."), else the exploration questions."""
    if request_names_something(tracker):
        return {"subject": None, "exploring": False, "by_request": True}
    return {"subject": None, "exploring": True}
