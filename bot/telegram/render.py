"""Rasa's REST replies as Telegram messages to send (no sending here, and no business logic).

Each Rasa message may carry ``text``, ``buttons`` ([{title, payload}]), ``image`` and ``custom``.
Text is split to Telegram's size limit with the buttons, as an inline keyboard, under its last
part; a ``custom`` payload of type ``course_list`` becomes one card per course; an image becomes
a photo. Anything else is logged and skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode

from bot.telegram.callback_data import CallbackPayloads
from bot.telegram.cards import course_card, web_url
from bot.telegram.split import split_text

logger = logging.getLogger(__name__)

BUTTONS_ONLY_TEXT = "Please choose:"
COURSE_PAGE = "Course page"


@dataclass(frozen=True)
class TextOut:
    """A text message, optionally in HTML and with an inline keyboard."""

    text: str
    parse_mode: str | None = None
    keyboard: InlineKeyboardMarkup | None = None


@dataclass(frozen=True)
class PhotoOut:
    """A photo sent by URL."""

    url: str


Outgoing = TextOut | PhotoOut


def render_replies(
    replies: Iterable[Mapping[str, Any]], callbacks: CallbackPayloads
) -> list[Outgoing]:
    """Everything to send for one batch of Rasa replies, in order."""
    out: list[Outgoing] = []
    for reply in replies:
        out += render_reply(reply, callbacks)
    return out


def render_reply(reply: Mapping[str, Any], callbacks: CallbackPayloads) -> list[Outgoing]:
    """The messages for one Rasa message."""
    out: list[Outgoing] = []
    keyboard = _keyboard(reply.get("buttons"), callbacks)
    text = reply.get("text")
    parts = split_text(text) if isinstance(text, str) else []
    if keyboard is not None and not parts:
        parts = [BUTTONS_ONLY_TEXT]
    for index, part in enumerate(parts, start=1):
        out.append(TextOut(part, keyboard=keyboard if index == len(parts) else None))
    custom = reply.get("custom")
    if custom is not None:
        out += _custom(custom)
    image = reply.get("image")
    if image is not None:
        url = web_url(image)
        if url:
            out.append(PhotoOut(url))
        else:
            logger.warning("Skipped an image that is not an http(s) URL: %.100r", image)
    return out


def _keyboard(buttons: Any, callbacks: CallbackPayloads) -> InlineKeyboardMarkup | None:
    if not isinstance(buttons, Sequence) or isinstance(buttons, str):
        return None
    rows: list[list[InlineKeyboardButton]] = []
    for button in buttons:
        made = _button(button, callbacks) if isinstance(button, Mapping) else None
        if made is not None:
            rows.append([made])
    return InlineKeyboardMarkup(rows) if rows else None


def _button(button: Mapping[str, Any], callbacks: CallbackPayloads) -> InlineKeyboardButton | None:
    payload = button.get("payload")
    title = str(button.get("title") or payload or "").strip()
    url = web_url(button.get("url")) or web_url(payload)
    if title and url:
        return InlineKeyboardButton(title, url=url)
    if not title or not isinstance(payload, str) or not payload.strip():
        logger.warning("Skipped a button without a title or payload: %.200r", button)
        return None
    return InlineKeyboardButton(title, callback_data=callbacks.data_for(payload))


def _custom(custom: Any) -> list[Outgoing]:
    if isinstance(custom, Mapping) and custom.get("type") == "course_list":
        courses = custom.get("courses")
        if isinstance(courses, Sequence) and not isinstance(courses, str):
            return [
                _card(course, position)
                for position, course in enumerate(courses, start=1)
                if isinstance(course, Mapping)
            ]
    kind = custom.get("type") if isinstance(custom, Mapping) else type(custom).__name__
    logger.info("Skipped a custom payload Telegram does not show: %s", kind)
    return []


def _card(course: Mapping[str, Any], position: int) -> TextOut:
    card = course_card(course, position)
    keyboard = None
    if card.url:
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(COURSE_PAGE, url=card.url)]])
    return TextOut(card.html, parse_mode=ParseMode.HTML, keyboard=keyboard)
