"""What finishing the courses shown gives: "do these give a certificate I can show at the
cooperative", "Can I teach to other people after I finish that one? Like it is a license?".

Each course of the last list is said with what the catalogue records about its outcome (its
kind of credential, CPD accreditation, academic credit); what a provider hands out on
finishing is theirs to set, so the reply says that, and a question about a licence is told
that the catalogue lists none of them as one. The question's words are data:
``data/vocab/outcome_questions.yml``.
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
from actions.common import format_credits, store_session
from actions.course_wording import credential_label
from actions.named_topic import named_topic
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.store.models import Course
from actions.store.search import get_courses

QUESTIONS_PATH = VOCAB_DIR / "outcome_questions.yml"


@lru_cache(maxsize=2)
def _patterns(path: Path = QUESTIONS_PATH) -> dict[str, re.Pattern[str]]:
    return phrase_patterns(path, "gives", "about_the_list", "licence", "which_of_them")


@dataclass(frozen=True)
class OutcomeQuestion:
    licence: bool  # it asks whether a course makes them allowed to do a job
    pointed: bool = True  # it points at the courses in words, not only by being short


#: A question of at most this many words ("certificate?") is about the courses just shown.
SHORT_QUESTION_WORDS = 5


def asked_outcome(text: str) -> OutcomeQuestion | None:
    """The question, when ``text`` asks what finishing the courses shown gives; else ``None``.

    It must ask (open like a question or end with "?"), name something a course may give
    (a certificate, a licence, accreditation) and point at the courses shown, in words or
    by being no more than a few words asked right after them ("certificate?", "any cert at
    the end?").
    """
    lowered = cleaned(text)
    found = _patterns()
    if not asks(text):
        return None
    pointed = found["about_the_list"].search(lowered) is not None
    gives = [m.start() for m in found["gives"].finditer(lowered)]
    if not gives:
        return None
    if not pointed and not any(_short_question_around(lowered, at) for at in gives):
        return None
    return OutcomeQuestion(licence=found["licence"].search(lowered) is not None, pointed=pointed)


def asks_which_of_them(text: str) -> bool:
    """Whether ``text`` asks which of the courses shown give something ("CPD accredited?
    which ones."): a question about the list, not a wish to see only such courses."""
    question = asked_outcome(text)
    return (
        question is not None
        and question.pointed
        and _patterns()["which_of_them"].search(cleaned(text)) is not None
    )


#: Where a sentence ends inside a message.
_SENTENCE_END = re.compile(r"[.?!]+(?:\s+|$)")


def _short_question_around(lowered: str, at: int) -> bool:
    """Whether the sentence of ``lowered`` around character ``at`` is a question of at most
    :data:`SHORT_QUESTION_WORDS` words ("Will I receive certificate? My director want to
    see proof.": the question is short, the message is not)."""
    start = 0
    for end in _SENTENCE_END.finditer(lowered):
        if end.end() > at:
            sentence = lowered[start : end.end()].strip()
            return sentence.endswith("?") and len(sentence.split()) <= SHORT_QUESTION_WORDS
        start = end.end()
    sentence = lowered[start:].strip()
    return (
        len(sentence.split()) <= SHORT_QUESTION_WORDS
        and len(lowered.split()) <= SHORT_QUESTION_WORDS
    )


def points_at_the_list(text: str) -> bool:
    """Whether ``text`` points at the courses shown ("these", "it", "the first one")."""
    return _patterns()["about_the_list"].search(cleaned(text)) is not None


def outcome_lines(courses: Sequence[Course]) -> list[str]:
    """One line a course: what the catalogue records it gives."""
    lines = []
    for n, course in enumerate(courses, start=1):
        facts = [credential_label(course.credential_type)]
        if course.cpd_accredited:
            facts.append("CPD-accredited")
        facts.append(format_credits(course))
        lines.append(f"{n}. {course.title}: {', '.join(facts)}")
    return lines


def answer_outcome_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks what finishing the courses shown gives; whether
    it did (``False`` also when no list was shown: the caller answers as it would)."""
    question = asked_outcome(tracker.latest_message.get("text") or "")
    ids = list(tracker.get_slot("last_results") or [])
    if question is None or not ids:
        return False
    if not question.pointed and named_topic(tracker, kept=True, outright=True) is not None:
        return False  # "certificate in excel?": courses on Excel, not the ones shown
    with store_session() as session:
        courses = get_courses(session, ids)
    if not courses:
        return False
    dispatcher.utter_message(
        response="utter_what_finishing_gives", lines="\n".join(outcome_lines(courses))
    )
    if question.licence:
        dispatcher.utter_message(response="utter_no_licence_listed")
    return True


__all__ = [
    "OutcomeQuestion",
    "answer_outcome_question",
    "asked_outcome",
    "outcome_lines",
    "points_at_the_list",
]
