"""Rasa's REST replies as Telegram messages to send (no sending here, and no business logic).

Each Rasa message may carry ``text``, ``buttons`` ([{title, payload}]), ``image`` and ``custom``.
Text is split to Telegram's size limit with the buttons, as an inline keyboard, under its last
part; a ``custom`` payload of type ``course_list`` becomes one card per course, with the card's
buttons from Rasa ("Tell me more", "Save", "Compare") as an inline keyboard; an image becomes a
photo. Anything else is logged and skipped (a ``course_compare`` table: Rasa sends Telegram the
comparison as text).
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
        out += _custom(custom, callbacks)
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


def _custom(custom: Any, callbacks: CallbackPayloads) -> list[Outgoing]:
    if isinstance(custom, Mapping) and custom.get("type") == "course_list":
        courses = custom.get("courses")
        if isinstance(courses, Sequence) and not isinstance(courses, str):
            return [
                _card(course, _position(course, index), callbacks)
                for index, course in enumerate(courses, start=1)
                if isinstance(course, Mapping)
            ]
    kind = custom.get("type") if isinstance(custom, Mapping) else type(custom).__name__
    logger.info("Skipped a custom payload Telegram does not show: %s", kind)
    return []


def _position(course: Mapping[str, Any], index: int) -> int:
    """The course's place in the last list, as Rasa numbered it (a course's details card is
    not always number 1), else its place in this payload."""
    position = course.get("position")
    return position if isinstance(position, int) and position > 0 else index


def _card(course: Mapping[str, Any], position: int, callbacks: CallbackPayloads) -> TextOut:
    """A card with its buttons ("Tell me more", "Save", "Compare") in one row, then its
    course page link."""
    card = course_card(course, position)
    rows: list[list[InlineKeyboardButton]] = []
    actions = course.get("actions")
    if isinstance(actions, Sequence) and not isinstance(actions, str):
        titled = [a for a in actions if isinstance(a, Mapping) and a.get("title")]
        made = [_button(a, callbacks) for a in titled]
        row = [button for button in made if button is not None]
        if row:
            rows.append(row)
    if card.url:
        rows.append([InlineKeyboardButton(COURSE_PAGE, url=card.url)])
    keyboard = InlineKeyboardMarkup(rows) if rows else None
    return TextOut(card.html, parse_mode=ParseMode.HTML, keyboard=keyboard)
