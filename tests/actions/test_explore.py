"""A learner with no subject in mind gets subjects to look at, each with a course."""

from __future__ import annotations

import pytest

from actions.explore import send_exploration, suggest_subjects
from actions.store.search import subject_ids
from tests.actions.conftest import make_tracker, slot_events


@pytest.mark.parametrize(
    ("background", "enjoy", "first"),
    [
        ("15 years in a warehouse", "organising things", "project-management"),
        ("retail", "Helping people", "health-social-care"),
        ("I was a printer", "Working with numbers and data", "data-science-ai"),
    ],
)
def test_background_and_interests_point_to_subjects(background, enjoy, first) -> None:
    subjects = suggest_subjects(background, enjoy)
    assert subjects[0] == first  # what they enjoy leads, where they come from follows
    assert len(subjects) <= 3 and set(subjects) <= set(subject_ids())


def test_where_they_come_from_counts_too() -> None:
    assert "supply-chain" in suggest_subjects("15 years in a warehouse", "organising things")


def test_nothing_to_go_on_gives_no_suggestion() -> None:
    assert suggest_subjects("", "") == []


async def test_exploration_shows_subjects_with_a_course_each_and_an_adviser(
    store, dispatcher, domain
) -> None:
    slots = {"exploring": True, "explore_background": "retail", "explore_enjoy": "Creative work"}
    events = await send_exploration(dispatcher, make_tracker(slots=slots))
    [message] = dispatcher.messages
    assert message["text"].count("for example") == 3
    titles = [b["title"] for b in message["buttons"]]
    assert "Talk to an adviser" in titles and len(titles) == 4
    assert slot_events(events) == {"exploring": False}
