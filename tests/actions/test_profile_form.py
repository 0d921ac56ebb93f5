from __future__ import annotations

import pytest

from actions.profile_form import ValidateLearnerProfileForm
from tests.actions.conftest import make_tracker


@pytest.mark.parametrize(
    ("slots", "filled"),
    [
        ({}, False),
        ({"budget": 300.0}, True),
        ({"budget": 0.0}, True),
        ({"credit_bearing": False}, True),
        ({"refinements_done": True}, False),
    ],
)
async def test_refinements_are_skipped_when_a_wish_was_given(
    dispatcher, domain, slots, filled
) -> None:
    tracker = make_tracker("x", intent="state_goal", slots=slots)
    result = await ValidateLearnerProfileForm().extract_refinements_done(
        dispatcher, tracker, domain
    )
    assert result == ({"refinements_done": True} if filled else {})


@pytest.mark.parametrize(
    ("intent", "filled"),
    [
        ("skip", True),
        ("inform", True),
        ("affirm", True),
        ("ask_credit", False),
        ("bot_challenge", False),
    ],
)
async def test_refinement_answer_or_interruption(dispatcher, domain, intent, filled) -> None:
    tracker = make_tracker("x", intent=intent, slots={"requested_slot": "refinements_done"})
    result = await ValidateLearnerProfileForm().extract_refinements_done(
        dispatcher, tracker, domain
    )
    assert result == ({"refinements_done": True} if filled else {})


def test_known_subject_is_accepted(dispatcher, domain) -> None:
    result = ValidateLearnerProfileForm().validate_subject(
        "marketing", dispatcher, make_tracker(), domain
    )
    assert result == {"subject": "marketing"}
    assert not dispatcher.messages


def test_an_answer_that_is_not_a_subject_becomes_the_topic(dispatcher, domain) -> None:
    result = ValidateLearnerProfileForm().validate_subject(
        "kubernetes please", dispatcher, make_tracker(), domain
    )
    assert result == {"subject": None, "topic": "kubernetes please"}
    assert dispatcher.messages == []


def test_a_too_broad_answer_gets_did_you_mean_buttons(dispatcher, domain) -> None:
    result = ValidateLearnerProfileForm().validate_subject(
        "computing stuff", dispatcher, make_tracker(), domain
    )
    assert result == {"subject": None}
    [message] = dispatcher.messages
    assert "Did you mean" in message["text"]
    assert any("computing-it" in button["payload"] for button in message["buttons"])


async def test_a_searchable_topic_makes_goal_and_subject_optional(dispatcher, domain) -> None:
    form = ValidateLearnerProfileForm()
    slots = ["goal", "subject", "refinements_done"]
    with_topic = make_tracker(slots={"topic": "Excel pivot tables"})
    broad = make_tracker(slots={"topic": "IT"})
    assert await form.required_slots(slots, dispatcher, with_topic, domain) == ["refinements_done"]
    assert await form.required_slots(slots, dispatcher, broad, domain) == slots


@pytest.mark.parametrize(
    ("value", "expected"), [("career_change", "career_change"), ("astronaut", None)]
)
def test_goal_is_one_of_the_four(dispatcher, domain, value, expected) -> None:
    result = ValidateLearnerProfileForm().validate_goal(value, dispatcher, make_tracker(), domain)
    assert result == {"goal": expected}
