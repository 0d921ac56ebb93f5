"""Which of a learner's words a course's catalogue entry mentions, as the full-text index
reads it (title and description, stemmed, with the synonyms of ``topics.yml``): "does it do
nz gst and payroll" asked about the courses shown."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from actions.store.fulltext import relevance
from actions.store.topics import Group


def groups_mentioned(
    session: Session, course_ids: Sequence[str], groups: Sequence[Group]
) -> dict[str, list[Group]]:
    """For each course, the ``groups`` its entry mentions (one full-text match per group,
    among the courses shown)."""
    matching = {g: set(relevance(session, [g], among=course_ids).ids) for g in groups}
    return {cid: [g for g in groups if cid in matching[g]] for cid in course_ids}


__all__ = ["groups_mentioned"]
