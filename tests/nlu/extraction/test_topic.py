"""The topic entity: how surely a topic is asked for."""

from __future__ import annotations

import pytest

from actions.answers import SAID_OUTRIGHT
from nlu.extraction import extract


def _topic(text: str) -> tuple[str, float] | None:
    found = [e for e in extract(text) if e.entity == "topic"]
    return (str(found[0].value), found[0].confidence) if found else None


@pytest.mark.parametrize(
    ("text", "topic", "outright"),
    [
        # an aspect of something said before: only inferred, it replaces no earlier topic
        ("wanna actually understand the econ behind it not just vibes", "econ", False),
        ("I enjoy baking and want to learn the science behind it", "science", False),
        ("I want to understand the maths of it", "maths", False),
        # asked for in so many words
        ("I want to learn python", "python", True),
        ("I want to learn the science of baking", "science of baking", True),
    ],
)
def test_a_topic_relating_to_something_said_before_is_only_inferred(
    text: str, topic: str, outright: bool
) -> None:
    found = _topic(text)
    assert found is not None and found[0] == topic
    assert (found[1] >= SAID_OUTRIGHT) is outright
