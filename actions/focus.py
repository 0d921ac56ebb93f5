"""The course the conversation is on: "save that one" right after the details of one course.

The assistant's last turn (every bot message since the learner's previous message) is
read for its course cards; when they show exactly one course, "that one" is it.
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
    """The id of the one course the assistant's last turn showed, else ``None``."""
    shown: list[str] = []
    seen_current = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            if seen_current:
                break
            seen_current = True
            continue
        if kind == "bot" and seen_current:
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
