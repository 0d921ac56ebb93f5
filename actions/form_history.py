"""What the conversation held before the learner's latest message, as the profile form
sees it (Rasa hands the form's validation a tracker ending with the form's own action)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.answers import inferred_only, said_outright

FORM_NAME = "learner_profile_form"

#: Actions between a learner's message and the form that do not answer it.
_TRANSPARENT_ACTIONS = {"action_listen", "action_extract_slots", FORM_NAME}


def just_said(tracker: Tracker) -> bool:
    """Whether the form runs on a message the learner has just sent (not on the way back
    after an interruption was answered). Rasa hands the validation action a tracker that
    ends with the form's own ``ActionExecuted``, so ``latest_action_name`` is the form."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in _TRANSPARENT_ACTIONS:
            return False
    return False


def value_before_message(tracker: Tracker, slot: str) -> Any:
    """The value ``slot`` had before the latest message (the newest earlier ``slot`` event)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
        elif event.get("event") in ("restart", "session_started") and seen_user:
            return None
    return None


def goal_said_before(tracker: Tracker, *, given_only: bool = True) -> str | None:
    """The goal held before the latest message, when that message only guessed a
    different one (the learned goal reader's "career change" in "Budget £30 tops, work
    won't pay for it" after "to get better in my current job"): a guess never replaces a
    goal the learner gave in an earlier message, said outright or in answer to the goal
    question (one guess in passing may replace another). Without ``given_only``, any goal
    held is kept (the profile form, while it asks its questions)."""
    if not just_said(tracker):
        return None
    if not inferred_only(tracker.latest_message.get("entities") or [], "goal"):
        return None
    before = value_before_message(tracker, "goal")
    if before in (None, tracker.get_slot("goal")):
        return None
    if given_only and not _given_before(tracker, before):
        return None
    return str(before)


def _given_before(tracker: Tracker, goal: Any) -> bool:
    """Whether a message before the latest one gave ``goal``: said outright (not a guess),
    or in answer to the goal question."""
    users = [i for i, event in enumerate(tracker.events) if event.get("event") == "user"]
    asked = None
    for event in tracker.events[: users[-1]]:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            asked = event.get("value")
        elif event.get("event") == "user":
            goals = [
                entity
                for entity in (event.get("parse_data") or {}).get("entities") or []
                if entity.get("entity") == "goal" and entity.get("value") == goal
            ]
            if any(said_outright(entity) for entity in goals) or (goals and asked == "goal"):
                return True
    return False


def set_since_message(tracker: Tracker) -> set[str]:
    """The slots set since the latest message (by the slot mappings or the form), not
    only the form's own candidates that ``Tracker.slots_to_validate`` gives."""
    names: set[str] = set()
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return names
        if event.get("event") == "slot" and event.get("name") != "requested_slot":
            names.add(str(event.get("name")))
    return set()


def set_back_since_message(
    tracker: Tracker, only: Collection[str] | None = None
) -> list[dict[str, Any]]:
    """Events that give every slot set since the latest message (:func:`set_since_message`),
    or those of ``only``, the value it had before it: the message was answered as a
    question, or not understood, so it changes no wish."""
    return [
        SlotSet(name, value_before_message(tracker, name))
        for name in sorted(set_since_message(tracker))
        if only is None or name in only
    ]


__all__ = [
    "FORM_NAME",
    "goal_said_before",
    "just_said",
    "set_back_since_message",
    "set_since_message",
    "value_before_message",
]
