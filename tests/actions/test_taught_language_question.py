"""Asked which language the courses shown are taught in, the assistant says the catalogue
does not record it and gives each course's page; it searches nothing."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.course_list import ActionCourseDetails
from actions.fallback import ActionAskRephrase
from actions.search_actions import ActionRecommendCourses
from actions.taught_language_question import taught_language_asked
from tests.actions.conftest import course_lists, extracted, make_tracker

SHOWN = [
    "fl-antimicrobial-stewardship-for-africa-bsac",
    "fl-antimicrobial-stewardship-for-the-gulf-middle-east-bsac",
    "fl-antimicrobial-stewardship-in-wound-management-bsac",
]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("are the courses in portuguese?", "Portuguese"),
        ("Is there any discount, or some version in Arabic language?", "Arabic"),
        ("courses given in French only please", None),  # a wish, not a question
        ("Tienen cursos de emprendimiento en español?", None),  # a search
        # the language read as a topic too is no other search
        (
            "The courses are in French or in English? And do they speak about the CNIL and "
            "French rules or only European?",
            "French",
        ),
    ],
)
def test_the_question_is_told_from_a_wish_or_a_search(text: str, language: str | None) -> None:
    tracker = make_tracker(text, entities=extracted(text))
    assert taught_language_asked(tracker) == language


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionRecommendCourses, "find_course"),
        (ActionAskRephrase, "nlu_fallback"),
        (ActionCourseDetails, "course_details"),
    ],
)
async def test_the_answer_lists_the_pages_and_searches_nothing(store, domain, action, intent):
    """ "the courses are in portuguese?" had got three courses on learning Portuguese."""
    text = "the courses are in portuguese?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text, intent=intent, slots={"last_results": SHOWN}, entities=extracted(text)
    )
    await action().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_taught_language_unknown"]
    assert dispatcher.messages[0]["language"] == "Portuguese"
    lines = dispatcher.messages[0]["lines"].splitlines()
    assert len(lines) == 3 and lines[0].startswith("1. Antimicrobial Stewardship for Africa: ")
    assert course_lists(dispatcher) == []


async def test_a_course_named_by_position_is_the_one_answered(store, domain) -> None:
    text = "is the second one taught in Arabic?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text,
        intent="course_details",
        slots={"last_results": SHOWN, "course_index": [2]},
        entities=extracted(text),
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    lines = dispatcher.messages[0]["lines"].splitlines()
    assert len(lines) == 1 and lines[0].startswith("2. Antimicrobial Stewardship for the Gulf")


async def test_without_a_list_it_says_so_and_asks_what_to_learn(store, domain) -> None:
    text = "are your courses available in French?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="find_course", entities=extracted(text))
    await ActionRecommendCourses().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_taught_language_no_list"]
