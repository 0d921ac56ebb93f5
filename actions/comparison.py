"""Courses side by side: a ``course_compare`` payload for clients that draw it as a table
(the web widget) and the same comparison as text for every other client (``rasa shell``,
Telegram, plain REST clients).

The payload holds the courses as cards (catalogue values the client formats, as it does for
its course cards) and the position of the cheapest; the text says it in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from actions.common import COMPARE_TABLE, format_credits, format_price, positioned_cards
from actions.course_wording import credential_label, level_label, pounds
from actions.store.search import Recommendation

INTRO = "Side by side:"
TABLE_INTRO = "Here they are side by side."

_ROWS: tuple[tuple[str, Callable[[Recommendation], str]], ...] = (
    ("Provider", lambda c: c.provider or "not stated"),
    ("Length", lambda c: f"{c.duration_weeks:g} weeks" if c.duration_weeks else "not stated"),
    ("Hours/week", lambda c: f"{c.hours_per_week:g}" if c.hours_per_week else "not stated"),
    ("Price", format_price),
    ("Credit", format_credits),
    ("Type", lambda c: credential_label(c.credential_type)),
    ("Level", lambda c: level_label(c.level)),
)


def cheapest(courses: Sequence[Recommendation]) -> Recommendation | None:
    """The course with the lowest comparable total (ties: the smaller id); ``None`` if no
    course has one."""
    priced = [c for c in courses if c.cost_gbp is not None]
    return min(priced, key=lambda c: (c.cost_gbp or 0.0, c.id)) if priced else None


def cheapest_line(courses: Sequence[Recommendation]) -> str | None:
    best = cheapest(courses)
    if best is None:
        return None
    total = "free" if not best.cost_gbp else f"about {pounds(best.cost_gbp)}"
    return f"Cheapest overall: {best.title} ({total})."


def compare_text(courses: Sequence[Recommendation], positions: Sequence[int | None]) -> str:
    """The comparison as plain text, course by course; a course of an earlier list (no
    position in the last one) is said to be from it."""
    lines = [INTRO]
    for position, course in zip(positions, courses, strict=True):
        if position is None:
            lines.append(f"\n- {course.title} (from an earlier list)")
        else:
            lines.append(f"\n{position}. {course.title}")
        lines += [f"   {label}: {render(course)}" for label, render in _ROWS]
        lines.append(f"   Why: {course.why}")
    summary = cheapest_line(courses)
    if summary:
        lines.append(f"\n{summary}")
    return "\n".join(lines)


def table_text(courses: Sequence[Recommendation]) -> str:
    """What goes with the table: what it is, and the cheapest in words."""
    summary = cheapest_line(courses)
    return f"{TABLE_INTRO} {summary}" if summary else TABLE_INTRO


def compare_payload(courses: Sequence[Recommendation], in_list: Sequence[str]) -> dict[str, Any]:
    """The ``course_compare`` payload: the courses as cards (with their positions in the
    last list and their actions, compare left out) and the cheapest one's position."""
    cards = positioned_cards(courses, in_list, skip_actions=("compare",))
    best = cheapest(courses)
    at = {c.id: card.get("position") for c, card in zip(courses, cards, strict=True)}
    return {
        "type": COMPARE_TABLE,
        "courses": cards,
        "cheapest": at.get(best.id) if best is not None else None,
    }
