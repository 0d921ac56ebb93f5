"""Refinements are verifiably applied: a cheaper list is cheaper, a shorter one shorter."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.refine import requested_refinements
from actions.search_actions import ActionRecommendCourses, ActionRefineSearch
from tests.actions.conftest import course_lists, extracted, make_tracker, slot_events, texts

PROFILE = {"goal": "career_change", "subject": "data-science-ai", "budget": 600.0}
# Every Python course in the catalogue costs the same (a FutureLearn subscription month).
SAME_PRICE = {"goal": "upskill", "topic": "python"}


async def _first_list(domain: dict[str, Any], slots: dict[str, Any]) -> tuple[list, dict]:
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(first, make_tracker(slots=slots), domain)
    return course_lists(first)[0]["courses"], {**slots, **slot_events(events)}


async def _refine(domain: dict[str, Any], text: str, slots: dict[str, Any]) -> CollectingDispatcher:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="refine_search", slots=slots, entities=extracted(text))
    await ActionRefineSearch().run(dispatcher, tracker, domain)
    return dispatcher


def test_refinements_are_read_from_the_entities() -> None:
    tracker = make_tracker("x", entities=[{"entity": "refinement", "value": "shorter"}])
    assert requested_refinements(tracker) == ["shorter"]
    assert requested_refinements(make_tracker("cheaper")) == []


async def test_cheaper_is_cheaper_than_the_dearest_course_shown(store, domain) -> None:
    before, slots = await _first_list(domain, PROFILE)
    dearest = max(c["cost_gbp"] for c in before if c["cost_gbp"] is not None)
    refined = await _refine(domain, "money is tight, anything cheaper?", slots)
    after = course_lists(refined)[0]["courses"]
    assert after
    assert all(c["cost_gbp"] is not None and c["cost_gbp"] < dearest for c in after)
    assert "cheaper than" in texts(refined)


async def test_shorter_is_shorter_than_the_longest_course_shown(store, domain) -> None:
    before, slots = await _first_list(domain, PROFILE)
    longest = max(c["duration_weeks"] for c in before if c["duration_weeks"])
    refined = await _refine(domain, "any shorter ones?", slots)
    lists = course_lists(refined)
    if lists:
        assert all(c["duration_weeks"] < longest for c in lists[0]["courses"])
    else:
        assert "no course" in texts(refined)


async def test_lighter_asks_fewer_hours_a_week_than_the_heaviest_shown(store, domain) -> None:
    before, slots = await _first_list(domain, PROFILE)
    heaviest = max(c["hours_per_week"] for c in before if c["hours_per_week"])
    refined = await _refine(domain, "anything lighter? that's a lot of hours", slots)
    after = course_lists(refined)[0]["courses"]
    assert after
    assert all(c["hours_per_week"] is not None and c["hours_per_week"] < heaviest for c in after)
    hours = [c["hours_per_week"] for c in after]
    assert hours == sorted(hours)  # lightest first
    assert f"under {heaviest:g} hours a week" in texts(refined)


async def test_nothing_cheaper_says_so_and_keeps_the_list(store, domain) -> None:
    before, slots = await _first_list(domain, SAME_PRICE)
    refined = await _refine(domain, "cheaper please", slots)
    assert not course_lists(refined)
    dearest = max(c["cost_gbp"] for c in before)
    assert f"I have no course on python cheaper than £{dearest:,.0f}" in texts(refined)


async def test_cheaper_than_free_offers_other_free_courses(store, domain) -> None:
    before, slots = await _first_list(domain, {"subject": "teaching-education", "budget": 0.0})
    assert all(c["cost_gbp"] == 0 for c in before)
    refined = await _refine(domain, "cheaper please", slots)
    assert "already free" in texts(refined)
    shown = {c["id"] for c in before}
    for payload in course_lists(refined):
        assert all(c["cost_gbp"] == 0 and c["id"] not in shown for c in payload["courses"])


async def test_free_keeps_to_free_courses(store, domain) -> None:
    _before, slots = await _first_list(domain, PROFILE)
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "is there anythng free?",
        intent="refine_search",
        slots=slots,
        entities=extracted("is there anythng free?"),
    )
    events = await ActionRefineSearch().run(dispatcher, tracker, domain)
    assert slot_events(events)["budget"] == 0.0
    for course in (course_lists(dispatcher) or [{"courses": []}])[0]["courses"]:
        assert course["cost_gbp"] == 0 or course["price_model"] == "free"


async def test_an_inform_with_a_refinement_after_a_list_refines_it(store, domain) -> None:
    before, slots = await _first_list(domain, PROFILE)
    dearest = max(c["cost_gbp"] for c in before if c["cost_gbp"] is not None)
    text = "money is tight so as cheap as possible"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="inform", slots=slots, entities=extracted(text))
    await ActionRecommendCourses().run(dispatcher, tracker, domain)
    after = course_lists(dispatcher)[0]["courses"]
    assert all(c["cost_gbp"] is not None and c["cost_gbp"] < dearest for c in after)


async def test_every_list_ends_with_quick_replies(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    await ActionRecommendCourses().run(dispatcher, make_tracker(slots=PROFILE), domain)
    buttons = [b["title"] for m in dispatcher.messages for b in m.get("buttons") or []]
    assert {"More on 1", "Compare", "Save them", "Cheaper", "Shorter", "Start again"} <= set(
        buttons
    )


async def test_a_refinement_with_no_match_leaves_the_wishes_as_they_were(store, domain) -> None:
    _before, slots = await _first_list(domain, {**SAME_PRICE, "budget": 300.0})
    dispatcher = CollectingDispatcher()
    text = "is there anything free"
    tracker = make_tracker(text, intent="refine_search", slots=slots, entities=extracted(text))
    events = await ActionRefineSearch().run(dispatcher, tracker, domain)
    assert "no course on python that is free" in texts(dispatcher)
    assert events == []


async def test_free_if_possible_or_cheap_shows_the_cheapest(store, domain) -> None:
    before, slots = await _first_list(domain, PROFILE)
    dearest = max(c["cost_gbp"] for c in before if c["cost_gbp"] is not None)
    refined = await _refine(domain, "money is tight so free if possible, or really cheap", slots)
    after = course_lists(refined)[0]["courses"]
    assert all(c["cost_gbp"] is not None and c["cost_gbp"] < dearest for c in after)
