"""The adviser terminal's channel: course lists come once, as text, never as a JSON dump."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.console import CmdlineInput

from bot.shell_channel import AdviserShellInput, is_card_payload

COURSE_LIST = {"type": "course_list", "courses": [{"id": "c1", "title": "UX Basics"}]}
LIST_TEXT = "Here are 1 course on UX that fit:\n\n1. UX Basics (FutureLearn)"


async def _replies(*bot_messages: dict[str, Any]) -> list[Any]:
    """What the console would read from the stream for one turn sending ``bot_messages``."""

    async def assistant(message: UserMessage) -> None:
        for bot_message in bot_messages:
            await message.output_channel.send_response(message.sender_id, dict(bot_message))

    queue: asyncio.Queue = asyncio.Queue()
    await AdviserShellInput.on_message_wrapper(assistant, "hi", queue, "adviser", "cmdline", None)
    items = []
    while not queue.empty():
        items.append(queue.get_nowait())
    return items


def test_a_course_list_comes_once_as_text() -> None:
    replies = asyncio.run(_replies({"text": LIST_TEXT, "custom": COURSE_LIST}))
    assert replies == [
        {"recipient_id": "adviser", "text": "Here are 1 course on UX that fit:"},
        {"recipient_id": "adviser", "text": "1. UX Basics (FutureLearn)"},
        "DONE",
    ]
    assert not any("custom" in reply for reply in replies if isinstance(reply, dict))


def test_buttons_and_other_custom_payloads_pass_through() -> None:
    buttons = [{"title": "Compare 1 and 2", "payload": "/compare_courses"}]
    other = {"type": "something_else", "x": 1}
    replies = asyncio.run(_replies({"text": "What next?", "buttons": buttons}, {"custom": other}))
    assert replies[0]["buttons"] == buttons
    assert replies[0]["text"] == "What next?"
    assert replies[1]["custom"] == other
    assert replies[-1] == "DONE"


def test_it_is_the_channel_the_console_talks_to() -> None:
    # configure_app starts rasa shell's console only for a channel named "cmdline", and the
    # console posts to /webhooks/rest/webhook.
    channel = AdviserShellInput()
    assert isinstance(channel, CmdlineInput)
    assert channel.name() == "cmdline"
    assert channel.url_prefix() == "rest"


def test_which_payloads_are_cards() -> None:
    assert is_card_payload(COURSE_LIST)
    assert not is_card_payload({"type": "other"})
    assert not is_card_payload(["course_list"])
