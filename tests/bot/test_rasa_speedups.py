"""The hot-spot fixes give exactly Rasa's answers: same validity, same errors, same classes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core import events as rasa_events
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

from bot import rasa_speedups

VALID_REPLIES: list[dict[str, Any]] = [
    {"events": [], "responses": []},
    {},
    {
        "events": [
            {"event": "slot", "name": "goal", "value": "upskill", "timestamp": None},
            {"event": "active_loop", "name": None},
            {"event": "followup", "name": "action_listen"},
        ],
        "responses": [{"text": "Hi", "buttons": [{"title": "a", "payload": "/b"}]}],
    },
]
INVALID_REPLIES: list[Any] = [
    {"events": "not a list"},
    {"events": [{"event": "slot"}]},
    {"events": [{"event": "no_such_event", "name": "x"}]},
    {"responses": "hello"},
    {"responses": ["hello"]},
    ["not", "an", "object"],
]


@pytest.fixture
def speedups() -> Iterator[None]:
    rasa_speedups.install()
    yield
    rasa_speedups.uninstall()


def rasa_check(result: Any) -> str | None:
    """Rasa's own check: None when valid, else the error message."""
    rasa_speedups.uninstall()
    try:
        RemoteAction("action_x", None)._validate_action_result(result)
        return None
    except jsonschema.ValidationError as error:
        return error.message


@pytest.mark.parametrize("reply", VALID_REPLIES)
def test_valid_replies_pass_as_with_rasa(reply: dict[str, Any]) -> None:
    assert rasa_check(reply) is None
    assert rasa_speedups.validate_action_result(reply) is True


@pytest.mark.parametrize("reply", INVALID_REPLIES)
def test_invalid_replies_raise_rasas_error(reply: Any) -> None:
    expected = rasa_check(reply)
    assert expected is not None
    with pytest.raises(jsonschema.ValidationError) as caught:
        rasa_speedups.validate_action_result(reply)
    assert caught.value.message == expected
    assert "Failed to validate Action server response" in caught.value.message


def test_installed_check_is_used_by_remote_actions(speedups: None) -> None:
    assert rasa_speedups.installed()
    action = RemoteAction("action_x", None)
    assert action._validate_action_result(VALID_REPLIES[2]) is True
    with pytest.raises(jsonschema.ValidationError):
        action._validate_action_result(INVALID_REPLIES[1])


def test_every_event_type_resolves_to_rasas_class(speedups: None) -> None:
    names = {cls.type_name for cls in all_subclasses(Event)}
    assert {"user", "bot", "slot", "action", "session_started"} <= names
    for name in names:
        expected = rasa_speedups._ORIGINAL_RESOLVE(name)
        assert rasa_speedups.resolve_event_type(name) is expected
        assert Event.resolve_by_type(name) is expected  # the installed one
        assert Event.resolve_by_type(name) is expected  # remembered


def test_unknown_event_types_behave_as_in_rasa(speedups: None) -> None:
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        Event.resolve_by_type("no_such_event")
    assert Event.resolve_by_type("no_such_event", rasa_events.SlotSet) is rasa_events.SlotSet
    assert Event.resolve_by_type("topic") is None
    assert "no_such_event" not in rasa_speedups._EVENT_TYPES


def test_events_deserialise_the_same(speedups: None) -> None:
    raw = [
        {"event": "user", "text": "hi", "parse_data": {"intent": {"name": "greet"}}},
        {"event": "slot", "name": "goal", "value": "upskill"},
        {"event": "bot", "text": "Hello"},
        {"event": "action", "name": "action_listen"},
    ]
    fast = rasa_events.deserialise_events(raw)
    rasa_speedups.uninstall()
    assert rasa_events.deserialise_events(raw) == fast


def test_install_is_idempotent_and_uninstall_restores() -> None:
    rasa_speedups.install()
    rasa_speedups.install()
    assert rasa_speedups.installed()
    rasa_speedups.uninstall()
    assert not rasa_speedups.installed()
    assert Event.resolve_by_type is rasa_speedups._ORIGINAL_RESOLVE
