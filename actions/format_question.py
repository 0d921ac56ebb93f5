"""How the courses shown are given: "Is there any way to talk with an actual teacher or other
students?", "Are the materials available in large print?", "videos heavy? can i download
for offline?".

The catalogue records only whether a course is online, blended or in person, so the answer
gives that and each course's page, which says the rest; nothing is searched (the first had
listed courses on teaching, the last had been "I can only help with choosing courses").
The question's words are data: ``data/vocab/format_questions.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import SAID_AS, WANTED, asks, said_outright
from actions.common import asked_courses, link_line
from actions.phrases import ABOUT_THE_LIST, VOCAB_DIR, phrase_patterns
from actions.store.results import Recommendation

QUESTIONS_PATH = VOCAB_DIR / "format_questions.yml"


@lru_cache(maxsize=2)
def _patterns(path: Path = QUESTIONS_PATH) -> dict[str, re.Pattern[str]]:
    return phrase_patterns(path, "phrases", "words", ABOUT_THE_LIST)


def format_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where ``text`` asks how a course is given (character spans), and where it names a
    word of the form ("videos") as part of such a question; both empty when it does not
    ask, or asks with a single word and no word pointing at the courses."""
    if not asks(text):
        return [], []
    lowered = text.lower().replace("’", "'")  # as cleaned() reads it, at the same offsets
    patterns = _patterns()
    spans = [m.span() for m in patterns["phrases"].finditer(lowered)]
    words = [m.span() for m in patterns["words"].finditer(lowered)]
    if patterns[ABOUT_THE_LIST].search(lowered) is not None:
        spans += words
    return spans, (words if spans else [])


def _within(entity: Mapping[str, Any], spans: Sequence[tuple[int, int]], *, inside: bool) -> bool:
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    if inside:
        return any(a <= start and end <= b for a, b in spans)
    return any(a < end and start < b for a, b in spans)


def asks_how_given(tracker: Tracker) -> bool:
    """Whether the latest message asks how the courses are given, and names nothing to
    search beyond the question's own words: "a teacher" is no topic here, nor "videos
    heavy" said with "can i download for offline?"."""
    message = tracker.latest_message or {}
    spans, words = format_spans(message.get("text") or "")
    if not spans:
        return False
    return not any(
        _names_a_search(e)
        and not _within(e, spans, inside=True)
        and not _within(e, words, inside=False)
        for e in message.get("entities") or []
    )


def _names_a_search(entity: Mapping[str, Any]) -> bool:
    """Whether an entity names something to search for: a topic said outright, a subject
    said as wanted ("is it a live class with a lecturer?" only infers "lecturer")."""
    if entity.get("entity") == "topic":
        return said_outright(entity)
    return entity.get("entity") == "subject" and entity.get(SAID_AS) == WANTED


def format_lines(listed: Sequence[str], courses: Sequence[Recommendation]) -> list[str]:
    """One line a course: how the catalogue records it is given, and its page."""
    return [
        f"{listed.index(c.id) + 1}. {c.title}: {c.delivery or 'delivery not stated'}; "
        f"{link_line(c)}"
        for c in courses
    ]


def answer_format_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks how the courses shown (or those it names by
    position) are given; whether it did (``False`` with no list shown)."""
    if not asks_how_given(tracker):
        return False
    listed, courses = asked_courses(tracker)
    if not courses:
        return False
    dispatcher.utter_message(
        response="utter_format_not_recorded", lines="\n".join(format_lines(listed, courses))
    )
    return True


__all__ = ["answer_format_question", "asks_how_given", "format_lines", "format_spans"]
