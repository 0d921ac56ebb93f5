"""``rasa shell``'s terminal channel, without the card payloads a terminal cannot draw.

``rasa shell`` does not go through ``credentials.yml``: it always talks to Rasa's own
``cmdline`` channel (:class:`rasa.core.channels.console.CmdlineInput`, a plain REST channel),
and its console prints every ``custom`` payload as a raw ``Custom json:`` dump. The terminal
never declares that it renders course cards, so the assistant already sends each course list
as numbered text as well; the ``course_list`` payload would only repeat it as JSON.

``scripts/shell.sh`` runs ``rasa run --connector bot.shell_channel.AdviserShellInput``: the
same console (the channel is still named ``cmdline``), with ``course_list`` payloads left out.
Other custom payloads, texts, buttons and images are passed on unchanged. The console, which
runs in the same process, shows buttons by their titles and sends their payloads
(:mod:`bot.shell_console`, installed when the channel is built).
"""

from __future__ import annotations

from asyncio import Queue
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.console import CmdlineInput
from rasa.core.channels.rest import QueueOutputChannel

from bot import shell_console

CARD_PAYLOAD_TYPES = frozenset({"course_list"})


def is_card_payload(json_message: Any) -> bool:
    """Whether a ``custom`` payload is one a text-only client gets as text anyway."""
    return isinstance(json_message, dict) and json_message.get("type") in CARD_PAYLOAD_TYPES


class TerminalOutputChannel(QueueOutputChannel):
    """Rasa's streaming output channel minus card payloads."""

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        if is_card_payload(json_message):
            return
        await super().send_custom_json(recipient_id, json_message, **kwargs)


class AdviserShellInput(CmdlineInput):
    """The ``cmdline`` channel that ``rasa shell``'s console posts to, with cards left out."""

    def __init__(self) -> None:
        super().__init__()
        # rasa run starts the console in this process for a channel named "cmdline".
        shell_console.install()

    @staticmethod
    async def on_message_wrapper(
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        queue: Queue,
        sender_id: str,
        input_channel: str,
        metadata: dict[str, Any] | None,
    ) -> None:
        collector = TerminalOutputChannel(queue)
        message = UserMessage(
            text, collector, sender_id, input_channel=input_channel, metadata=metadata
        )
        await on_new_message(message)
        await queue.put("DONE")
