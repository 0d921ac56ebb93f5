"""Courses side by side: a table payload for clients that draw it, text for the others."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.common import format_price
from actions.comparison import cheapest_line, compare_payload, compare_text, table_text
from actions.course_list import ActionCompareCourses
from actions.search_actions import ActionRecommendCourses
from tests.actions.conftest import make_recommendation, make_tracker, slot_events

PROFILE = {"goal": "upskill", "subject": "marketing"}
PAID = make_recommendation(id="paid", title="Paid Course", cost_gbp=120.0)
FREE = make_recommendation(
    id="free",
    title="Free Course",
    price=0.0,
    price_model="free",
    cost_gbp=0.0,
    credential_type="short-course",
    level=None,
    duration_weeks=None,
)


def test_the_text_names_every_course_with_its_position_and_the_cheapest() -> None:
    text = compare_text([PAID, FREE], [2, 3])
    assert text.startswith("Side by side:")
    assert "2. Paid Course" in text and "3. Free Course" in text
    assert "Type: ExpertTrack" in text and "Type: Short course" in text
    assert "Level: Not stated" in text and "Length: not stated" in text
    assert "Price: free" in text
    assert text.endswith("Cheapest overall: Free Course (free).")
    assert "experttrack" not in text and " x 1 month" not in text


def test_the_text_with_the_table_is_short() -> None:
    assert table_text([PAID, FREE]) == (
        "Here they are side by side. Cheapest overall: Free Course (free)."
    )
    unpriced = make_recommendation(cost_gbp=None)
    assert table_text([unpriced, unpriced]) == "Here they are side by side."
    assert cheapest_line([PAID]) == "Cheapest overall: Paid Course (about £120)."


def test_the_payload_holds_cards_with_positions_and_the_cheapest() -> None:
    payload = compare_payload([FREE, PAID], ["x", "paid", "free"])
    assert payload["type"] == "course_compare"
    assert [c["position"] for c in payload["courses"]] == [3, 2]
    assert payload["cheapest"] == 3
    assert [c["credential_label"] for c in payload["courses"]] == ["Short course", "ExpertTrack"]
    # In the table, each course can still be opened or saved, not compared again.
    assert [a["kind"] for a in payload["courses"][0]["actions"]] == ["details", "save"]


def test_a_zero_price_is_free_whatever_its_price_model() -> None:
    assert format_price(make_recommendation(price=0.0, price_model="one-off")) == "free"


async def _compare(domain, renders: list[str] | None) -> list[dict[str, Any]]:
    shown = CollectingDispatcher()
    events = await ActionRecommendCourses().run(shown, make_tracker(slots=PROFILE), domain)
    slots = {**PROFILE, **slot_events(events), "course_index": [1, 2]}
    user = {"event": "user", "text": "compare 1 and 2"}
    if renders is not None:
        user["metadata"] = {"renders": renders}
    tracker = make_tracker("compare 1 and 2", intent="compare_courses", slots=slots, events=[user])
    dispatcher = CollectingDispatcher()
    await ActionCompareCourses().run(dispatcher, tracker, domain)
    return dispatcher.messages


async def test_a_client_that_draws_the_table_gets_it_with_a_short_text(store, domain) -> None:
    [message] = await _compare(domain, ["course_list", "course_compare"])
    assert message["custom"]["type"] == "course_compare"
    assert [c["position"] for c in message["custom"]["courses"]] == [1, 2]
    assert message["text"].startswith("Here they are side by side.")


async def test_other_clients_get_the_comparison_as_text_only(store, domain) -> None:
    for renders in (None, ["course_list"]):
        [message] = await _compare(domain, renders)
        assert not message.get("custom")
        assert message["text"].startswith("Side by side:")
