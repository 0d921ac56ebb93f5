from __future__ import annotations

import pytest

from nlu.extraction import extract


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("actually make it education not leadership", "teaching-education"),
        ("not leadership, education", "teaching-education"),
        ("education instead of leadership", "teaching-education"),
        ("leadership please", "leadership"),
    ],
)
def test_a_negated_subject_is_not_the_wish(text, subject) -> None:
    found = {e.entity: e.value for e in extract(text)}
    assert found.get("subject") == subject


def test_a_negated_topic_is_not_the_topic() -> None:
    topics = [
        e.value
        for e in extract("I need to learn ENGLISH, not Chinese", bare_topic=True)
        if e.entity == "topic"
    ]
    assert topics == ["ENGLISH"]


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("compare the first two", [1, 2]),
        ("compare all three", [1, 2, 3]),
        ("the first two weeks", []),
    ],
)
def test_first_n(text, positions) -> None:
    assert [e.value for e in extract(text) if e.entity == "course_index"] == positions


@pytest.mark.parametrize(
    "text", ["whatever, I'm no good with computers mind", "I hate maths, something creative"]
)
def test_a_subject_they_say_they_are_bad_at_is_not_the_wish(text) -> None:
    assert "subject" not in {e.entity for e in extract(text)}
