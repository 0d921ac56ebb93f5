from __future__ import annotations

import pytest

from actions.profile_form import ValidateGlobalSlots, ValidateLearnerProfileForm
from tests.actions.conftest import make_tracker, texts


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


def test_unknown_subject_gets_did_you_mean_buttons(dispatcher, domain) -> None:
    result = ValidateLearnerProfileForm().validate_subject(
        "cyber secrity stuff", dispatcher, make_tracker(), domain
    )
    assert result == {"subject": None}
    [message] = dispatcher.messages
    assert "Did you mean" in message["text"]
    assert any("cybersecurity" in button["payload"] for button in message["buttons"])


@pytest.mark.parametrize(
    ("method", "value", "expected"),
    [
        ("validate_budget", 500, 500.0),
        ("validate_budget", 0, 0.0),
        ("validate_budget", -5, None),
        ("validate_budget", 99_999_999_999, None),
        ("validate_hours_per_week", 6, 6.0),
        ("validate_hours_per_week", -5, None),
        ("validate_hours_per_week", 400, None),
        ("validate_max_weeks", 12, 12.0),
        ("validate_max_weeks", 0, None),
    ],
)
def test_optional_wishes_are_checked(dispatcher, domain, method, value, expected) -> None:
    result = getattr(ValidateGlobalSlots(), method)(value, dispatcher, make_tracker(), domain)
    assert list(result.values()) == [expected]
    assert bool(texts(dispatcher)) == (expected is None)


@pytest.mark.parametrize(
    ("method", "value", "expected"),
    [
        ("validate_goal", "career_change", "career_change"),
        ("validate_goal", "astronaut", None),
        ("validate_level", "postgraduate", "postgraduate"),
        ("validate_level", "level 99", None),
        ("validate_delivery", "online", "online"),
        ("validate_delivery", "by pigeon", None),
        ("validate_credit_bearing", True, True),
        ("validate_credit_bearing", "false", False),
        ("validate_credit_bearing", "maybe", None),
    ],
)
def test_categorical_wishes_are_checked(dispatcher, domain, method, value, expected) -> None:
    result = getattr(ValidateGlobalSlots(), method)(value, dispatcher, make_tracker(), domain)
    assert list(result.values()) == [expected]
