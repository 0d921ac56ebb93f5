"""What a course shown costs and how it is paid: "2 - one-time or monthly?"."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.cost_question import asks_about_cost
from actions.fallback import ActionAskRephrase
from actions.out_of_scope import ActionOutOfScope
from tests.actions.conftest import make_tracker

MICROGRIDS = "fl-renewable-energy-sustainable-electricity-supply-wi-university-of-leeds"
AWS = "futurelearn-aws-solutions-architect-microcredential"  # GBP 550 one-off
DUTCH = "fl-introduction-to-dutch-university-of-gronin"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("google one total cost?", True),
        ("2 - one-time or monthly?", True),
        ("the one with microgrids in the name is that a one time payment or monthly", True),
        ("How much does each one cost?", True),
        ("mindfulness wala kitna paisa?", True),  # Hinglish: "how much is the mindfulness one?"
        # Not about the courses shown, or not a question.
        ("how much does a data analyst earn?", False),
        ("I can pay 50 a month", False),
    ],
)
def test_what_asks_what_a_course_costs(text: str, asked: bool) -> None:
    assert asks_about_cost(text) is asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the one with microgrids in the name is that a one time payment or monthly", ["1. "]),
        ("2 - one-time or monthly?", ["2. "]),
        ("how much do these cost in total?", ["1. ", "2. ", "3. "]),
    ],
)
@pytest.mark.parametrize(
    ("action", "intent"), [(ActionOutOfScope, "out_of_scope"), (ActionAskRephrase, "nlu_fallback")]
)
async def test_the_courses_asked_about_with_how_their_price_adds_up(
    store, domain, action, intent, text, expected
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent=intent, slots={"last_results": [MICROGRIDS, AWS, DUTCH]})
    await action().run(dispatcher, tracker, domain)
    [reply] = dispatcher.messages
    assert reply["response"] == "utter_course_costs"
    lines = reply["lines"].split("\n")
    assert [line[:3] for line in lines] == expected
    if expected[0] == "1. ":
        assert "Renewable Energy" in lines[0] and "Paid monthly" in lines[0]
    if "2. " in expected:
        aws = lines[expected.index("2. ")]
        assert "AWS Solutions Architect" in aws and "550" in aws
