"""A held subject is kept aside unless the learner stays in that field."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from actions.answers import ANSWER_ROLE, HELD, SAID_AS, WANTED
from nlu.held_subject import HeldSubjectGate, keep_held_aside


def _subject(said_as: str) -> dict[str, Any]:
    return {"entity": "subject", "value": "business-management", SAID_AS: said_as}


def _goal(value: str, role: str | None = None) -> dict[str, Any]:
    goal: dict[str, Any] = {"entity": "goal", "value": value}
    if role:
        goal["role"] = role
    return goal


def test_a_field_known_already_is_kept_aside() -> None:
    # "Postgrad level. I have an MBA."
    [subject] = keep_held_aside([_subject(HELD)])
    assert subject["role"] == ANSWER_ROLE


def test_a_field_held_by_someone_staying_in_it_is_the_field_wanted() -> None:
    # "After 35 years in accountancy I wish to improve my IFRS" (upskill); "I did 2 years of
    # a nursing degree and want to finish it" (further study)
    for goal in ("upskill", "further_study"):
        entities = keep_held_aside([_subject(HELD), _goal(goal)])
        assert "role" not in entities[0]


def test_a_goal_kept_aside_itself_keeps_nothing_in() -> None:
    entities = keep_held_aside([_subject(HELD), _goal("upskill", ANSWER_ROLE)])
    assert entities[0]["role"] == ANSWER_ROLE


def test_other_subjects_and_goals_are_left_alone() -> None:
    entities = [_subject(WANTED), _goal("career_change")]
    assert keep_held_aside(entities) == entities
    leaving = keep_held_aside([_subject(HELD), _goal("career_change")])
    assert leaving[0]["role"] == ANSWER_ROLE


def test_the_component_rewrites_each_message() -> None:
    context = ExecutionContext(graph_schema=None, model_id="test")  # type: ignore[arg-type]
    gate = HeldSubjectGate.create({}, None, Resource("held"), context)  # type: ignore[arg-type]
    held = Message(data={"text": "I have an MBA", "entities": [_subject(HELD)]})
    empty = Message(data={"text": "hi"})
    gate.process([held, empty])
    assert held.get("entities")[0]["role"] == ANSWER_ROLE
    assert not empty.get("entities")
