"""The bridge's handlers against the real Rasa and action servers; only Telegram is faked.

Run with a trained model: ``COURSE_ADVISOR_MODEL=models/course-advisor.tar.gz
.venv/bin/python -m pytest tests/bot/telegram -m slow`` (without it the ``stack`` fixture trains
one first, which takes minutes).
"""

from __future__ import annotations

import time

import pytest

from bot.telegram import texts
from tests.bot.telegram.conftest import Bridge, MakeBridge
from tests.bot.telegram.fakes import button_update, callback_data_of, text_update
from tests.servers import Server

pytestmark = pytest.mark.slow


def new_chat_id() -> int:
    return time.monotonic_ns() % 10**9 + 10**9


async def real_bridge(make_bridge: MakeBridge, stack: dict[str, Server]) -> Bridge:
    bridge = await make_bridge(rasa_url=stack["rasa"].url, timeout_s=60)
    bridge.telegram.clear()
    return bridge


def said(bridge: Bridge) -> str:
    return "\n".join(bridge.telegram.texts())


async def test_greeting_button_and_recommendations(
    make_bridge: MakeBridge, stack: dict[str, Server]
) -> None:
    bridge = await real_bridge(make_bridge, stack)
    chat_id = new_chat_id()

    await bridge.feed(text_update("hi", chat_id=chat_id))
    assert "Course Advisor" in said(bridge)
    keyboards = bridge.telegram.keyboards()
    buttons = {
        button["text"]: button["callback_data"]
        for keyboard in keyboards
        for row in keyboard
        for button in row
    }
    assert "Find a course" in buttons, buttons
    assert all(len(data.encode()) <= 64 for data in callback_data_of(keyboards))

    bridge.telegram.clear()
    await bridge.feed(button_update(buttons["Find a course"], chat_id=chat_id))
    assert bridge.telegram.named("answerCallbackQuery")
    after_button = said(bridge)
    assert after_button and texts.TROUBLE not in after_button
    assert "goal" in after_button.lower(), after_button

    bridge.telegram.clear()
    await bridge.feed(
        text_update("I want to change career into data science, budget £600", chat_id=chat_id)
    )
    cards = [
        call.params
        for call in bridge.telegram.named("sendMessage")
        if call.params.get("parse_mode") == "HTML"
    ]
    assert cards, f"no course cards; the assistant said:\n{said(bridge)}"
    for card in cards:
        title = card["text"].splitlines()[0]
        assert title.startswith("<b>1. ") or title.startswith(("<b>2. ", "<b>3. ")), title
        assert "Price:" in card["text"] and "Credits:" in card["text"]
    assert bridge.telegram.named("sendChatAction")


async def test_forget_command_asks_then_deletes(
    make_bridge: MakeBridge, stack: dict[str, Server]
) -> None:
    bridge = await real_bridge(make_bridge, stack)
    chat_id = new_chat_id()
    await bridge.feed(text_update("/forget", chat_id=chat_id))
    assert "Delete everything I know about you?" in said(bridge), said(bridge)
    buttons = {
        button["text"]: button["callback_data"]
        for keyboard in bridge.telegram.keyboards()
        for row in keyboard
        for button in row
    }
    bridge.telegram.clear()
    await bridge.feed(button_update(buttons["Yes, delete everything"], chat_id=chat_id))
    assert "deleted" in said(bridge).lower(), said(bridge)


async def test_restart_command_is_acknowledged_without_an_apology(
    make_bridge: MakeBridge, stack: dict[str, Server]
) -> None:
    bridge = await real_bridge(make_bridge, stack)
    await bridge.feed(text_update("/restart", chat_id=new_chat_id()))
    assert bridge.telegram.texts(), "a restart is always acknowledged"
    assert "trouble" not in said(bridge).lower(), said(bridge)


def card_buttons(bridge: Bridge) -> list[dict[str, str]]:
    """For each course card sent (in order): its heading and the callback data of its buttons."""
    cards = []
    for call in bridge.telegram.named("sendMessage"):
        if call.params.get("parse_mode") != "HTML":
            continue
        rows = (call.params.get("reply_markup") or {}).get("inline_keyboard") or []
        buttons = {
            b["text"]: b["callback_data"] for row in rows for b in row if "callback_data" in b
        }
        cards.append({"heading": call.params["text"].splitlines()[0], **buttons})
    return cards


async def test_card_buttons_round_trip_through_callback_data(
    make_bridge: MakeBridge, stack: dict[str, Server]
) -> None:
    bridge = await real_bridge(make_bridge, stack)
    chat_id = new_chat_id()
    await bridge.feed(
        text_update("I want to change career into data science, budget £600", chat_id=chat_id)
    )
    cards = card_buttons(bridge)
    assert len(cards) >= 2, f"no course cards; the assistant said:\n{said(bridge)}"
    for card in cards:
        assert {"Tell me more", "Save", "Compare"} <= card.keys(), card
        for data in (card["Tell me more"], card["Save"], card["Compare"]):
            # Carried as they are (no key to forget), within Telegram's 64 bytes.
            assert data.startswith("p:/") and len(data.encode()) <= 64, data
    second_title = cards[1]["heading"].removeprefix("<b>2. ").removesuffix("</b>")

    bridge.telegram.clear()
    await bridge.feed(button_update(cards[1]["Tell me more"], chat_id=chat_id))
    assert bridge.telegram.named("answerCallbackQuery")
    [details] = card_buttons(bridge)
    assert details["heading"] == cards[1]["heading"], "the details card keeps its number"
    assert second_title in said(bridge)
    assert "Tell me more" not in details and details["Save"] == cards[1]["Save"]

    bridge.telegram.clear()
    await bridge.feed(button_update(cards[1]["Save"], chat_id=chat_id))
    assert "Saved 1 course to your shortlist" in said(bridge), said(bridge)

    bridge.telegram.clear()
    await bridge.feed(button_update(cards[1]["Compare"], chat_id=chat_id))
    compared = said(bridge)
    assert compared.startswith("Side by side:"), compared
    assert compared.index(f"2. {second_title}") < compared.index("1. "), compared

    # A newer list replaces this one: a button of the old list does not act on the new one.
    bridge.telegram.clear()
    await bridge.feed(text_update("show my shortlist", chat_id=chat_id))
    assert second_title in said(bridge), said(bridge)
    bridge.telegram.clear()
    await bridge.feed(button_update(cards[0]["Save"], chat_id=chat_id))
    assert "earlier list" in said(bridge), said(bridge)
    assert "Saved" not in said(bridge)
