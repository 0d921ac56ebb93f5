"""What an answer to the goal question gives besides the goal.

Asked what brings them here, learners tell their story: "6 years teaching year 4 and I'm
burnt out, I want to do something completely different", "I'm a staff nurse, band 5, and I
want to get to band 6", "change job, construction is hard for my back". The field they name
in it is the job they have or are leaving, not one they ask to study: taking it as the
subject (or as a topic) would skip the subject question and show courses on the very work
they want out of. So in such an answer (one that gives a goal), a subject said in passing
or as the job held, and a topic said only in passing, are not taken unless they were known
before; the form asks the subject question next, where the learner says what they want. A
subject said as wanted ("... into data science", "I like stars and planets") is taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from actions.answers import HELD, IN_PASSING, SAID_AS, inferred_only


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
    said_as = {e.get(SAID_AS) for e in found if e.get("entity") == "subject"}
    told = {HELD, IN_PASSING} if "career_change" in goals else {HELD}
    if said_as and said_as <= told and before.get("subject") is None:
        clear.append("subject")
    if inferred_only(found, "topic", kept_aside=True) and before.get("topic") is None:
        clear.append("topic")
    return clear


__all__ = ["story_slots_to_clear"]
