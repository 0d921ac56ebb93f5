"""The learner's profile as the store reads it from the conversation."""

from __future__ import annotations

from typing import Any

from actions.common import profile_from_tracker, topic_inferred
from tests.actions.conftest import make_tracker


def _user(text: str, *entities: dict[str, Any]) -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"entities": list(entities)}}


def _topic(value: str, confidence: float | None) -> dict[str, Any]:
    found: dict[str, Any] = {"entity": "topic", "value": value}
    if confidence is not None:
        found["confidence"] = confidence
    return found


def test_a_topic_said_in_passing_is_inferred_and_a_named_one_is_not() -> None:
    passing = make_tracker(
        "my manager says",
        slots={"topic": "manager"},
        events=[_user("my manager says", _topic("manager", 0.7))],
    )
    assert topic_inferred(passing, "manager")
    assert profile_from_tracker(passing).topic_inferred
    for confidence in (0.9, None):  # a cue, or a button payload without a confidence
        named = make_tracker(
            "courses on Excel",
            slots={"topic": "Excel"},
            events=[_user("courses on Excel", _topic("Excel", confidence))],
        )
        assert not topic_inferred(named, "Excel")


def test_the_message_that_gave_the_topic_decides_not_a_later_one() -> None:
    events = [
        _user("courses on Excel pivot tables", _topic("Excel pivot tables", 0.9)),
        {"event": "bot", "text": "What is your goal?"},
        _user("for my job in office admin", _topic("office admin", 0.7)),
    ]
    tracker = make_tracker("for my job", slots={"topic": "Excel pivot tables"}, events=events)
    assert not topic_inferred(tracker, "Excel pivot tables")
    assert topic_inferred(tracker, "office admin")
    # A topic from before a restart, or no topic at all, is not inferred.
    restarted = [*events[:1], {"event": "restart"}, _user("hi")]
    assert not topic_inferred(make_tracker("hi", events=restarted), "Excel pivot tables")
    assert not topic_inferred(make_tracker("hi"), None)


def test_an_inferred_topic_is_searched_with_the_words_of_its_own_message() -> None:
    """A later answer ("total maybe 100 dollars ... I use Excel a bit") is no request."""
    first = "My nephew say go do computer helpdesk job, fix laptop, reset password"
    answer = "budget total maybe 100 dollars, I totally beginner, only use Excel a bit"
    events = [
        _user(first, _topic("helpdesk", 0.8)),
        {"event": "bot", "text": "Anything else that matters?"},
        {
            **_user(answer, _topic("Excel", 0.9)),
            "parse_data": {"intent": {"name": "find_course"}, "entities": [_topic("Excel", 0.9)]},
        },
    ]
    tracker = make_tracker(answer, slots={"topic": "helpdesk"}, events=events)
    profile = profile_from_tracker(tracker)
    assert profile.topic_inferred and profile.context == first
    # A named topic keeps the latest request as its context.
    named = make_tracker(answer, slots={"topic": "Excel"}, events=events)
    assert profile_from_tracker(named).context == answer


def test_the_length_says_weeks_hours_a_week_and_hours_in_all(store) -> None:
    from dataclasses import replace

    from actions.common import format_length, store_session
    from actions.store.search import describe, get_course

    with store_session() as session:
        found = get_course(session, "futurelearn-aws-solutions-architect-microcredential")
        assert found is not None
        course = describe(found)
    six_by_two = replace(course, duration_weeks=6.0, hours_per_week=2.0, hours_total=None)
    assert format_length(six_by_two) == "6 weeks, about 2 hours a week, about 12 hours in all"
    stated = replace(six_by_two, hours_total=20.0)  # the catalogue's own total wins
    assert format_length(stated).endswith("about 20 hours in all")
    unknown = replace(course, duration_weeks=None, hours_per_week=None, hours_total=None)
    assert format_length(unknown) == "length not stated"


def test_a_course_is_said_to_match_the_topic_only_when_its_words_do(store) -> None:
    """A course from an earlier list, described after the topic changed ("French"), is not
    said to mention the new topic; a course about it is."""
    from actions.common import explain_courses, store_session
    from actions.store.results import LearnerProfile

    eye = "fl-diabetic-eye-disease-building-capacity-to-prevent-london-school-of-hyg"
    french = "fl-intermediate-french-discovering-worlds-of-french-the-open-university"
    with store_session() as session:
        courses = explain_courses(session, [eye, french], LearnerProfile(topic="French"))
    why = {course.id: course.why for course in courses}
    assert "French" not in why[eye]
    assert "mentions French" in why[french]
