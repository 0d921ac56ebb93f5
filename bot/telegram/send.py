"""Sending rendered messages to a Telegram chat, in order."""

from __future__ import annotations

import datetime as dtm
import logging
from asyncio import sleep
from collections.abc import Awaitable, Callable, Iterable
from functools import partial

from telegram import Chat, Message
from telegram.error import BadRequest, RetryAfter

from bot.telegram.render import Outgoing, PhotoOut, TextOut

logger = logging.getLogger(__name__)

# Telegram's flood control: wait and send again once, if the wait is short enough.
MAX_FLOOD_WAIT_S = 30.0


async def send_all(chat: Chat, messages: Iterable[Outgoing]) -> None:
    """Send each message; a photo Telegram cannot fetch is sent as its link instead."""
    for message in messages:
        if isinstance(message, TextOut):
            await _patiently(
                partial(
                    chat.send_message,
                    message.text,
                    parse_mode=message.parse_mode,
                    reply_markup=message.keyboard,
                )
            )
        else:
            await _send_photo(chat, message)


async def _send_photo(chat: Chat, photo: PhotoOut) -> None:
    try:
        await _patiently(partial(chat.send_photo, photo.url))
    except BadRequest as exc:
        logger.warning("Telegram refused photo %s for chat %s: %s", photo.url, chat.id, exc)
        await _patiently(partial(chat.send_message, photo.url))


async def _patiently(send: Callable[[], Awaitable[Message]]) -> Message:
    try:
        return await send()
    except RetryAfter as exc:
        wait = _seconds(exc.retry_after)
        if wait > MAX_FLOOD_WAIT_S:
            raise
        logger.warning("Telegram flood control: waiting %.0fs before sending again", wait)
        await sleep(wait)
        return await send()


def _seconds(value: int | dtm.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)
