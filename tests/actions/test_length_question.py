"""How long the courses shown take in all: "Is any of these the 120 hours TEFL?"."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.course_list import ActionCourseDetails
from actions.fallback import ActionAskRephrase
from actions.length_question import asked_length
from actions.out_of_scope import ActionOutOfScope
from tests.actions.conftest import make_tracker

AWS = "futurelearn-aws-solutions-architect-microcredential"  # 10 weeks, 100 hours in all
OTHER = "fl-mindfulness-for-wellbeing-and-peak-performance-monash-university"


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Is any of these the 120 hours TEFL?", 120.0),
        ("how many hours total is the first one?", None),
        ("how long do these take altogether?", None),
        ("mindfulness wala, how many weeks and kitna paisa", None),  # Hinglish, no "?"
        # whether it ends in time: each course's length answers it
        ("can i finish before november? would start next week", None),
        ("fine. how long in total if i do all three", None),  # (data/vocab/list_pointers.yml)
    ],
)
def test_what_asks_how_long_the_courses_take(text: str, hours: float | None) -> None:
    question = asked_length(text)
    assert question is not None and question.hours == hours


@pytest.mark.parametrize(
    "text",
    [
        "is there anything under 3 hours a week?",  # a wish about weekly time
        "I can do 10 hours a week",  # not a question
        "how much is it?",  # a price question
        "I want to finish by christmas",  # a wish, not a question
        "can i finish my degree first?",
    ],
)
def test_what_does_not(text: str) -> None:
    assert asked_length(text) is None


@pytest.mark.parametrize(
    ("action", "intent"), [(ActionOutOfScope, "out_of_scope"), (ActionAskRephrase, "nlu_fallback")]
)
async def test_each_course_with_its_length_and_an_honest_word_on_the_hours_named(
    store, domain, action, intent
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "Is any of these the 120 hours TEFL? The company said must be 120 hours",
        intent=intent,
        slots={"last_results": [AWS, OTHER]},
    )
    await action().run(dispatcher, tracker, domain)
    lengths, verdict = dispatcher.messages
    assert lengths["response"] == "utter_course_lengths"
    first, second = lengths["lines"].split("\n")
    assert first.startswith("1. AWS Solutions Architect") and "100 hours in all" in first
    assert second.startswith("2. ")
    assert verdict["response"] == "utter_none_of_those_hours" and verdict["hours"] == "120"


async def test_hours_a_course_comes_to_get_no_such_warning(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "is any of these about 100 hours in total?",
        intent="course_details",
        slots={"last_results": [AWS, OTHER]},
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_course_lengths"]
