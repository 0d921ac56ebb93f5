"""Asked how the courses shown are given (a teacher, other learners, large print, videos,
a phone), the assistant says what the catalogue records (online, blended or in person) and
gives each course's page; it searches nothing."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.course_list import ActionCourseDetails
from actions.fallback import ActionAskRephrase
from actions.format_question import asks_how_given
from actions.search_actions import ActionRecommendCourses
from tests.actions.conftest import course_lists, extracted, make_tracker

SHOWN = [
    "fl-antimicrobial-stewardship-for-africa-bsac",
    "fl-antimicrobial-stewardship-for-the-gulf-middle-east-bsac",
    "fl-antimicrobial-stewardship-in-wound-management-bsac",
]


def _topic(text: str, topic: str) -> list[dict[str, Any]]:
    """The entities of ``text`` with ``topic`` read as its topic (as the bare reading does)."""
    start = text.index(topic)
    entity = {"entity": "topic", "value": topic, "start": start, "end": start + len(topic)}
    return [*extracted(text), {**entity, "confidence": 0.9}]


@pytest.mark.parametrize(
    ("text", "topic", "asked"),
    [
        ("Is there any way to talk with an actual teacher or other students?", "teacher", True),
        ("Are the materials available in large print, or could they be read aloud?", None, True),
        ("are the videos downloadable for offline?", None, True),
        ("is it a live class with a lecturer?", None, True),
        ("can i do it on my phone?", None, True),
        ("videos heavy? can i download for offline?", "videos heavy", True),
        (
            "is there any doctor or counsellor I can ask questions to inside the course?",
            "doctor",
            True,
        ),
        # a search, or no question about how
        ("any courses on video editing?", "video editing", False),
        ("anything on web accessibility?", "web accessibility", False),
        ("I want live classes on python, do you have them?", "python", False),
        ("live classes please", None, False),
        ("Is there a live tutor to practise speaking with?", "tutor", True),
        ("the Bath one is for teachers or for parents?", None, False),
    ],
)
def test_the_question_is_told_from_a_search(text: str, topic: str | None, asked: bool) -> None:
    entities = _topic(text, topic) if topic else extracted(text)
    assert asks_how_given(make_tracker(text, entities=entities)) is asked


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionRecommendCourses, "find_course"),
        (ActionAskRephrase, "nlu_fallback"),
        (ActionCourseDetails, "course_details"),
    ],
)
async def test_the_answer_gives_the_delivery_and_pages(store, domain, action, intent) -> None:
    """ "Is there any way to talk with an actual teacher or other students?" had listed
    three courses on teaching (personas_fresh30)."""
    text = "Is there any way to talk with an actual teacher or other students?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text, intent=intent, slots={"last_results": SHOWN}, entities=_topic(text, "teacher")
    )
    events = await action().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_format_not_recorded"]
    lines = dispatcher.messages[0]["lines"].splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("1. Antimicrobial Stewardship for Africa: online; ")
    assert course_lists(dispatcher) == []
    assert not [e for e in events if e.get("name") == "last_results"]


async def test_without_a_list_nothing_is_answered(store, domain) -> None:
    text = "can i do it on my phone?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="course_details", entities=extracted(text))
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    assert "utter_format_not_recorded" not in [m.get("response") for m in dispatcher.messages]
