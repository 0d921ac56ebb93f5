"""A question about the courses shown that nothing else answered gets what is recorded."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionAskRephrase
from actions.unrecorded_question import answer_unrecorded_question
from tests.actions.conftest import make_tracker

SHORT_COURSE = "fl-mindfulness-for-wellbeing-and-peak-performance-monash-university"
WITH_CREDIT = "futurelearn-aws-solutions-architect-microcredential"  # 10 CATS credits


def _unsure(text: str, **slots: Any):  # type: ignore[no-untyped-def]
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "course_details", "confidence": 0.25},
        {"name": "ask_credit", "confidence": 0.22},
    ]
    return make_tracker(text, intent="nlu_fallback", slots=slots, intent_ranking=ranking)


async def test_a_question_the_catalogue_cannot_answer_gets_what_it_records(
    store: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = _unsure(
        "Is it official Microsoft preparation? and the exam voucher is included?",
        last_results=[SHORT_COURSE, WITH_CREDIT],
    )
    assert await ActionAskRephrase().act(dispatcher, tracker, domain) == []
    [message] = dispatcher.messages
    assert message["response"] == "utter_question_not_recorded"
    lines = message["lines"].splitlines()
    assert lines[0].startswith("1. Mindfulness for Wellbeing and Peak Performance: ")
    assert lines[1] == (
        "2. AWS Solutions Architect (microcredential): "
        "10 weeks · weekly hours not stated · £550 · 10 CATS credits"
    )
    assert "h/week" in message["lines"]


async def test_a_question_about_the_lessons_shown_is_about_the_list(
    store: str, dispatcher: CollectingDispatcher
) -> None:
    """ "can i download the lessons" points at the courses shown by their parts (it had
    got "Did you mean one of these?")."""
    tracker = _unsure(
        "power cuts are common here can i download the lessons and watch later",
        last_results=[SHORT_COURSE, WITH_CREDIT],
    )
    assert answer_unrecorded_question(dispatcher, tracker)
    assert dispatcher.messages[0]["response"] == "utter_question_not_recorded"


async def test_a_named_course_is_the_one_answered_about(
    store: str, dispatcher: CollectingDispatcher
) -> None:
    tracker = _unsure(
        "would the mindfulness one make me a certified coach?",
        last_results=[WITH_CREDIT, SHORT_COURSE],
    )
    assert answer_unrecorded_question(dispatcher, tracker)
    [message] = dispatcher.messages
    assert message["lines"].startswith("2. Mindfulness")
    assert "\n" not in message["lines"]


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        # no list shown: nothing to say about
        ("Is it official Microsoft preparation?", {}),
        # not a question
        ("hmm ok then", {"last_results": [SHORT_COURSE]}),
    ],
)
def test_only_a_question_about_a_list_shown(
    store: str, dispatcher: CollectingDispatcher, text: str, slots: dict[str, Any]
) -> None:
    assert not answer_unrecorded_question(dispatcher, _unsure(text, **slots))
    assert dispatcher.messages == []


def test_a_question_pointing_at_no_course_shown_is_left_alone(
    store: str, dispatcher: CollectingDispatcher
) -> None:
    tracker = _unsure("any spring boot specifically?", last_results=[SHORT_COURSE])
    assert not answer_unrecorded_question(dispatcher, tracker)


async def test_a_topic_that_names_a_course_shown_is_no_other_search(
    store: str, dispatcher: CollectingDispatcher
) -> None:
    """ "Would the general 'What is Poetry' course be the better one to do first?": the NLU
    reads "Poetry" as a topic, but a course shown has it in its title: the question is about
    that course (it had got "Did you mean one of these?")."""
    tracker = _unsure(
        "Would the general mindfulness course be the better one to do first?",
        last_results=[WITH_CREDIT, SHORT_COURSE],
    )
    tracker.latest_message["entities"] = [{"entity": "topic", "value": "mindfulness"}]
    assert answer_unrecorded_question(dispatcher, tracker)
    [message] = dispatcher.messages
    assert message["lines"].startswith("2. Mindfulness")
    # a topic no course shown is titled with is something else to search
    other = _unsure("would a yoga course be better?", last_results=[WITH_CREDIT, SHORT_COURSE])
    other.latest_message["entities"] = [{"entity": "topic", "value": "yoga"}]
    assert not answer_unrecorded_question(CollectingDispatcher(), other)
