"""A learner doubting a "no course on X" gets the same no, not a search of their other words."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.absent_topic_question import doubted_absent_topic
from actions.fallback import ActionAskRephrase
from actions.out_of_scope import ActionOutOfScope
from actions.search_actions import ActionAnswerNo, ActionRecommendCourses
from tests.actions.conftest import course_lists, extracted, make_tracker, slot_events, texts

SWAHILI = {"absent_topic": "Swahili", "last_results": ["c1", "c2", "c3"]}


@pytest.mark.parametrize(
    ("text", "doubted"),
    [
        ("There is no Swahili? The course language and culture, it is not Swahili?", "Swahili"),
        ("so no swahili at all?", "Swahili"),
        ("are you sure there's nothing for Swahili", "Swahili"),
        ("Kiswahili?", None),  # not the word the search had
        ("ok thanks", None),
        ("and the second one, how long is it?", None),
        ("So there's no Swahili at all? What about Makaton?", None),  # a new topic
    ],
)
def test_a_doubt_names_the_absent_topic(text: str, doubted: str | None) -> None:
    tracker = make_tracker(text, slots=SWAHILI, entities=extracted(text))
    assert doubted_absent_topic(tracker) == doubted


def test_without_an_absent_topic_nothing_is_doubted() -> None:
    assert doubted_absent_topic(make_tracker("so no swahili at all?")) is None


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionRecommendCourses, "find_course"),
        (ActionAskRephrase, "nlu_fallback"),
        (ActionAnswerNo, "deny"),
        (ActionOutOfScope, "out_of_scope"),
    ],
)
async def test_the_doubt_gets_the_same_no_without_a_list(store, domain, action, intent) -> None:
    """ "There is no Swahili? The course language and culture, it is not Swahili?" had
    searched "language" and shown three language-and-culture courses without a word on
    Swahili."""
    text = "There is no Swahili? The course language and culture, it is not Swahili?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent=intent, slots=SWAHILI, entities=extracted(text))
    await action().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_topic_still_absent"]
    assert dispatcher.messages[0]["topic"] == "Swahili"
    assert course_lists(dispatcher) == []


async def test_a_search_remembers_what_it_found_no_course_on(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    text = "i want to learn swahili"
    tracker = make_tracker(text, intent="find_course", slots={"topic": "swahili"})
    events = await ActionRecommendCourses().run(dispatcher, tracker, domain)
    assert "I have no course on swahili" in texts(dispatcher)
    assert slot_events(events)["absent_topic"] == "swahili"
    found = make_tracker("python", intent="find_course", slots={"topic": "python"})
    events = await ActionRecommendCourses().run(CollectingDispatcher(), found, domain)
    assert slot_events(events)["absent_topic"] is None
