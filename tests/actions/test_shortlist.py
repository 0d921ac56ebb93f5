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
        ("Ok. Can I do two course in same time for save the money of monthly?", True),
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
    # ... also with no word pointing at the list (personas_fresh27: all three had been saved)
    unpointed = make_tracker(
        "Ok. Can I do two course in same time for save the money of monthly?",
        intent="save_shortlist",
        slots=slots,
    )
    asked = CollectingDispatcher()
    await ActionSaveShortlist().run(asked, unpointed, domain)
    assert [m["response"] for m in asked.messages] == ["utter_question_not_recorded"]
    await ActionShowShortlist().run(listed, make_tracker(), domain)
    assert "Your shortlist is empty" in texts(listed)


PIVOT = "fl-how-to-use-pivot-tables-to-analyse-data-in-excel-the-excel-club"
DASHBOARDS = [
    "fl-design-and-create-custom-dashboards-in-excel-the-excel-club",
    "fl-data-visualisation-data-dashboards-and-storytellin-futurelearn",
    "fl-digital-marketing-analytics-and-measurement-report-the-open-university",
]


async def test_a_course_named_by_a_word_of_its_title_in_another_form_is_saved(
    store, dispatcher, domain
) -> None:
    """ "save the pivot one and the dashboard one" after three courses on "Dashboards" (the
    pivot one from an earlier list): the dashboard one had been said not to be in the list."""
    tracker = make_tracker(
        "OK please save the pivot one and the dashboard one for me.",
        intent="save_shortlist",
        slots={"last_results": DASHBOARDS, "seen_ids": [PIVOT, *DASHBOARDS]},
    )
    await ActionSaveShortlist().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert "Saved 2 courses" in said and "isn't in my last list" not in said
    assert "Pivot Tables" in said and "Custom Dashboards in Excel" in said


async def test_a_name_is_not_matched_to_a_provider_by_its_stem(store, dispatcher, domain) -> None:
    """ "the universe one" is not the University of York's course ("univers" to the
    stemmer), nor "the sport psychology one" a sports coaching one: said not to be in the
    list."""
    york = "fl-frontier-physics-future-technologies-university-of-york"
    tracker = make_tracker(
        "Please keep a note of the universe one for me.",
        intent="save_shortlist",
        slots={"last_results": [york, DASHBOARDS[0]]},
    )
    await ActionSaveShortlist().run(dispatcher, tracker, domain)
    assert 'the "universe" one' in texts(dispatcher)
    sports = make_tracker(
        "save the sport psychology one",
        intent="save_shortlist",
        slots={
            "last_results": [
                "fl-sports-performance-different-approaches-to-sports-the-open-university"
            ]
        },
    )
    other = CollectingDispatcher()
    await ActionSaveShortlist().run(other, sports, domain)
    assert 'the "sport psychology" one' in texts(other)


async def test_a_request_to_email_the_list_saves_it_and_says_nothing_is_sent(
    store, dispatcher, domain
) -> None:
    """ "can u email the list to my mum shes the one paying" had saved one course and said
    nothing about the email."""
    shown = CollectingDispatcher()
    events = await ActionRecommendCourses().run(shown, make_tracker(slots=PROFILE), domain)
    slots = {**PROFILE, **slot_events(events)}
    text = "can u email the list to my mum shes the one paying"
    await ActionSaveShortlist().run(
        dispatcher, make_tracker(text, intent="save_shortlist", slots=slots), domain
    )
    assert texts(dispatcher).startswith("Saved 3 courses")
    assert dispatcher.messages[-1]["response"] == "utter_cannot_send"
