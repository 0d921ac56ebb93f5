"""The learner's own words around their request, for ranking courses (the store's
``LearnerProfile.context``).

The topic slot holds one phrase the NLU picked ("sick of the warehouse" when it picks
wrong); the rest of the message usually says more ("... retrain into IT helpdesk / tech
support"). The context is the latest message that asked for courses, stated a goal or
named a topic, since the conversation last started again; failing those, the message
that started the profile questions, whatever its intent. A longer answer to "Anything
else that matters?" that gives no wish says more about the request and is added to it
("To be more precise: I want to recognise postnatal depression earlier ...").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasa_sdk import Tracker

from actions.answers import HELD, SAID_AS, said
from actions.form_history import FORM_NAME
from actions.profile_values import WISH_SLOTS

#: Intents whose message describes what the learner is looking for.
REQUEST_INTENTS = frozenset({"find_course", "state_goal"})
#: The slot holding a long answer to the subject question that names what the learner is
#: after (the profile form decides): the request from then on, whatever its intent and
#: entities.
DESCRIBED_REQUEST = "described_request"
#: The form's last question ("Anything else that matters?"), whose longer answers with no wish
#: say more about the request.
ELABORATED_SLOT = "refinements_done"
#: Fewest words of an answer to that question that adds to the request ("no thats it" does not).
ELABORATION_MIN_WORDS = 8
#: Events, and actions, after which earlier messages no longer count ("start again").
_RESETS = frozenset({"restart", "session_started"})
_RESET_ACTIONS = frozenset({"action_restart", "action_restart_search"})


def _intent(event: Mapping[str, Any]) -> Any:
    return ((event.get("parse_data") or {}).get("intent") or {}).get("name")


def _is_request(event: Mapping[str, Any]) -> bool:
    return _intent(event) in REQUEST_INTENTS or _topic_entity(event) is not None


#: Entities that say what the learner is after; a request naming none ("whatever's normal
#: for a course like that. I can give it evenings in the winter") adds nothing to an
#: earlier one, which stays the request.
_NAMING = frozenset({"topic", "subject", "goal"})


def _names_nothing(event: Mapping[str, Any]) -> bool:
    """Whether a message names nothing the learner is after: a subject said as the job
    held ("personal. im mechanic not doctor" after "my son has adhd ... want to understand
    it") names nothing either."""
    entities = (event.get("parse_data") or {}).get("entities") or []
    return not any(
        e.get("entity") in _NAMING and e.get("role") is None and e.get(SAID_AS) != HELD
        for e in entities
    )


def _elaborates(event: Mapping[str, Any], text: str | None) -> bool:
    """Whether a user event's message, not a request itself (one naming a topic is), says
    more about the request: long enough and giving no wish (budget, hours, level ...)."""
    if text is None or len(text.split()) < ELABORATION_MIN_WORDS:
        return False
    # (an entity kept only in case the message answers another question is no wish: "...
    # how much to charge per plate so i make money" guessed as the goal "upskill")
    entities = said((event.get("parse_data") or {}).get("entities") or [])
    return not any(e.get("entity") in WISH_SLOTS for e in entities)


def _topic_entity(event: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The topic entity of a user event's message, or ``None``."""
    for entity in (event.get("parse_data") or {}).get("entities") or []:
        if entity.get("entity") == "topic":
            return entity
    return None


def message_naming(
    events: Iterable[Mapping[str, Any]], topic: Any
) -> tuple[Mapping[str, Any] | None, bool]:
    """The latest user event of this session whose entities give ``topic`` as the topic
    (``None`` when none does), and whether a course list was shown after it."""
    listed = False
    for event in reversed(list(events)):
        kind = event.get("event")
        if kind in _RESETS:
            break
        if kind == "slot" and event.get("name") == "last_results":
            listed = True
        elif kind == "user":
            entities = (event.get("parse_data") or {}).get("entities") or []
            if any(e.get("entity") == "topic" and e.get("value") == topic for e in entities):
                return event, listed
    return None, False


def said_text(event: Mapping[str, Any]) -> str | None:
    """A user event's text as the NLU read it (spoken punctuation put back, see
    nlu/dictation.py), else as sent."""
    parsed = (event.get("parse_data") or {}).get("text")
    text = parsed if isinstance(parsed, str) and parsed.strip() else event.get("text")
    return text if isinstance(text, str) else None


def request_text(events: Iterable[Mapping[str, Any]]) -> str | None:
    """The text of the latest request among ``events`` (oldest first), or ``None``.

    A message that is a request only by the topic it names is none when the topic it set
    was then put back (actions.story: "I'm 70 and retired (nurse 38 yrs) ... maybe 2 or 3
    hours a week" after Spanish courses keeps the Spanish): its words tell the learner's
    story, and ranking by them had listed English courses for "anything lighter?".
    """
    found: str | None = None
    before: str | None = None  # the request before a message that may yet be undone
    topic_only: Any = None  # the topic of that message, while it may be undone
    topic: Any = None  # the topic slot as it stands
    topic_then: Any = None  # the topic slot before that message
    latest: str | None = None  # the latest message in the learner's own words
    asked: Any = None  # the question the form asked last
    for event in events:
        kind = event.get("event")
        if kind in _RESETS or (kind == "action" and event.get("name") in _RESET_ACTIONS):
            found = before = topic_only = topic = latest = asked = None
        elif kind == "slot" and event.get("name") == "requested_slot":
            asked = event.get("value")
        elif kind == "active_loop" and event.get("name") == FORM_NAME and found is None:
            # The message that started the profile questions is the request, whatever its
            # intent ("Refresh needed: reading ECGs ..." read as inform).
            found = latest
        elif kind == "slot" and event.get("name") == DESCRIBED_REQUEST:
            value = event.get("value")
            if isinstance(value, str) and value.strip():
                before, found, topic_only = found, value, None
        elif kind == "user":
            text = said_text(event)
            latest = text if text and text.strip() and not text.startswith("/") else None
            topic_only = None
            if (
                _is_request(event)
                and not (found is not None and _names_nothing(event))
                and latest is not None
            ):
                before, found = found, latest
                if _intent(event) not in REQUEST_INTENTS:
                    topic_only = (_topic_entity(event) or {}).get("value")
                    topic_then = topic
            elif found is not None and asked == ELABORATED_SLOT and _elaborates(event, latest):
                found = f"{found} {latest}"
        elif kind == "slot" and event.get("name") == "topic":
            topic = event.get("value")
            if topic_only is not None and topic_then is not None and topic == topic_then:
                found, topic_only = before, None  # the story logic put the topic back
    return found


def elaborates_the_request(tracker: Tracker) -> bool:
    """Whether the latest message answers "Anything else that matters?" with more about
    the request and no wish ("my big problem is i never know how much to charge per plate
    so i make money"): words the search reads with the request (see :func:`request_text`)."""
    if tracker.active_loop.get("name") != FORM_NAME:
        return False
    if tracker.get_slot("requested_slot") != ELABORATED_SLOT:
        return False
    latest = next((e for e in reversed(tracker.events) if e.get("event") == "user"), None)
    return latest is not None and _elaborates(latest, said_text(latest))


def learner_context(tracker: Tracker) -> str | None:
    """The learner's words around their request in this conversation."""
    return request_text(tracker.events)


__all__ = [
    "DESCRIBED_REQUEST",
    "ELABORATED_SLOT",
    "REQUEST_INTENTS",
    "elaborates_the_request",
    "learner_context",
    "message_naming",
    "request_text",
    "said_text",
]
