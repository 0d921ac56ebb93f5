"""Chats are handled at the same time, each in order; "typing" lasts as long as Rasa thinks."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from bot.telegram import typing_action
from bot.telegram.chat_locks import ChatLocks
from tests.bot.telegram.conftest import MakeBridge
from tests.bot.telegram.fakes import text_update


def slow_rasa(delays: dict[str, float], events: list[str]) -> httpx.MockTransport:
    async def handler(request: httpx.Request) -> httpx.Response:
        message = json.loads(request.content)["message"]
        events.append(f"start {message}")
        await asyncio.sleep(delays.get(message, 0))
        events.append(f"end {message}")
        return httpx.Response(200, json=[{"text": f"re: {message}"}])

    return httpx.MockTransport(handler)


async def test_one_chat_is_handled_in_order(make_bridge: MakeBridge) -> None:
    events: list[str] = []
    bridge = await make_bridge(transport=slow_rasa({"first": 0.2}, events))
    await asyncio.gather(
        bridge.feed(text_update("first", chat_id=1)), bridge.feed(text_update("second", chat_id=1))
    )
    assert events == ["start first", "end first", "start second", "end second"]
    assert bridge.telegram.texts() == ["re: first", "re: second"]


async def test_different_chats_do_not_wait_for_each_other(make_bridge: MakeBridge) -> None:
    events: list[str] = []
    bridge = await make_bridge(transport=slow_rasa({"slow": 0.2}, events))
    await asyncio.gather(
        bridge.feed(text_update("slow", chat_id=1)), bridge.feed(text_update("fast", chat_id=2))
    )
    assert events == ["start slow", "start fast", "end fast", "end slow"]
    assert bridge.telegram.texts() == ["re: fast", "re: slow"]


async def test_typing_is_refreshed_while_rasa_is_slow(
    make_bridge: MakeBridge, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(typing_action, "REFRESH_S", 0.05)
    bridge = await make_bridge(transport=slow_rasa({"think hard": 0.3}, []))
    bridge.telegram.clear()
    await bridge.feed(text_update("think hard"))
    methods = [call.method for call in bridge.telegram.conversation()]
    assert methods.count("sendChatAction") >= 3
    assert methods[-1] == "sendMessage"
    await asyncio.sleep(0.15)
    assert [call.method for call in bridge.telegram.conversation()] == methods, "typing stopped"


async def test_chat_locks_are_dropped_when_free() -> None:
    locks = ChatLocks()
    async with locks.hold(1):
        assert len(locks) == 1
    assert len(locks) == 0
