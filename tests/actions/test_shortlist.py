"""Saving to the shortlist: a question about saving money saves nothing."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.search_actions import ActionRecommendCourses
from actions.shortlist import ActionSaveShortlist, ActionShowShortlist, asks_about_saving_money
from tests.actions.conftest import course_lists, make_tracker, slot_events, texts

PROFILE = {"goal": "upskill", "subject": "marketing"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok and could I do both in the same month to save money", True),
        ("is there a way to save time?", True),
        ("save them", False),
        ("can you save them both for me thank you", False),
        ("save money", False),  # no question: read as the learner wrote it
    ],
)
def test_asks_about_saving_money(text: str, expected: bool) -> None:
    assert asks_about_saving_money(text) is expected


async def test_a_question_about_saving_money_saves_no_course(store, dispatcher, domain) -> None:
    """ "could I do both in the same month to save money", read as save_shortlist, had
    saved the whole list. It is answered with what the catalogue records instead."""
    shown = CollectingDispatcher()
    events = await ActionRecommendCourses().run(shown, make_tracker(slots=PROFILE), domain)
    slots = {**PROFILE, **slot_events(events)}
    titles = [c["title"] for c in course_lists(shown)[0]["courses"]]
    tracker = make_tracker(
        "ok and could I do both in the same month to save money",
        intent="save_shortlist",
        slots=slots,
    )
    await ActionSaveShortlist().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_question_not_recorded"
    assert message["lines"].startswith(f"1. {titles[0]}: ")
    listed = CollectingDispatcher()
    await ActionShowShortlist().run(listed, make_tracker(), domain)
    assert "Your shortlist is empty" in texts(listed)
