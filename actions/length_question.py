"""How long the courses shown take in all: "Is any of these the 120 hours TEFL?", "how many
hours total is the first one", "how long do these take altogether".

Each course is said with its weeks, hours a week and hours in all as the catalogue records
them (:func:`actions.common.format_length`). When the question names a number of hours
("the 120 hours TEFL") and no course comes near it, the reply says so, and that whether a
course meets such a requirement is for whoever sets it to say. The question's words are
data: ``data/vocab/length_questions.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks, cleaned
from actions.common import format_length, hours_in_all, store_session
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.store.results import Recommendation
from actions.store.search import describe, get_courses

QUESTIONS_PATH = VOCAB_DIR / "length_questions.yml"
#: A course's hours in all "come near" a number of hours named within this share of it.
NEAR = 0.1
_NAMED_HOURS = re.compile(r"\b(\d{2,4})[\s-]*(?:hours?|hrs?|h)\b")


@lru_cache(maxsize=2)
def _patterns(path: Path = QUESTIONS_PATH) -> dict[str, re.Pattern[str]]:
    return phrase_patterns(path, "length", "rate", "about_the_list")


@dataclass(frozen=True)
class LengthQuestion:
    hours: float | None  # a number of hours in all the question names ("the 120 hours TEFL")


def asked_length(text: str) -> LengthQuestion | None:
    """The question, when ``text`` asks how long the courses shown take in all; else
    ``None``. A question about weekly time ("anything under 3 hours a week?") is a wish."""
    lowered = cleaned(text)
    found = _patterns()
    if not asks(text) or found["about_the_list"].search(lowered) is None:
        return None
    if found["rate"].search(lowered) is not None:
        return None
    named = _NAMED_HOURS.search(lowered)
    if found["length"].search(lowered) is None and named is None:
        return None
    return LengthQuestion(hours=float(named.group(1)) if named else None)


def near_hours(courses: Sequence[Recommendation], hours: float) -> list[Recommendation]:
    """The courses whose hours in all come within NEAR of ``hours``."""
    return [
        c
        for c in courses
        if (total := hours_in_all(c)) is not None and abs(total - hours) <= NEAR * hours
    ]


def answer_length_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks how long the courses shown take in all; whether
    it did (``False`` also when no list was shown)."""
    question = asked_length(tracker.latest_message.get("text") or "")
    ids = list(tracker.get_slot("last_results") or [])
    if question is None or not ids:
        return False
    with store_session() as session:
        courses = [describe(course) for course in get_courses(session, ids)]
    if not courses:
        return False
    lines = [f"{n}. {c.title}: {format_length(c)}" for n, c in enumerate(courses, start=1)]
    dispatcher.utter_message(response="utter_course_lengths", lines="\n".join(lines))
    if question.hours is not None and not near_hours(courses, question.hours):
        dispatcher.utter_message(response="utter_none_of_those_hours", hours=f"{question.hours:g}")
    return True


__all__ = ["LengthQuestion", "answer_length_question", "asked_length", "near_hours"]
