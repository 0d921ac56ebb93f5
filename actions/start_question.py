"""When the courses shown start: "how much is it and when does it start", "next intake?".

The catalogue records no start dates, intakes or deadlines, so the answer says so (never a
guess) and gives each course's page, where the provider lists them. The question's words
are data: ``data/vocab/start_questions.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks, cleaned
from actions.common import link_line, store_session
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.store.results import Recommendation
from actions.store.search import describe, get_courses

QUESTIONS_PATH = VOCAB_DIR / "start_questions.yml"


@lru_cache(maxsize=2)
def _start(path: Path = QUESTIONS_PATH) -> re.Pattern[str]:
    return phrase_patterns(path, "start")["start"]


def asks_when_it_starts(text: str) -> bool:
    """Whether ``text`` asks when a course starts (or its intake, cohort or deadline)."""
    return asks(text) and _start().search(cleaned(text)) is not None


def start_lines(courses: Sequence[Recommendation]) -> list[str]:
    """One line a course: where its dates are."""
    return [f"{n}. {course.title}: {link_line(course)}" for n, course in enumerate(courses, 1)]


def answer_start_question(
    dispatcher: CollectingDispatcher, tracker: Tracker, ids: Sequence[str] | None = None
) -> bool:
    """Answer the latest message if it asks when the courses shown (or ``ids``) start;
    whether it did (``False`` also when no list was shown: the caller answers as it would)."""
    if not asks_when_it_starts(tracker.latest_message.get("text") or ""):
        return False
    ids = list(ids or tracker.get_slot("last_results") or [])
    if not ids:
        return False
    with store_session() as session:
        courses = [describe(course) for course in get_courses(session, ids)]
    if not courses:
        return False
    dispatcher.utter_message(
        response="utter_start_dates_unknown", lines="\n".join(start_lines(courses))
    )
    return True


__all__ = ["answer_start_question", "asks_when_it_starts", "start_lines"]
