"""The learner's own words around their request, for ranking courses (the store's
``LearnerProfile.context``).

The topic slot holds one phrase the NLU picked ("sick of the warehouse" when it picks
wrong); the rest of the message usually says more ("... retrain into IT helpdesk / tech
support"). The context is the latest message that asked for courses, stated a goal or
named a topic, since the conversation last started again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasa_sdk import Tracker

#: Intents whose message describes what the learner is looking for.
REQUEST_INTENTS = frozenset({"find_course", "state_goal"})
#: Events, and actions, after which earlier messages no longer count ("start again").
_RESETS = frozenset({"restart", "session_started"})
_RESET_ACTIONS = frozenset({"action_restart", "action_restart_search"})


def _is_request(event: Mapping[str, Any]) -> bool:
    parse = event.get("parse_data") or {}
    intent = (parse.get("intent") or {}).get("name")
    if intent in REQUEST_INTENTS:
        return True
    return any(e.get("entity") == "topic" for e in parse.get("entities") or [])


def said_text(event: Mapping[str, Any]) -> str | None:
    """A user event's text as the NLU read it (spoken punctuation put back, see
    nlu/dictation.py), else as sent."""
    parsed = (event.get("parse_data") or {}).get("text")
    text = parsed if isinstance(parsed, str) and parsed.strip() else event.get("text")
    return text if isinstance(text, str) else None


def request_text(events: Iterable[Mapping[str, Any]]) -> str | None:
    """The text of the latest request among ``events`` (oldest first), or ``None``."""
    found: str | None = None
    for event in events:
        kind = event.get("event")
        if kind in _RESETS or (kind == "action" and event.get("name") in _RESET_ACTIONS):
            found = None
        elif kind == "user" and _is_request(event):
            text = said_text(event)
            if isinstance(text, str) and text.strip() and not text.startswith("/"):
                found = text
    return found


def learner_context(tracker: Tracker) -> str | None:
    """The learner's words around their request in this conversation."""
    return request_text(tracker.events)


__all__ = ["REQUEST_INTENTS", "learner_context", "request_text", "said_text"]
