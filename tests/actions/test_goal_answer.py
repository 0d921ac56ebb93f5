"""An answer to the goal question: the job told about is no subject (actions.goal_answer)."""

from __future__ import annotations

from typing import Any

import pytest

from actions.answers import HELD, IN_PASSING, SAID_AS, WANTED
from actions.goal_answer import story_slots_to_clear


def _goal(value: str) -> dict[str, Any]:
    return {"entity": "goal", "value": value, "confidence": 0.9}


def _subject(said_as: str) -> dict[str, Any]:
    return {"entity": "subject", "value": "teaching-education", "confidence": 0.9, SAID_AS: said_as}


def _topic(confidence: float) -> dict[str, Any]:
    return {"entity": "topic", "value": "teaching", "confidence": confidence}


@pytest.mark.parametrize(
    ("entities", "cleared"),
    [
        # "6 years teaching year 4 and I'm burnt out, I want something completely different"
        ([_goal("career_change"), _subject(IN_PASSING), _topic(0.7)], ["subject", "topic"]),
        # "I'm a staff nurse, band 5, and I want to get to band 6"
        ([_goal("upskill"), _subject(HELD)], ["subject"]),
        # "better english for work": staying in their field, the subject is what they want
        ([_goal("upskill"), _subject(IN_PASSING)], []),
        # "career change into data science"
        ([_goal("career_change"), _subject(WANTED), _topic(0.8)], []),
        # "teaching": no goal, so the answer is no story (the form asks the goal again)
        ([_subject(IN_PASSING), _topic(0.7)], []),
    ],
)
def test_the_job_told_about_in_a_goal_answer_is_no_subject(
    entities: list[dict[str, Any]], cleared: list[str]
) -> None:
    assert story_slots_to_clear(entities, "goal", {}) == cleared


def test_only_an_answer_to_the_goal_question_and_only_new_values() -> None:
    story = [_goal("career_change"), _subject(IN_PASSING), _topic(0.7)]
    assert story_slots_to_clear(story, "subject", {}) == []
    assert story_slots_to_clear(story, None, {}) == []
    known = {"subject": "teaching-education", "topic": "teaching"}
    assert story_slots_to_clear(story, "goal", known) == []
