"""Telegram update handlers: pass the learner's words to Rasa and render what comes back.

The Rasa sender id is derived from the chat id with the server secret (bot/sender_ids.py).
Handlers never decide anything about courses: they forward text, commands (as Rasa
intents) and button payloads, and send Rasa's replies.
"""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.telegram import texts
from bot.telegram.rasa_client import RasaError
from bot.telegram.render import TextOut, render_replies
from bot.telegram.send import send_all
from bot.telegram.state import callback_payloads, chat_locks, rasa_client, sender_for_chat
from bot.telegram.typing_action import typing

logger = logging.getLogger(__name__)


async def converse(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    message: str,
    *,
    empty_reply: str = texts.NOTHING_TO_ADD,
) -> None:
    """Send ``message`` to Rasa as this chat and send every reply (or a friendly apology)."""
    chat = update.effective_chat
    if chat is None:
        return
    async with chat_locks(context.bot_data).hold(chat.id):
        try:
            async with typing(chat):
                sender = sender_for_chat(context.bot_data, chat.id)
                replies = await rasa_client(context.bot_data).send(sender, message)
        except RasaError:
            await chat.send_message(texts.TROUBLE)
            return
        rendered = render_replies(replies, callback_payloads(context.bot_data))
        if not rendered:
            logger.info("Rasa had nothing to say to chat %s (%d messages)", chat.id, len(replies))
            rendered = [TextOut(empty_reply)]
        await send_all(chat, rendered)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the learner with Rasa's greeting and its buttons."""
    await converse(update, context, "/greet")


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain what the bot does and list its commands."""
    if update.effective_chat:
        await update.effective_chat.send_message(texts.HELP)


async def restart(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start a new conversation (Rasa's built-in restart intent)."""
    await converse(update, context, "/restart", empty_reply=texts.RESTARTED)


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask Rasa to delete the learner's profile and stored data."""
    await converse(update, context, "/forget_me")


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a command the bot does not have."""
    if update.effective_chat:
        await update.effective_chat.send_message(texts.UNKNOWN_COMMAND)


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Forward the learner's text to Rasa."""
    if update.message and update.message.text:
        await converse(update, context, update.message.text)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say that only text is understood (stickers, photos, voice notes...)."""
    if update.effective_chat:
        await update.effective_chat.send_message(texts.TEXT_ONLY)


async def button_pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the pressed button's payload to Rasa as the learner's message."""
    query = update.callback_query
    if query is None:
        return
    payload = callback_payloads(context.bot_data).payload_for(query.data)
    if payload is None:
        logger.info(
            "Unknown or expired button %.64r in chat %s",
            query.data,
            update.effective_chat.id if update.effective_chat else None,
        )
        await _answer(query, texts.BUTTON_EXPIRED)
        return
    await _answer(query)
    await converse(update, context, payload)


async def _answer(query: CallbackQuery, text: str | None = None) -> None:
    """Stop the button's spinner; a query Telegram no longer accepts is not worth failing on."""
    try:
        await query.answer(text)
    except TelegramError as exc:
        logger.warning("Could not answer a button press: %s", exc)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error with its chat and tell the learner something went wrong."""
    chat = update.effective_chat if isinstance(update, Update) else None
    logger.error(
        "Error while handling an update for chat %s",
        chat.id if chat else None,
        exc_info=context.error,
    )
    if chat is None:
        return
    try:
        await chat.send_message(texts.SOMETHING_WENT_WRONG)
    except TelegramError as exc:
        logger.warning("Could not tell chat %s about the error: %s", chat.id, exc)
