"""What a course shown covers: "does it do nz gst and payroll with kiwisaver", "Does it
teach Connemara Irish?", "will the first one cover pivot tables?".

The catalogue keeps each course's title and, for some, a short description, not its
syllabus. The answer says, for each course asked about, which of the learner's words its
entry mentions (the store's full-text matching, as a search reads them) and points at the
course page for the rest; nothing is searched (the first had listed payroll courses instead
of answering about the Xero course shown, the second had searched Irish courses again).
The question's words are data: ``data/vocab/content_questions.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import cleaned
from actions.common import asked_courses, link_line, store_session
from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrases
from actions.store.coverage import groups_mentioned
from actions.store.results import Recommendation
from actions.store.topics import Group, mentioned, topic_groups

QUESTIONS_PATH = VOCAB_DIR / "content_questions.yml"
#: Where what is asked about ends: the end of its sentence.
_SENTENCE_END = re.compile(r"[?.!\n]")


@lru_cache(maxsize=2)
def _question(path: Path = QUESTIONS_PATH) -> re.Pattern[str]:
    raw = load_yaml(path)
    parts = [alternation(phrases(raw, key, path)) for key in ("auxiliaries", "pointers", "verbs")]
    fillers = alternation(phrases(raw, "fillers", path))
    return re.compile(r"\s+".join(parts) + rf"(?:\s+{fillers})*\s+")


def asked_about(text: str) -> str | None:
    """The words of ``text`` that it asks whether a course shown covers ("nz gst and payroll
    with kiwisaver"), or ``None`` when it asks no such question."""
    said = cleaned(text)
    found = _question().search(said)
    if found is None:
        return None
    end = _SENTENCE_END.search(said, found.end())
    asked = text.strip()[found.end() : end.start() if end else None].strip(" ,;:-")
    return asked or None


def coverage_lines(
    listed: Sequence[str],
    courses: Sequence[Recommendation],
    asked: str,
    groups: Sequence[Group],
    mentioned_by: dict[str, list[Group]],
) -> list[str]:
    """One line a course: which of the learner's words its entry mentions, and its page."""
    lines = []
    for course in courses:
        said = [mentioned(asked, g) or g[0] for g in mentioned_by.get(course.id, [])]
        unsaid = [mentioned(asked, g) or g[0] for g in groups if g not in mentioned_by[course.id]]
        if said and unsaid:
            what = f"mentions {_listed(said)}; nothing on {_listed(unsaid, 'or')}"
        elif said:
            what = f"mentions {_listed(said)}"
        else:
            what = f"says nothing on {_listed(unsaid, 'or')}"
        lines.append(f"{listed.index(course.id) + 1}. {course.title}: {what}. {link_line(course)}")
    return lines


def _listed(items: Sequence[str], last: str = "and") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def answer_content_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks whether the courses shown (or those it names by
    position) cover something; whether it did (``False`` with no list shown)."""
    asked = asked_about(tracker.latest_message.get("text") or "")
    if asked is None:
        return False
    groups = topic_groups(asked)
    if not groups:
        return False
    listed, courses = asked_courses(tracker)
    if not courses:
        return False
    with store_session() as session:
        mentioned_by = groups_mentioned(session, [c.id for c in courses], groups)
    lines = coverage_lines(listed, courses, asked, groups, mentioned_by)
    dispatcher.utter_message(
        response="utter_content_not_recorded", asked=asked, lines="\n".join(lines)
    )
    return True


__all__ = ["answer_content_question", "asked_about", "coverage_lines"]
