"""A topic named in a message read as being about a list that is not there is searched."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import ANSWER_ROLE
from actions.course_list import NO_LIST, ActionCompareCourses, ActionCourseDetails
from actions.named_topic import named_topic
from actions.results import ActionWhyRecommended
from actions.shortlist import ActionSaveShortlist, ActionShowShortlist
from tests.actions.conftest import course_lists, make_tracker, slot_events, texts


def _naming(text: str, intent: str, topic: str, role: str | None = ANSWER_ROLE):
    tracker = make_tracker(text, intent=intent)
    tracker.latest_message["entities"] = [{"entity": "topic", "value": topic, "role": role}]
    return tracker


ACTIONS = [
    (ActionCourseDetails, "course_details", "Short course on research ethics?", "research ethics"),
    (ActionCompareCourses, "compare_courses", "compare python courses", "python"),
    (ActionSaveShortlist, "save_shortlist", "remote teamwork course?", "teamwork"),
    (ActionShowShortlist, "show_shortlist", "show me courses on dementia", "dementia"),
    (ActionWhyRecommended, "why_recommended", "why study cyber security?", "cyber security"),
]


@pytest.mark.parametrize(("action", "intent", "text", "topic"), ACTIONS)
async def test_with_nothing_to_act_on_the_named_topic_is_searched(
    store, domain, action, intent: str, text: str, topic: str
) -> None:
    dispatcher = CollectingDispatcher()
    events = await action().run(dispatcher, _naming(text, intent, topic), domain)
    [shown] = course_lists(dispatcher)
    assert shown["courses"]
    slots = slot_events(events)
    assert slots["topic"] == topic
    assert slots["last_results"] == [c["id"] for c in shown["courses"]]
    first = shown["courses"][0]
    assert topic.split()[0].lower()[:5] in (first["title"] + str(first.get("why"))).lower()


@pytest.mark.parametrize(("action", "intent", "text", "topic"), ACTIONS)
async def test_with_nothing_named_the_reply_says_there_is_nothing_yet(
    store, domain, action, intent: str, text: str, topic: str
) -> None:
    dispatcher = CollectingDispatcher()
    events = await action().run(dispatcher, make_tracker("the first one", intent=intent), domain)
    assert not course_lists(dispatcher)
    assert "topic" not in slot_events(events)
    assert texts(dispatcher)


async def test_details_with_no_list_and_no_topic_say_no_list(store, dispatcher, domain) -> None:
    await ActionCourseDetails().run(
        dispatcher, make_tracker("number 2", intent="course_details"), domain
    )
    assert texts(dispatcher) == NO_LIST


def test_a_kept_aside_topic_counts_only_when_asked_for() -> None:
    tracker = _naming("remote teamwork course?", "save_shortlist", "teamwork")
    assert named_topic(tracker) is None
    assert named_topic(tracker, kept=True) == "teamwork"
    said = _naming("how to keep bees", "out_of_scope", "beekeeping", role=None)
    assert named_topic(said) == named_topic(said, kept=True) == "beekeeping"


async def test_a_question_about_the_list_asking_for_another_topic_searches_it(
    store, domain
) -> None:
    """ "also is there one about SQL?" after a list on Excel (read as course_details) had
    shown the details of an Excel course; it asks for other courses."""
    from actions.search_actions import ActionRecommendCourses
    from tests.actions.conftest import extracted

    profile = {"subject": "computing-it", "topic": "excel pivot tables", "goal": "upskill"}
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(first, make_tracker(slots=profile), domain)
    slots = {**profile, **slot_events(events)}
    text = "also is there one about SQL?"
    tracker = make_tracker(text, intent="course_details", slots=slots, entities=extracted(text))
    dispatcher = CollectingDispatcher()
    events = await ActionCourseDetails().run(dispatcher, tracker, domain)
    [shown] = course_lists(dispatcher)
    assert all("sql" in course["title"].lower() for course in shown["courses"][:2])
    assert slot_events(events)["topic"] == "SQL"
    # a topic a listed course is titled with is a question about that course
    text = "is there one about pivot tables?"
    tracker = make_tracker(text, intent="course_details", slots=slots, entities=extracted(text))
    dispatcher = CollectingDispatcher()
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    assert "Pivot Tables" in texts(dispatcher).split("\n")[0]
