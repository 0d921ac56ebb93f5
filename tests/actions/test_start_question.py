"""When the courses shown start: the catalogue has no dates, so it says so and where they are."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.course_list import ActionCourseDetails
from actions.fallback import ActionAskRephrase
from actions.start_question import asks_when_it_starts
from tests.actions.conftest import make_tracker

WITH_PAGE = "futurelearn-aws-solutions-architect-microcredential"  # has a course page address
SEARCH_ONLY = "fl-mindfulness-for-wellbeing-and-peak-performance-monash-university"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("how much is it and when does it start", True),
        ("is there an intake in January?", True),
        ("when can I start the second one?", True),
        ("what's the start date", True),
        # Not a question about dates.
        ("I want to start learning Excel", False),
        ("where do I start?", False),
        ("a course to start my own business", False),
    ],
)
def test_what_asks_when_a_course_starts(text: str, asked: bool) -> None:
    assert asks_when_it_starts(text) is asked


def _responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") or m.get("text") or "" for m in dispatcher.messages]


async def test_the_whole_list_gets_where_its_dates_are_and_its_prices(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "how much is it and when does it start",
        intent="course_details",
        slots={"last_results": [WITH_PAGE, SEARCH_ONLY]},
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    said = _responses(dispatcher)
    assert said[0] == "utter_start_dates_unknown"
    lines = dispatcher.messages[0]["lines"].split("\n")
    assert lines[0].startswith("1. AWS Solutions Architect") and "Course page: https://" in lines[0]
    assert len(lines) == 2
    assert "Which course" not in " ".join(said)


async def test_one_course_gets_its_details_then_where_its_dates_are(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "when does the second one start?",
        intent="course_details",
        slots={"last_results": [WITH_PAGE, SEARCH_ONLY], "course_index": [2]},
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    said = _responses(dispatcher)
    assert said[-1] == "utter_start_dates_unknown"
    assert dispatcher.messages[-1]["lines"].startswith("1. Mindfulness")


async def test_an_unsure_start_question_is_answered(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "next intake?", intent="nlu_fallback", slots={"last_results": [WITH_PAGE]}
    )
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert _responses(dispatcher) == ["utter_start_dates_unknown"]
