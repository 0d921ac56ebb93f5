"""How the courses shown are assessed: "any exam ah?", "is there an exam or just videos",
"is the first one assessed?".

The catalogue records no assessment method, so the answer never guesses one. It says, for
each course, what the catalogue does record that bears on it: academic credit (credit counts
notional hours of teaching, independent study *and assessment*, so a credit-bearing course is
assessed), a microcredential (which ends with an assessment), a description that mentions an
exam (quoted); otherwise that the catalogue does not say. Each line ends with where the course
page is, which says how. The question's words are data: ``data/vocab/assessment_questions.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks, cleaned
from actions.common import format_credits, link_line, store_session
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.store.results import Recommendation
from actions.store.search import describe, get_courses

QUESTIONS_PATH = VOCAB_DIR / "assessment_questions.yml"
#: Longest description sentence quoted, in characters.
MAX_QUOTE = 160


@lru_cache(maxsize=2)
def _patterns(path: Path = QUESTIONS_PATH) -> dict[str, re.Pattern[str]]:
    return phrase_patterns(path, "assessed", "request", "described")


def asks_about_assessment(text: str) -> bool:
    """Whether ``text`` asks how (or whether) a course is assessed, rather than asking for
    courses about exams."""
    lowered = cleaned(text)
    found = _patterns()
    return (
        asks(text)
        and found["assessed"].search(lowered) is not None
        and found["request"].search(lowered) is None
    )


def _described(description: str | None) -> str | None:
    """The first sentence of a description that mentions assessment, shortened."""
    for sentence in re.split(r"(?<=[.!?])\s+", description or ""):
        if _patterns()["described"].search(sentence):
            sentence = sentence.strip()
            if len(sentence) > MAX_QUOTE:
                sentence = sentence[: MAX_QUOTE - 3].rsplit(" ", 1)[0] + "..."
            return sentence
    return None


def assessment_line(position: int, course: Recommendation) -> str:
    """What the catalogue records about whether the course is assessed, and its page."""
    if course.credits:
        known = (
            f"carries {format_credits(course)}; credit is awarded for assessed learning, "
            "so expect assessed work"
        )
    elif course.credential_type == "microcredential":
        known = "a microcredential, which ends with an assessment"
    else:
        known = "the catalogue doesn't record whether or how it is assessed"
    quoted = _described(course.description)
    if quoted:
        known += f'; its description says: "{quoted}"'
    return f"{position}. {course.title}: {known}. {link_line(course)}"


def answer_assessment_question(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    ids: Sequence[str] | None = None,
) -> bool:
    """Answer the latest message if it asks how the courses shown (or ``ids``) are
    assessed; whether it did (``False`` also when no list was shown)."""
    if not asks_about_assessment(tracker.latest_message.get("text") or ""):
        return False
    shown = list(ids if ids is not None else tracker.get_slot("last_results") or [])
    if not shown:
        return False
    with store_session() as session:
        courses = [describe(course) for course in get_courses(session, shown)]
    if not courses:
        return False
    listed = list(tracker.get_slot("last_results") or [])
    lines = [
        assessment_line(listed.index(c.id) + 1 if c.id in listed else n, c)
        for n, c in enumerate(courses, start=1)
    ]
    dispatcher.utter_message(response="utter_how_assessed", lines="\n".join(lines))
    return True


__all__ = ["answer_assessment_question", "asks_about_assessment", "assessment_line"]
