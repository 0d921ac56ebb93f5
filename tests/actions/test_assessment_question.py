"""How the courses shown are assessed: "any exam ah?", "is there an exam or just videos"."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment_question import asks_about_assessment
from actions.course_list import ActionCourseDetails
from actions.fallback import ActionAskRephrase
from actions.out_of_scope import ActionOutOfScope
from tests.actions.conftest import make_tracker

CREDIT = "futurelearn-aws-solutions-architect-microcredential"  # 10 CATS, "... exam" described
UNKNOWN = "fl-mindfulness-for-wellbeing-and-peak-performance-monash-university"  # no credit


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("any exam ah?", True),
        ("is there an exam or just videos", True),
        ("is the first one assessed?", True),
        ("do they have quizzes?", True),
        # Requests for courses about exams or assessment, and statements.
        ("any courses for exam prep?", False),
        ("is there something on risk assessment?", False),
        ("I failed my exam last year and want to learn Excel", False),
    ],
)
def test_what_asks_how_a_course_is_assessed(text: str, asked: bool) -> None:
    assert asks_about_assessment(text) is asked


@pytest.mark.parametrize(
    ("action", "intent"), [(ActionOutOfScope, "out_of_scope"), (ActionAskRephrase, "nlu_fallback")]
)
async def test_the_answer_says_what_the_catalogue_records_and_nothing_more(
    store, domain, action, intent
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "is there an exam or just videos", intent=intent, slots={"last_results": [CREDIT, UNKNOWN]}
    )
    await action().run(dispatcher, tracker, domain)
    [reply] = dispatcher.messages
    assert reply["response"] == "utter_how_assessed"
    credit, unknown = reply["lines"].split("\n")
    assert credit.startswith("1. AWS Solutions Architect") and "10 CATS credits" in credit
    assert "exam" in credit.split("description says:")[1]  # quoted from the catalogue
    assert "Course page: https://www.futurelearn.com/microcredentials/" in credit
    assert unknown.startswith("2. ") and "doesn't record whether or how it is assessed" in unknown


async def test_a_question_about_one_course_answers_for_that_one(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "is the second one assessed?",
        intent="course_details",
        slots={"last_results": [CREDIT, UNKNOWN], "course_index": [2]},
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    [reply] = dispatcher.messages
    assert reply["response"] == "utter_how_assessed"
    assert reply["lines"].startswith("2. ") and "\n" not in reply["lines"]
