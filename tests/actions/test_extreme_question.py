"""Which course shown is the cheapest, shortest, lightest: answered from the catalogue."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.course_list import ActionCompareCourses
from actions.extreme_question import asked_extreme, extreme_lines
from actions.results import ActionWhichToPick
from actions.search_actions import ActionRecommendCourses
from tests.actions.conftest import (
    course_lists,
    make_recommendation,
    make_tracker,
    slot_events,
    texts,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Which is the shortest one?", "shortest"),
        ("which one is shortest. one word answer", "shortest"),
        ("whats the cheapest one", "cheapest"),
        ("which needs the fewest hours?", "lightest"),
        ("which is the most expensive?", "dearest"),
        ("anything cheaper?", None),  # a refinement, not a question about the list
        ("which is cheapest and shortest?", None),  # two at once: not guessed
        ("save the shortest one", None),
    ],
)
def test_the_question_asked(text: str, kind: str | None) -> None:
    assert asked_extreme(text) == kind


def _course(cid: str, weeks: float | None, cost: float) -> object:
    return make_recommendation(
        id=cid, title=f"Course {cid}", duration_weeks=weeks, price=cost, cost_gbp=cost
    )


def test_the_answer_names_every_course_of_a_tie_and_those_without_the_value() -> None:
    courses = [_course("a", 4, 20), _course("b", 2, 30), _course("c", 2, 10), _course("d", None, 5)]
    lines = extreme_lines("shortest", courses)  # type: ignore[arg-type]
    assert lines is not None
    assert lines[0] == "The shortest (2 tie):"
    assert lines[1].startswith("2. Course b: 2 weeks") and lines[2].startswith("3. Course c:")
    assert "number 4" in lines[-1]


async def test_which_is_shortest_is_answered_over_the_list_shown(store, domain) -> None:
    shown = CollectingDispatcher()
    profile = {"topic": "selenium"}
    events = await ActionRecommendCourses().run(shown, make_tracker(slots=profile), domain)
    slots = {**profile, **slot_events(events)}
    courses = course_lists(shown)[0]["courses"]
    weeks = [c["duration_weeks"] for c in courses if c["duration_weeks"]]
    for action, intent in (
        (ActionWhichToPick(), "which_to_pick"),
        (ActionCompareCourses(), "compare_courses"),
    ):
        dispatcher = CollectingDispatcher()
        tracker = make_tracker("which one is shortest?", intent=intent, slots=slots)
        await action.run(dispatcher, tracker, domain)
        said = texts(dispatcher)
        assert said.startswith("The shortest"), said
        shortest = [c["title"] for c in courses if c["duration_weeks"] == min(weeks)]
        assert all(title in said for title in shortest)
