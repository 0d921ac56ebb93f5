"""The course the conversation is on: the latest turn with course cards decides."""

from __future__ import annotations

from typing import Any

from actions.focus import course_in_focus, points_at_one
from tests.actions.conftest import make_tracker


def _user(text: str) -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {}}


def _cards(*ids: str) -> dict[str, Any]:
    courses = [{"id": cid} for cid in ids]
    return {
        "event": "bot",
        "text": "",
        "data": {"custom": {"type": "course_list", "courses": courses}},
    }


def _text(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text, "data": {}}


def test_the_course_shown_on_its_own_is_in_focus() -> None:
    events = [_user("tell me about the Exeter one"), _cards("exeter"), _user("save it pls")]
    assert course_in_focus(make_tracker("save it pls", events=events)) == "exeter"


def test_a_turn_without_cards_keeps_the_focus() -> None:
    # the price in another currency came between: still the Exeter course
    events = [
        _user("tell me about the Exeter one"),
        _cards("exeter"),
        _user("in CAD how much would it be"),
        _text("Sorry, I have no exchange rate for cad"),
        _user("save it pls"),
    ]
    assert course_in_focus(make_tracker("save it pls", events=events)) == "exeter"


def test_a_list_shown_since_leaves_no_single_course_in_focus() -> None:
    events = [
        _user("tell me about the Exeter one"),
        _cards("exeter"),
        _user("anything cheaper?"),
        _cards("a", "b", "c"),
        _user("save that one"),
    ]
    assert course_in_focus(make_tracker("save that one", events=events)) is None


def test_a_new_session_forgets_the_focus() -> None:
    events = [_cards("exeter"), {"event": "session_started"}, _user("save it")]
    assert course_in_focus(make_tracker("save it", events=events)) is None


def test_pointing_at_one_course() -> None:
    assert points_at_one("save it pls")
    assert points_at_one("tell me more about that one")
    assert not points_at_one("save them all")
