"""The course the conversation is on: "save that one" right after the details of one course.

The assistant's turns (every bot message between two of the learner's messages) are read
from the latest back for their course cards; the latest turn that showed any decides: when
it showed exactly one course, "that one" is it ("save it" after that course's details and a
question about its price in another currency, which showed no card).
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

# "that one", "this course", "save it": one course, named by no word of its own.
_ONE_POINTED_AT = re.compile(
    r"\b(?:that|this)\s+(?:one|course)\b|\b(?:save|keep)\s+(?:it|that|this)\b"
)


def points_at_one(text: str) -> bool:
    """Whether ``text`` points at a single course without naming it ("save that one")."""
    return bool(_ONE_POINTED_AT.search(text.lower()))


def course_in_focus(tracker: Tracker) -> str | None:
    """The id of the one course the assistant's latest turn with course cards showed,
    else ``None`` (that turn showed several, or none did since the session started)."""
    shown: list[str] = []
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user" and shown:
            break  # the latest turn with cards is complete
        if kind in ("restart", "session_started"):
            break
        if kind == "bot":
            shown += _card_ids(event.get("data") or {})
    unique = list(dict.fromkeys(shown))
    return unique[0] if len(unique) == 1 else None


def _card_ids(data: dict[str, Any]) -> list[str]:
    custom = data.get("custom")
    if not isinstance(custom, dict) or custom.get("type") != "course_list":
        return []
    return [
        str(card["id"])
        for card in custom.get("courses") or []
        if isinstance(card, dict) and card.get("id")
    ]
