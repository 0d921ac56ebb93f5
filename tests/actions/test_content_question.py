"""Asked whether a course shown covers something ("does it do nz gst and payroll with
kiwisaver"), the assistant says which of those words each course's catalogue entry
mentions and points at its page; it searches nothing."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.content_question import asked_about
from actions.course_list import ActionCourseDetails
from actions.fallback import ActionAskRephrase
from tests.actions.conftest import course_lists, extracted, make_tracker

XERO = "fl-accounting-with-xero-a-beginners-guide-the-career-academy"
PAYROLL = "fl-other-accounting-functions-payroll-and-banking-kaplan"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("does it do nz gst and payroll with kiwisaver", "nz gst and payroll with kiwisaver"),
        ("Does it teach Connemara Irish?", "Connemara Irish"),
        ("will the first one cover pivot tables? and how much is it", "pivot tables"),
        ("do they teach you about pricing", "pricing"),
        ("Does it have anything on HACCP.", "HACCP"),
        # no question whether a course shown covers something
        ("do you do courses on python?", None),
        ("does it cost much?", None),
        ("is it online?", None),
    ],
)
def test_what_a_question_asks_a_course_to_cover(text: str, asked: str | None) -> None:
    assert asked_about(text) == asked


async def test_a_content_question_says_what_each_entry_mentions(store, domain) -> None:
    text = "does it do nz gst and payroll with kiwisaver"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text,
        intent="nlu_fallback",
        slots={"last_results": [XERO, PAYROLL], "topic": "xero"},
        entities=extracted(text),
    )
    events = await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert course_lists(dispatcher) == []  # nothing searched
    [message] = dispatcher.messages
    assert message["response"] == "utter_content_not_recorded"
    first, second = message["lines"].splitlines()
    assert first.startswith("1. Accounting With Xero") and "nothing on" in first
    assert second.startswith("2. Other Accounting Functions") and "mentions payroll" in second
    assert all("futurelearn" in line.lower() for line in (first, second))  # each one's page
    # the topic of the next search is not changed by the question's words
    assert not any(e.get("name") == "topic" and e.get("value") != "xero" for e in events)


async def test_a_content_question_about_one_course_answers_for_it(store, domain) -> None:
    text = "does the second one cover payroll?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text,
        intent="course_details",
        slots={"last_results": [XERO, PAYROLL], "course_index": [2]},
        entities=extracted(text),
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_content_not_recorded"
    assert message["lines"].startswith("2. Other Accounting Functions")
