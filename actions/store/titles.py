"""Courses a learner names by their full title ("tell me more about Introduction to
Sustainability"), in the list shown or not, or by words of it ("the come rain or shine one")."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import String, func, literal, select
from sqlalchemy.orm import Session

from actions.store.models import Course

#: Shortest title looked for inside a message: shorter ones ("Python", "Climate.now") are
#: words a learner uses for a topic as often as for the course.
MIN_TITLE_CHARS = 15
#: Longest message searched for titles (a title is a phrase of a question, not an essay).
MAX_TEXT_CHARS = 500


def courses_titled_in(session: Session, text: str, limit: int = 3) -> list[str]:
    """Ids of the courses whose whole title the message contains (case ignored), longest
    title first: "Introduction to Sustainability" names that course, not any course with
    "sustainability" in its title."""
    said = " ".join(text[:MAX_TEXT_CHARS].lower().split())
    if len(said) < MIN_TITLE_CHARS:
        return []
    title = func.lower(Course.title)
    rows = session.execute(
        select(Course.id)
        .where(func.length(Course.title) >= MIN_TITLE_CHARS)
        # LIKE is in both databases ("_" or "%" in a title only widens the match).
        .where(literal(said, String).like(literal("%", String) + title + literal("%", String)))
        .order_by(func.length(Course.title).desc(), Course.id)
        .limit(limit)
    ).scalars()
    return [str(cid) for cid in rows]


#: Shortest word of a name looked for in titles ("the come rain or shine one": not "or").
MIN_NAME_WORD_CHARS = 3


def courses_titled_with(session: Session, words: Sequence[str], limit: int = 2) -> list[str]:
    """Ids of the courses whose title has every one of ``words`` (case ignored; words of
    fewer than :data:`MIN_NAME_WORD_CHARS` letters are not looked for), shortest title
    first, at most ``limit``; none when no word is left."""
    kept = [w.lower() for w in words if len(w) >= MIN_NAME_WORD_CHARS]
    if not kept:
        return []
    title = func.lower(Course.title)
    query = select(Course.id)
    for word in kept:
        query = query.where(title.like(literal("%" + word + "%", String)))
    rows = session.execute(
        query.order_by(func.length(Course.title), Course.id).limit(limit)
    ).scalars()
    return [str(cid) for cid in rows]


__all__ = ["MIN_NAME_WORD_CHARS", "MIN_TITLE_CHARS", "courses_titled_in", "courses_titled_with"]
