"""Which course of the list shown is the cheapest, shortest, lightest ...: "Which is the
shortest one?", "whats the cheapest", "which one is quickest. one word answer".

Answered from the catalogue values of the courses shown (a tie names every course it
takes in); a course whose value the catalogue lacks is left out and said to be. The
question's words are data: ``data/vocab/extreme_questions.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks, cleaned
from actions.common import format_length, format_price, store_session
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.store.results import Recommendation
from actions.store.search import describe, get_courses

QUESTIONS_PATH = VOCAB_DIR / "extreme_questions.yml"

#: Each question: (how the answer names it, the value compared, whether the least wins,
#: how the value is said).
_Key = Callable[[Recommendation], float | None]
_KINDS: dict[str, tuple[str, _Key, bool, Callable[[Recommendation], str]]] = {
    "cheapest": ("cheapest", lambda c: c.cost_gbp, True, format_price),
    "dearest": ("most expensive", lambda c: c.cost_gbp, False, format_price),
    "shortest": ("shortest", lambda c: c.duration_weeks, True, format_length),
    "longest": ("longest", lambda c: c.duration_weeks, False, format_length),
    "lightest": ("lightest", lambda c: c.hours_per_week, True, format_length),
}


@lru_cache(maxsize=2)
def _patterns(path: Path = QUESTIONS_PATH) -> dict[str, re.Pattern[str]]:
    return phrase_patterns(path, *_KINDS)


def asked_extreme(text: str) -> str | None:
    """The kind of course asked for ("shortest"), when ``text`` asks for one; else None."""
    lowered = cleaned(text)
    if not asks(text) and not lowered.startswith(("which", "what", "whats", "wat")):
        return None
    found = [kind for kind, pattern in _patterns().items() if pattern.search(lowered)]
    return found[0] if len(found) == 1 else None


def extreme_lines(kind: str, courses: Sequence[Recommendation]) -> list[str] | None:
    """The answer's lines: the course(s) at the extreme, each with its position and value;
    ``None`` when fewer than two courses have the value."""
    label, key, least, say = _KINDS[kind]
    known = [(key(c), n, c) for n, c in enumerate(courses, start=1) if key(c) is not None]
    if len(known) < 2:
        return None
    values = [v for v, _, _ in known if v is not None]
    best = min(values) if least else max(values)
    top = [(n, c) for v, n, c in known if v == best]
    lead = "The " + label + (" is:" if len(top) == 1 else f" ({len(top)} tie):")
    lines = [lead] + [f"{n}. {c.title}: {say(c)}" for n, c in top]
    unknown = [str(n) for n, c in enumerate(courses, start=1) if key(c) is None]
    if unknown:
        lines.append(f"(The catalogue doesn't say this for number {', '.join(unknown)}.)")
    return lines


def answer_extreme_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks which course shown is the most or least of
    something; whether it did (``False`` also when no list was shown)."""
    kind = asked_extreme(tracker.latest_message.get("text") or "")
    ids = list(tracker.get_slot("last_results") or [])
    if kind is None or len(ids) < 2:
        return False
    with store_session() as session:
        courses = [describe(course) for course in get_courses(session, ids)]
    lines = extreme_lines(kind, courses)
    if lines is None:
        return False
    dispatcher.utter_message(text="\n".join(lines))
    return True


__all__ = ["answer_extreme_question", "asked_extreme", "extreme_lines"]
