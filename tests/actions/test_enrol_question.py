"""Whether the learner can enrol: "also im 17 can i even sign up or do i need my mom"."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.enrol_question import asks_about_enrolling
from actions.fallback import ActionAskRephrase
from actions.out_of_scope import ActionOutOfScope
from tests.actions.conftest import make_tracker

WITH_PAGE = "futurelearn-aws-solutions-architect-microcredential"  # has a course page address
SEARCH_ONLY = "fl-mindfulness-for-wellbeing-and-peak-performance-monash-university"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("also im 17 can i even sign up or do i need my mom", True),
        ("are there entry requirements for these?", True),
        ("is 60 too old to start coding?", True),
        ("how do i enrol", True),
        # an age said with a question whether it is old enough
        ("im 16 is that ok", True),
        ("I am 15, can I still join?", True),
        # Not a question about enrolling.
        ("i am 40 and want to change career, can you help?", False),
        ("im 3 hours short is that ok?", False),
        ("sign me up for data science", False),
        ("I'm 45 years old and want to learn Excel", False),
        ("can I apply for funding", False),
    ],
)
def test_what_asks_whether_the_learner_can_enrol(text: str, asked: bool) -> None:
    assert asks_about_enrolling(text) is asked


@pytest.mark.parametrize(
    ("action", "intent"), [(ActionOutOfScope, "out_of_scope"), (ActionAskRephrase, "nlu_fallback")]
)
async def test_the_answer_says_what_is_unknown_and_where_to_enrol(
    store, domain, action, intent
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "also im 17 can i even sign up or do i need my mom",
        intent=intent,
        slots={"last_results": [WITH_PAGE, SEARCH_ONLY]},
    )
    await action().run(dispatcher, tracker, domain)
    [reply] = dispatcher.messages
    assert reply["response"] == "utter_enrol_with_the_provider"
    page, search = reply["lines"].split("\n")
    assert page.startswith("1. AWS Solutions Architect") and "(Undergraduate level)" in page
    assert "Course page: https://www.futurelearn.com/microcredentials/" in page
    assert search.startswith("2. ") and "no course page address in the catalogue" in search


async def test_without_a_list_it_still_says_so_and_offers_courses(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("is 60 too old to start coding?", intent="out_of_scope")
    await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_enrol_needs_a_list"]


@pytest.mark.parametrize(
    ("text", "asked"),
    [("i am 16, is ok for me to join or need be 18?", True), ("can I join a gym?", False)],
)
def test_joining_is_enrolling_when_it_is_about_a_course(text: str, asked: bool) -> None:
    assert asks_about_enrolling(text) is asked
