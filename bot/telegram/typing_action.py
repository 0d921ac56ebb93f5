"""Show "typing…" in a chat while waiting for Rasa."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from telegram import Chat
from telegram.constants import ChatAction
from telegram.error import TelegramError

logger = logging.getLogger(__name__)

# Telegram shows a chat action for about five seconds.
REFRESH_S = 4.5


@contextlib.asynccontextmanager
async def typing(chat: Chat, refresh_s: float | None = None) -> AsyncIterator[None]:
    """Send "typing" now and every ``refresh_s`` seconds until the block ends."""
    await _send_typing(chat)
    task = asyncio.create_task(_keep_typing(chat, refresh_s or REFRESH_S))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _keep_typing(chat: Chat, refresh_s: float) -> None:
    while True:
        await asyncio.sleep(refresh_s)
        await _send_typing(chat)


async def _send_typing(chat: Chat) -> None:
    try:
        await chat.send_chat_action(ChatAction.TYPING)
    except TelegramError as exc:  # only a nicety: never let it stop the reply
        logger.debug("Could not show typing in chat %s: %s", chat.id, exc)
