"""Forget-me, in the tracker store: a learner's conversation is deleted, not just their profile.

``action_forget_me`` runs in the action server (``actions/privacy.py``, after the learner
confirmed) and deletes what the course store holds. The conversation itself is in the Rasa
server's tracker store, and deleting its rows from the action server would not last: Rasa
saves its in-memory tracker, with every earlier event, after the action. So the tracker store
does it when it saves a turn in which the action ran (``bot/tracker_store.py``):

- every stored event of that sender is deleted, from all sessions;
- of the in-memory events only those from the action's ``ActionExecuted`` on are written
  (the action, its reply, its ``AllSlotsReset``, ``action_listen``), so the earlier ones
  are not written back;
- should a user event older than the action be among them, its words are blanked.

The next turn reads what is left: a conversation that starts with the forget-me action.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rasa.shared.core.events import ActionExecuted, Event

FORGET_ACTION = "action_forget_me"


def forget_point(events: Sequence[Event]) -> int | None:
    """Index in ``events`` of the last ``ActionExecuted`` of the forget-me action, if any."""
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION:
            return index
    return None


def _blanked(user: dict[str, Any]) -> dict[str, Any]:
    """A user event without the learner's words (text, entities, metadata)."""
    parse_data = user.get("parse_data")
    if isinstance(parse_data, dict):
        parse_data = {**parse_data, "text": "", "entities": [], "metadata": {}}
    return {**user, "text": "", "parse_data": parse_data, "metadata": {}}


def kept_after_forgetting(events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``events`` (as dicts, the forget-me ``ActionExecuted`` first) as they may be stored:
    any user event older than that action has its words blanked."""
    if not events:
        return []
    forgotten_at = events[0].get("timestamp") or 0.0
    return [
        _blanked(event)
        if event.get("event") == "user" and (event.get("timestamp") or 0.0) < forgotten_at
        else event
        for event in events
    ]
