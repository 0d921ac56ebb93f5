"""Forget-me and start-again ask first; the answer says exactly what was deleted."""

from __future__ import annotations

from rasa_sdk.events import AllSlotsReset

from actions.privacy import (
    SEARCH_SLOTS,
    ActionConfirmForgetMe,
    ActionConfirmRestart,
    ActionForgetMe,
    ActionRestartSearch,
)
from tests.actions.conftest import make_tracker, slot_events, texts


async def test_forget_me_asks_first_with_yes_and_no(dispatcher, domain) -> None:
    events = await ActionConfirmForgetMe().run(dispatcher, make_tracker("forget me"), domain)
    assert "Delete everything I know about you?" in texts(dispatcher)
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert payloads == ["/affirm", "/deny"]
    assert slot_events(events) == {"confirming": "forget_me"}
    assert events[-1]["event"] == "active_loop" and events[-1]["name"] is None


async def test_confirming_inside_the_form_stops_it(dispatcher, domain) -> None:
    tracker = make_tracker("delete my data", active_loop="learner_profile_form")
    events = await ActionConfirmForgetMe().run(dispatcher, tracker, domain)
    assert events[-1] == {"event": "active_loop", "name": None, "timestamp": None}


async def test_forget_me_lists_what_it_deleted(store, dispatcher, domain) -> None:
    events = await ActionForgetMe().run(dispatcher, make_tracker("yes"), domain)
    reply = texts(dispatcher)
    assert "our conversation" in reply and "0 saved courses" in reply
    assert "0 adviser requests" in reply
    assert events == [AllSlotsReset()]


async def test_start_again_asks_then_clears_the_search_not_the_shortlist(
    dispatcher, domain
) -> None:
    await ActionConfirmRestart().run(dispatcher, make_tracker("start again"), domain)
    assert "Start a new search" in texts(dispatcher)
    slots = {"goal": "upskill", "topic": "python", "last_results": ["a"]}
    events = await ActionRestartSearch().run(dispatcher, make_tracker(slots=slots), domain)
    cleared = slot_events(events)
    assert cleared.pop("confirming") == "none"
    assert set(cleared) == set(SEARCH_SLOTS)
    assert all(value is None for value in cleared.values())
