"""The time limit on custom actions: a reply instead of a long wait, a log line without text."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import action_timeout
from bot.action_timeout import TIMEOUT_REPLY, run_with_limit, timeout_from_env

SENDER = "web-0123abcd.SIGNATURE"
SECRET_TEXT = "my salary is 28k and my manager is awful"


def tracker(*events: Event) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(SENDER, [UserUttered(SECRET_TEXT), *events])


@pytest.fixture
def installed() -> Iterator[None]:
    yield
    action_timeout.uninstall()


def test_timeout_comes_from_the_environment() -> None:
    assert timeout_from_env({}) == 20.0
    assert timeout_from_env({"ACTION_TIMEOUT": " "}) == 20.0
    assert timeout_from_env({"ACTION_TIMEOUT": "5"}) == 5.0
    assert timeout_from_env({"ACTION_TIMEOUT": "0.5"}) == 0.5


@pytest.mark.parametrize("bad", ["abc", "0", "-3", "inf", "nan", "20s"])
def test_a_bad_timeout_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="ACTION_TIMEOUT"):
        timeout_from_env({"ACTION_TIMEOUT": bad})


async def test_a_quick_action_keeps_its_events() -> None:
    events: list[Event] = [BotUttered(text="Here are 3 courses")]

    async def run() -> list[Event]:
        return events

    assert await run_with_limit(run, "action_search", tracker(), 1.0) == events


async def test_a_slow_action_is_cancelled_and_the_learner_told(
    caplog: pytest.LogCaptureFixture,
) -> None:
    cancelled = asyncio.Event()

    async def run() -> list[Event]:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return []

    caplog.set_level(logging.INFO, logger="bot.action_timeout")
    started = asyncio.get_running_loop().time()
    events = await run_with_limit(run, "action_search", tracker(), 0.05)
    assert asyncio.get_running_loop().time() - started < 5
    assert events == [BotUttered(text=TIMEOUT_REPLY)]
    assert cancelled.is_set()  # the request to the action server is given up
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert "action_search" in record.getMessage()
    assert "web-0123abcd" in record.getMessage()
    assert "SIGNATURE" not in record.getMessage()
    assert SECRET_TEXT not in caplog.text


async def test_later_actions_of_a_timed_out_turn_are_skipped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def run() -> list[Event]:
        raise AssertionError("must not be called")

    timed_out = tracker(ActionExecuted("action_search"), BotUttered(text=TIMEOUT_REPLY))
    caplog.set_level(logging.INFO, logger="bot.action_timeout")
    assert await run_with_limit(run, "action_ask_budget", timed_out, 20) == []
    assert "Skipped action action_ask_budget" in caplog.text


async def test_a_new_message_gets_the_full_time_again() -> None:
    async def run() -> list[Event]:
        return [BotUttered(text="ok")]

    earlier = tracker(BotUttered(text=TIMEOUT_REPLY), UserUttered("try again"))
    assert await run_with_limit(run, "action_search", earlier, 1.0) == [BotUttered(text="ok")]


async def test_install_limits_every_remote_action(
    installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def hung_server(*args: object) -> list[Event]:
        await asyncio.sleep(30)
        return []

    monkeypatch.setattr(action_timeout, "_ORIGINAL_RUN", hung_server)
    action_timeout.install({"ACTION_TIMEOUT": "0.05"})
    assert action_timeout.installed()
    events = await RemoteAction("action_search", None).run(None, None, tracker(), None)  # type: ignore[arg-type]
    assert events == [BotUttered(text=TIMEOUT_REPLY)]
    action_timeout.uninstall()
    assert not action_timeout.installed()
