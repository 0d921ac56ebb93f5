"""Who offers the courses shown, and whether one counts for a professional body."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.explain import ActionExplainCredit
from actions.out_of_scope import ActionOutOfScope
from actions.search_actions import ActionRecommendCourses
from actions.standing_question import standing_kind
from tests.actions.conftest import course_lists, extracted, make_tracker

WITH_PAGE = "futurelearn-aws-solutions-architect-microcredential"
SEARCH_ONLY = "fl-mindfulness-for-wellbeing-and-peak-performance-monash-university"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("who is the provider? è una scuola seria?", "provider"),
        ("which university runs the second one?", "provider"),
        (
            "Does number 2 count towards GTCS Professional Update or Professional Recognition?",
            "recognition",
        ),
        ("Yoga Alliance certified hona chahiye?", "recognition"),
        ("does any count for the PMP hours?", "recognition"),
        ("After course can I become sworn translator in Poland?", "recognition"),
        (
            "If I finish both, the certificate is accept by Ministry of Health for continue "
            "education credit in Viet Nam?",
            "recognition",
        ),
        # Not such a question.
        ("I want a course from a good university", None),
        ("does it carry credit?", None),
    ],
)
def test_what_the_question_is_about(text: str, kind: str | None) -> None:
    assert standing_kind(text) == kind


async def test_the_provider_of_each_course_shown(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "who is the provider? is it a serious school?",
        intent="out_of_scope",
        slots={"last_results": [WITH_PAGE, SEARCH_ONLY]},
    )
    await ActionOutOfScope().run(dispatcher, tracker, domain)
    [reply] = dispatcher.messages
    assert reply["response"] == "utter_standing_provider"
    first, second = reply["lines"].split("\n")
    assert first.startswith("1. AWS Solutions Architect") and "on FutureLearn" in first
    assert second.startswith("2. ") and "Monash University" in second


async def test_a_professional_body_is_never_promised(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "Does number 2 count towards GTCS Professional Update?",
        intent="ask_credit",
        slots={"last_results": [WITH_PAGE, SEARCH_ONLY], "course_index": [2]},
    )
    await ActionExplainCredit().run(dispatcher, tracker, domain)
    [reply] = dispatcher.messages
    assert reply["response"] == "utter_standing_recognition"
    [line] = reply["lines"].split("\n")
    assert line.startswith("2. ") and "Monash University" in line
    assert "CPD-accredited" in line
    assert "can't promise" in domain["responses"]["utter_standing_recognition"][0]["text"]


async def test_a_question_read_as_a_request_is_answered_not_searched(store, domain) -> None:
    """ "After course can I become sworn translator in Poland?", read as find_course 0.9
    after a list, had shown the same list again."""
    text = "After course can I become sworn translator in Poland? NGO needs it for court papers."
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text,
        intent="find_course",
        slots={"last_results": [WITH_PAGE, SEARCH_ONLY], "topic": "translation"},
        entities=extracted(text),
    )
    await ActionRecommendCourses().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_standing_recognition"]
    assert course_lists(dispatcher) == []
