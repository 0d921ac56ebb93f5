"""Course card buttons: payloads, positions, and a button of an earlier list never acting on
a course of the new one."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.card_actions import (
    EARLIER_LIST,
    card_actions,
    from_earlier_list,
    list_fingerprint,
    position_payload,
    which_one_buttons,
)
from actions.course_list import ActionCompareCourses, ActionCourseDetails
from actions.search_actions import ActionRecommendCourses
from actions.shortlist import ActionSaveShortlist, ActionShowShortlist
from tests.actions.conftest import course_lists, make_tracker, slot_events, texts

PROFILE = {"goal": "upskill", "subject": "marketing"}
LONGEST_IDS = [f"fl-{'x' * 74}-{n}" for n in range(40)]


def _entities(payload: str) -> dict[str, Any]:
    """What Rasa reads from a ``/intent{...}`` payload."""
    parsed: dict[str, Any] = json.loads(payload[payload.index("{") :])
    return parsed


def _intent(payload: str) -> str:
    return payload[1 : payload.index("{")]


def press(button: dict[str, str], slots: dict[str, Any], sender_id: str = "learner-1"):
    """The tracker the action server gets when the learner presses ``button``."""
    payload = button["payload"]
    return make_tracker(
        payload,
        intent=_intent(payload),
        slots={**slots, **_entities(payload)},
        sender_id=sender_id,
    )


def test_a_list_is_named_by_its_ids_in_order() -> None:
    assert list_fingerprint(["a", "b"]) == list_fingerprint(["a", "b"])
    assert list_fingerprint(["a", "b"]) != list_fingerprint(["b", "a"])
    assert list_fingerprint(["a", "b"]).startswith("#")


def test_card_buttons_use_the_quick_replies_payload_forms() -> None:
    ids = ["a", "b", "c"]
    mark = list_fingerprint(ids)
    assert card_actions(2, ids) == [
        {
            "kind": "details",
            "title": "Tell me more",
            "payload": f'/course_details{{"course_index":[2,"{mark}"]}}',
        },
        {
            "kind": "save",
            "title": "Save",
            "payload": f'/save_shortlist{{"course_index":[2,"{mark}"]}}',
        },
        {
            "kind": "compare",
            "title": "Compare",
            "payload": f'/compare_courses{{"course_index":[2,"{mark}"]}}',
        },
    ]


def test_a_one_course_list_has_nothing_to_compare_with() -> None:
    assert [a["kind"] for a in card_actions(1, ["a"])] == ["details", "save"]
    assert [a["kind"] for a in card_actions(1, ["a", "b"], skip=("details",))] == [
        "save",
        "compare",
    ]


@pytest.mark.parametrize("intent", ["course_details", "save_shortlist", "compare_courses"])
def test_payloads_fit_telegram_callback_data_as_they_are(intent: str) -> None:
    # 64 bytes, less the bridge's 2-byte prefix; ids do not make a payload longer.
    payload = position_payload(intent, len(LONGEST_IDS), LONGEST_IDS)
    assert len(payload.encode()) <= 62, payload


def test_a_button_of_another_list_is_recognised() -> None:
    old, new = ["a", "b"], ["c", "d"]
    tracker = make_tracker(slots={"course_index": [2, list_fingerprint(old)]})
    assert from_earlier_list(tracker, new)
    assert not from_earlier_list(tracker, old)
    # Typed references ("the second one") carry no fingerprint.
    assert not from_earlier_list(make_tracker(slots={"course_index": [2]}), new)


def test_which_one_buttons_name_the_list() -> None:
    buttons = which_one_buttons(["a", "b"], "course_details")
    assert [b["title"] for b in buttons] == ["Course 1", "Course 2"]
    assert list_fingerprint(["a", "b"]) in buttons[1]["payload"]


async def _shown(domain, sender_id: str = "learner-1") -> tuple[dict[str, Any], list[dict]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=PROFILE, sender_id=sender_id)
    events = await ActionRecommendCourses().run(dispatcher, tracker, domain)
    return {**PROFILE, **slot_events(events)}, course_lists(dispatcher)[0]["courses"]


def _button(card: dict[str, Any], kind: str) -> dict[str, str]:
    [button] = [a for a in card["actions"] if a["kind"] == kind]
    return button


async def test_every_card_of_a_list_has_its_position_and_buttons(store, domain) -> None:
    _slots, cards = await _shown(domain)
    assert [c["position"] for c in cards] == list(range(1, len(cards) + 1))
    for card in cards:
        assert [a["title"] for a in card["actions"]] == ["Tell me more", "Save", "Compare"]
        assert card["credential_label"] and card["level_label"]


async def test_tell_me_more_on_a_card_shows_that_course(store, dispatcher, domain) -> None:
    slots, cards = await _shown(domain)
    await ActionCourseDetails().run(dispatcher, press(_button(cards[2], "details"), slots), domain)
    assert cards[2]["title"] in texts(dispatcher)
    [details] = course_lists(dispatcher)
    [card] = details["courses"]
    # The details card keeps its place in the list and its Save / Compare buttons.
    assert card["position"] == 3
    assert [a["kind"] for a in card["actions"]] == ["save", "compare"]
    assert _button(card, "save")["payload"] == _button(cards[2], "save")["payload"]


async def test_save_on_a_card_saves_only_that_course(store, domain) -> None:
    slots, cards = await _shown(domain, "dana")
    saved = CollectingDispatcher()
    tracker = press(_button(cards[1], "save"), slots, sender_id="dana")
    await ActionSaveShortlist().run(saved, tracker, domain)
    assert "Saved 1 course" in texts(saved)
    shown = CollectingDispatcher()
    await ActionShowShortlist().run(shown, make_tracker(sender_id="dana"), domain)
    assert [c["id"] for c in course_lists(shown)[0]["courses"]] == [cards[1]["id"]]


async def test_compare_on_a_card_compares_it_with_the_others(store, dispatcher, domain) -> None:
    slots, cards = await _shown(domain)
    await ActionCompareCourses().run(dispatcher, press(_button(cards[1], "compare"), slots), domain)
    text = texts(dispatcher)
    assert text.startswith("Side by side:")
    assert text.index(f"2. {cards[1]['title']}") < text.index(f"1. {cards[0]['title']}")
    assert f"3. {cards[2]['title']}" in text


@pytest.mark.parametrize(
    ("kind", "action"),
    [
        ("details", ActionCourseDetails),
        ("save", ActionSaveShortlist),
        ("compare", ActionCompareCourses),
    ],
)
async def test_a_button_of_an_earlier_list_asks_which_course(
    store, dispatcher, domain, kind, action
) -> None:
    slots, cards = await _shown(domain, "erin")
    newer = {**slots, "last_results": list(reversed(slots["last_results"]))}
    tracker = press(_button(cards[0], kind), newer, sender_id="erin")
    events = await action().run(dispatcher, tracker, domain)
    assert texts(dispatcher) == EARLIER_LIST
    buttons = dispatcher.messages[0]["buttons"]
    assert len(buttons) == len(newer["last_results"])
    assert list_fingerprint(newer["last_results"]) in buttons[0]["payload"]
    assert slot_events(events)["course_index"] is None
    assert "Saved" not in texts(dispatcher)
