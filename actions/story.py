"""Fields a learner names while telling their story, not as a wish.

Asked what brings them here, learners tell their story: "6 years teaching year 4 and I'm
burnt out, I want to do something completely different", "I'm a staff nurse, band 5, and I
want to get to band 6", "change job, construction is hard for my back". The field they name
is the job they have or are leaving: taking it as the subject (or as a topic) would skip the
subject question and show courses on the very work they want out of. Later answers do the
same: "I am a band 5 nurse earning £28,000 so I can spend maybe £200" gives a budget, not a
new subject. How a subject was said comes from the NLU (``said_as``, see
:mod:`nlu.extraction.subject`): as wanted ("... into data science", "I like stars and
planets"), in passing, or as the job held.

- :func:`story_slots_to_clear`: in an answer to the goal question, a subject held and a
  topic said only in passing are not taken unless known before; the form asks the subject
  question next. The NLU tells the job held or left by the words around it ("I'm a", "sick
  of", "20 years in", "6 years teaching", "construction is hard for my back", "Journalism is
  dying"); a field said in passing by someone changing career is the one they are going to
  ("CYBER SECURITY CAREER, NO MORE FIXING PHONES", "Retraining. Project management."), and
  someone staying in their field ("better english for work", "get my ACCA quals done")
  names what they want.
- :func:`subject_to_keep`: in an answer to a later question, a subject said as the job held,
  or in passing next to the answer ("intermediate, I know the basics of Figma"), does not
  replace the one the learner gave before; said in passing on its own ("logistics please",
  "its python i want btw") it is a new wish.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.answers import (
    ANSWERED_BY,
    HELD,
    SAID_AS,
    WANTED,
    inferred_only,
)
from actions.form_history import value_before_message

#: The form's last question: the wishes besides goal and subject.
REFINEMENTS = "refinements_done"
#: The questions after which the subject is known.
LATER_QUESTIONS = frozenset({REFINEMENTS})


def story_slots_to_clear(
    entities: Iterable[Mapping[str, Any]],
    requested: str | None,
    before: Mapping[str, Any],
) -> list[str]:
    """The slots (``subject``, ``topic``) an answer to the goal question told only as part
    of the learner's story; ``before``: the slots' values before the message."""
    found = list(entities)
    goals = {e.get("value") for e in found if e.get("entity") == "goal"}
    if requested != "goal" or not goals:
        return []
    clear: list[str] = []
    subjects = [e for e in found if e.get("entity") == "subject"]
    said_as = {e.get(SAID_AS) for e in subjects}
    if said_as == {HELD} and before.get("subject") is None:
        clear.append("subject")
    if inferred_only(found, "topic", kept_aside=True) and before.get("topic") is None:
        clear.append("topic")
    return clear


def subject_to_keep(
    entities: Iterable[Mapping[str, Any]], requested: str | None, before: Any, now: Any
) -> Any:
    """The subject given before (``before``), when an answer to a later question names
    another (``now``) as the job held, or in passing next to the answer; else ``None``."""
    if requested not in LATER_QUESTIONS or before is None or now == before:
        return None
    found = list(entities)
    said_as = {e.get(SAID_AS) for e in found if e.get("entity") == "subject"}
    if not said_as or WANTED in said_as or None in said_as:
        return None
    answers = _answers(found, requested)
    return before if said_as == {HELD} or answers else None


def story_events(tracker: Tracker) -> list[EventType]:
    """The slot events that undo subjects and topics the learner's latest message told only
    as part of their story (call it only on a message just sent)."""
    before = {name: value_before_message(tracker, name) for name in ("subject", "topic")}
    entities = tracker.latest_message.get("entities") or []
    requested = tracker.get_slot("requested_slot")
    events: list[EventType] = [
        SlotSet(name, None) for name in story_slots_to_clear(entities, requested, before)
    ]
    kept = subject_to_keep(entities, requested, before["subject"], tracker.get_slot("subject"))
    if kept is not None:
        events.append(SlotSet("subject", kept))
    return events


def _answers(entities: Iterable[Mapping[str, Any]], requested: str) -> bool:
    """Whether ``entities`` hold a wish the question for ``requested`` asks for."""
    return any(e.get("entity") in ANSWERED_BY[requested] for e in entities)


def story_after_list(tracker: Tracker) -> dict[str, Any]:
    """After a list, with no question pending: the subject and topic searched before, when
    the latest message changes other wishes and names a field only as part of the
    learner's story ("I'm 70 and retired (nurse 38 yrs) ... maybe 2 or 3 hours a week"
    after a list of Spanish courses); empty when it names none that way."""
    if tracker.get_slot("requested_slot") or not tracker.get_slot("last_results"):
        return {}
    entities = tracker.latest_message.get("entities") or []
    before = {name: value_before_message(tracker, name) for name in ("subject", "topic")}
    now = {name: tracker.get_slot(name) for name in ("subject", "topic")}
    topic_inferred = inferred_only(entities, "topic", kept_aside=True)
    if not topic_inferred and any(e.get("entity") == "topic" for e in entities):
        return {}  # "actually something on dementia instead": a new search
    restore: dict[str, Any] = {}
    kept = subject_to_keep(entities, REFINEMENTS, before["subject"], now["subject"])
    if kept is not None:
        restore["subject"] = kept
    elif now["subject"] != before["subject"]:
        return {}  # a new field wanted: its topic is new too
    if (
        before["topic"]
        and now["topic"] != before["topic"]
        and topic_inferred
        and _answers(entities, REFINEMENTS)
    ):
        restore["topic"] = before["topic"]
    return restore


__all__ = [
    "LATER_QUESTIONS",
    "story_after_list",
    "story_events",
    "story_slots_to_clear",
    "subject_to_keep",
]
