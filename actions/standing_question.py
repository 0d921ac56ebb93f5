"""Who stands behind the courses shown, and whether one counts for a professional body:
"who is the provider? is it a serious school?", "does number 2 count towards GTCS
Professional Update?", "is it Yoga Alliance certified?".

The catalogue records each course's provider and platform and whether it is CPD-accredited;
it never records whether a professional body recognises a course. The answer gives what it
records for each course asked about (the ones named by position, else the list), says
plainly that the body decides the rest, and points at each course's page. The question's
words are data: ``data/vocab/standing_questions.yml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks, cleaned
from actions.common import asked_courses, format_credits, link_line
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.store.results import Recommendation

QUESTIONS_PATH = VOCAB_DIR / "standing_questions.yml"
#: The kinds of question, in the order they are checked (a recognition question often names
#: the provider too: "is the Open University one recognised by the NMC?").
KINDS = ("recognition", "provider")


@lru_cache(maxsize=2)
def _patterns(path: Path = QUESTIONS_PATH) -> dict[str, re.Pattern[str]]:
    return phrase_patterns(path, *KINDS)


def standing_kind(text: str) -> str | None:
    """``recognition`` or ``provider`` when ``text`` asks about it, else ``None``."""
    if not asks(text):
        return None
    lowered = cleaned(text)
    return next((kind for kind, rx in _patterns().items() if rx.search(lowered)), None)


def provider_line(position: int, course: Recommendation) -> str:
    """Who offers the course and on which platform, as the catalogue records it."""
    who = course.provider or "provider not recorded"
    where = f" on {course.platform}" if course.platform else ""
    return f"{position}. {course.title}: {who}{where}. {link_line(course)}"


def recognition_line(position: int, course: Recommendation) -> str:
    """What the catalogue records that bears on recognition: CPD accreditation, credit."""
    known = ["CPD-accredited" if course.cpd_accredited else "not recorded as CPD-accredited"]
    if course.credits:
        known.append(f"carries {format_credits(course)}")
    recorded = ", ".join(known)
    return f"{position}. {course.title} ({course.provider}): {recorded}. {link_line(course)}"


def answer_standing_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks who offers the courses shown or whether they
    count for a professional body; whether it did (``False`` also with no list shown)."""
    kind = standing_kind(tracker.latest_message.get("text") or "")
    if kind is None or not tracker.get_slot("last_results"):
        return False
    listed, courses = asked_courses(tracker)
    if not courses:
        return False
    line = recognition_line if kind == "recognition" else provider_line
    lines = [line(listed.index(c.id) + 1, c) for c in courses]
    dispatcher.utter_message(response=f"utter_standing_{kind}", lines="\n".join(lines))
    return True


__all__ = ["answer_standing_question", "standing_kind"]
