"""Whether the learner can enrol: "also im 17 can i even sign up or do i need my mom".

The catalogue records no age limits or entry requirements beyond each course's level, so
the answer says that honestly (never a guess), gives the level of each course shown and
where to follow it: the provider's page, where enrolment happens and its terms are set.
The question's words are data: ``data/vocab/enrol_questions.yml``.
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
from actions.course_wording import level_label
from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrase_patterns, phrases
from actions.store.results import Recommendation
from actions.store.search import describe, get_courses

QUESTIONS_PATH = VOCAB_DIR / "enrol_questions.yml"


@lru_cache(maxsize=2)
def _enrol(path: Path = QUESTIONS_PATH) -> re.Pattern[str]:
    return phrase_patterns(path, "enrol")["enrol"]


@lru_cache(maxsize=2)
def _age(path: Path = QUESTIONS_PATH) -> re.Pattern[str]:
    """An age said with a question whether it is old enough: "im 16 is that ok", "I am 15,
    can I still join" (a number from 10 to 99 after the words before an age)."""
    raw = load_yaml(path)
    before = alternation(phrases(raw, "age_before", path))
    unit = alternation(phrases(raw, "age_unit", path))
    question = alternation(phrases(raw, "age_question", path))
    return re.compile(f"{before}\\s+[1-9][0-9](?:\\s*{unit})?[\\s,.;:!-]*{question}")


def asks_about_enrolling(text: str) -> bool:
    """Whether ``text`` asks whether, or how, the learner can enrol (an age said with a
    question asks whether it is old enough: "im 16 is that ok")."""
    said = cleaned(text)
    return asks(text) and (_enrol().search(said) is not None or _age().search(said) is not None)


def enrol_lines(courses: Sequence[Recommendation]) -> list[str]:
    """One line a course: its level and where to follow it."""
    return [
        f"{n}. {course.title} ({level_label(course.level)} level): {link_line(course)}"
        for n, course in enumerate(courses, start=1)
    ]


def answer_enrol_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks whether the learner can enrol; whether it did."""
    if not asks_about_enrolling(tracker.latest_message.get("text") or ""):
        return False
    ids = list(tracker.get_slot("last_results") or [])
    if not ids:
        dispatcher.utter_message(response="utter_enrol_needs_a_list")
        return True
    with store_session() as session:
        courses = [describe(course) for course in get_courses(session, ids)]
    dispatcher.utter_message(
        response="utter_enrol_with_the_provider", lines="\n".join(enrol_lines(courses))
    )
    return True


__all__ = ["answer_enrol_question", "asks_about_enrolling", "enrol_lines"]
