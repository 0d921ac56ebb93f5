"""Topics a learner would take instead of the one searched: "metallurgy or materials, or
maintenance", "Dutch or Frisian or Norwegian, whichever you have".

The NLU reads each topic joined by "or" after the topic as the ``topic_alternative`` entity
(nlu/extraction/topic.py). When the catalogue has no course on the topic, the first
alternative it has courses on is searched instead, and the reply says so ("I have no
course on metallurgy" had ended the conversation although courses on materials and on
maintenance exist); when it has courses on the topic, the reply names the alternatives
too, so the learner can ask for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from rasa_sdk import Tracker

from actions.request_context import message_naming
from actions.store.results import LearnerProfile
from actions.store.search import SearchResult
from actions.store.topic_match import FULL

ALTERNATIVE = "topic_alternative"


def alternatives_said(tracker: Tracker, topic: str | None) -> tuple[list[str], bool]:
    """The alternatives said with ``topic`` in the latest message that named it (in this
    session), in the order said, and whether a course list was shown after that message."""
    event, listed = message_naming(tracker.events, topic) if topic else (None, False)
    if event is None:
        return [], False
    entities = (event.get("parse_data") or {}).get("entities") or []
    said = [str(e.get("value")) for e in entities if e.get("entity") == ALTERNATIVE]
    return list(dict.fromkeys(a for a in said if a.strip() and a != topic)), listed


def alternatives_named(tracker: Tracker, topic: str | None, *, unlisted: bool = False) -> list[str]:
    """:func:`alternatives_said`; with ``unlisted``, none once a list was shown after the
    message (the first list names them, later ones do not repeat it)."""
    said, listed = alternatives_said(tracker, topic)
    return [] if unlisted and listed else said


def search_alternatives(
    profile: LearnerProfile,
    alternatives: Sequence[str],
    search: Callable[[LearnerProfile], SearchResult],
) -> tuple[LearnerProfile, SearchResult] | None:
    """The first alternative the catalogue has courses on (the whole of it), searched with
    the learner's other wishes; ``None`` when it has none on any."""
    for alternative in alternatives:
        tried = replace(profile, topic=alternative)
        result = search(tried)
        if result.courses and result.topic is not None and result.topic.status == FULL:
            return tried, result
    return None


def instead_line(absent: str, alternative: str) -> str:
    """The line before a list on an alternative, saying why it is not on the topic."""
    return (
        f"I have no course on {absent} in the catalogue; you named {alternative} too, so "
        f"here are courses on {alternative}."
    )


def also_named_line(alternatives: Sequence[str]) -> str | None:
    """The line after a list on the topic, naming the alternatives said with it."""
    if not alternatives:
        return None
    named = " or ".join(alternatives)
    first = alternatives[0]
    return f'You named {named} too: say "courses on {first}" to see those instead.'


__all__ = [
    "ALTERNATIVE",
    "also_named_line",
    "alternatives_named",
    "alternatives_said",
    "instead_line",
    "search_alternatives",
]
