"""What a course shown costs and how it is paid: "google one total cost?", "2 - one-time or
monthly?", "the one with microgrids in the name is that a one time payment or monthly".

The courses asked about (by position or by a word of their title; else the whole list) are
said with their price as the catalogue records it and how the total adds up
(:func:`actions.course_wording.how_the_price_adds_up`): a monthly subscription at the
course's stated pace, a one-off price converted to pounds. The question's words are data:
``data/vocab/cost_questions.yml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks, cleaned
from actions.common import (
    explain_courses,
    format_price,
    profile_from_tracker,
    resolve_positions,
    store_session,
)
from actions.course_wording import how_the_price_adds_up
from actions.focus import course_in_focus, points_at_one
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.references import chosen_positions, referenced_ids
from actions.store.results import Recommendation

QUESTIONS_PATH = VOCAB_DIR / "cost_questions.yml"
#: "2 - one-time or monthly?", "no. 3 how much": a position said first, as a bare number.
_LEADING_POSITION = re.compile(
    r"^\s*(?:number\s+|no\.?\s*|#)?([1-9])\b(?!\s*(?:h|hr|hour|week|£|k))"
)


@lru_cache(maxsize=2)
def _patterns(path: Path = QUESTIONS_PATH) -> dict[str, re.Pattern[str]]:
    return phrase_patterns(path, "cost", "about_the_list")


def asks_about_cost(text: str) -> bool:
    """Whether ``text`` asks what a course costs or how it is paid, pointing at the courses
    shown ("that", "the first one", "2 - ...")."""
    lowered = cleaned(text)
    found = _patterns()
    points = found["about_the_list"].search(lowered) or _LEADING_POSITION.match(lowered)
    return asks(text) and found["cost"].search(lowered) is not None and points is not None


def cost_line(position: int, course: Recommendation) -> str:
    """The course's price as the catalogue records it, and how its total adds up."""
    line = f"{position}. {course.title}: {format_price(course)}"
    adds_up = how_the_price_adds_up(course)
    return f"{line}. {adds_up}." if adds_up else f"{line}."


def _asked_about(tracker: Tracker, courses: list[Recommendation]) -> list[str]:
    """The ids of the courses the message asks about: positions, then title words."""
    ids = [c.id for c in courses]
    chosen = chosen_positions(tracker, ids)
    text = tracker.latest_message.get("text") or ""
    if not chosen and (leading := _LEADING_POSITION.match(cleaned(text))):
        chosen = resolve_positions([int(leading.group(1))], ids)
    if not chosen and points_at_one(text) and (focus := course_in_focus(tracker)) in ids:
        chosen = [str(focus)]  # "how much is that one": the course just shown on its own
    return chosen or referenced_ids(text, courses)


def answer_cost_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks what a course shown costs or how it is paid;
    whether it did (``False`` also when no list was shown)."""
    ids = list(tracker.get_slot("last_results") or [])
    if not ids or not asks_about_cost(tracker.latest_message.get("text") or ""):
        return False
    with store_session() as session:
        courses = explain_courses(session, ids, profile_from_tracker(tracker))
    if not courses:
        return False
    asked = set(_asked_about(tracker, courses))
    lines = [
        cost_line(n, course)
        for n, course in enumerate(courses, start=1)
        if not asked or course.id in asked
    ]
    dispatcher.utter_message(response="utter_course_costs", lines="\n".join(lines))
    return True


__all__ = ["answer_cost_question", "asks_about_cost", "cost_line"]
