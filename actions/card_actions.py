"""What a learner can do with a course card: "Tell me more", "Save", "Compare".

A card's actions are button payloads in the form the quick replies after a list use
(``/course_details{"course_index":[2]}``), with one more ``course_index`` value: a short
fingerprint of the list the position counts in (``"#1a2b3c4d"``). Cards stay on screen (and
in Telegram for good) after a newer list has replaced the one they came from; without the
fingerprint, "Save" on course 2 of an old list would save course 2 of the new one. An action
that finds a fingerprint of another list asks which course is meant instead of guessing.
Positions still come from the NLU for typed references ("the second one"), without one.

Payloads stay short so that a Telegram button carries them as they are (64-byte callback
data): ``/compare_courses{"course_index":[12,"#1a2b3c4d"]}`` is 49 bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

#: Marks a ``course_index`` value that is a list fingerprint, not a position.
LIST_MARK = "#"
_FINGERPRINT_HEX = 8

#: (kind, button title, intent), in the order a card shows them.
CARD_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("details", "Tell me more", "course_details"),
    ("save", "Save", "save_shortlist"),
    ("compare", "Compare", "compare_courses"),
)
EARLIER_LIST = (
    "That button is on an earlier list, and I've shown you other courses since, so I'm not "
    "sure which course you mean. Which of the latest ones?"
)


def list_fingerprint(ids: Sequence[str]) -> str:
    """A short token that names this list of course ids (same ids, same order: same token)."""
    digest = hashlib.sha256("\n".join(ids).encode()).hexdigest()
    return LIST_MARK + digest[:_FINGERPRINT_HEX]


def position_payload(intent: str, position: int, ids: Sequence[str]) -> str:
    """``/intent{"course_index":[position,"#fingerprint"]}`` for course ``position`` of ``ids``."""
    entities = {"course_index": [position, list_fingerprint(ids)]}
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}"


def card_actions(
    position: int, ids: Sequence[str], *, skip: Sequence[str] = ()
) -> list[dict[str, str]]:
    """The buttons of the card for course ``position`` (1-based) of the list ``ids``.

    "Compare" is left out when the list has only one course (nothing to compare it with).
    """
    return [
        {"kind": kind, "title": title, "payload": position_payload(intent, position, ids)}
        for kind, title, intent in CARD_ACTIONS
        if kind not in skip and not (kind == "compare" and len(ids) < 2)
    ]


def _fingerprints(tracker: Tracker) -> list[str]:
    raw: Any = tracker.get_slot("course_index") or []
    values = raw if isinstance(raw, list) else [raw]
    return [v for v in values if isinstance(v, str) and v.startswith(LIST_MARK)]


def from_earlier_list(tracker: Tracker, ids: Sequence[str]) -> bool:
    """Whether the learner pressed a button of a list other than ``ids`` (the last one)."""
    marks = _fingerprints(tracker)
    return bool(marks) and list_fingerprint(ids) not in marks


def which_one_buttons(ids: Sequence[str], intent: str) -> list[dict[str, str]]:
    """ "Course 1", "Course 2"... buttons that send ``intent`` for one course of ``ids``."""
    return [
        {"title": f"Course {i}", "payload": position_payload(intent, i, ids)}
        for i in range(1, len(ids) + 1)
    ]


def beyond_the_list(
    dispatcher: CollectingDispatcher, ids: Sequence[str], intent: str, question: str
) -> list[dict[str, Any]]:
    """ "The second one" when the last list had one course: say so and ask which, don't guess."""
    dispatcher.utter_message(
        text=f"The last list had only {len(ids)} {'course' if len(ids) == 1 else 'courses'}. "
        + question,
        buttons=which_one_buttons(ids, intent),
    )
    return [SlotSet("course_index", None)]
