"""The Telegram ``Application``: handlers, lifecycle hooks and how it runs (polling or webhook)."""

from __future__ import annotations

import logging
from typing import Any

import httpx
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.sender_ids import SenderSigner
from bot.telegram import handlers, state, texts
from bot.telegram.config import Settings
from bot.telegram.rasa_client import RasaClient

logger = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
# Updates from different chats are handled at the same time; ChatLocks keeps each chat in order.
CONCURRENT_UPDATES = 32


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    rasa_transport: httpx.AsyncBaseTransport | None = None,
) -> App:
    """The bridge's application; ``request``/``rasa_transport`` replace the network in tests."""

    async def post_init(application: App) -> None:
        if settings.sender_secret:
            application.bot_data[state.SENDERS] = SenderSigner(settings.sender_secret.encode())
        application.bot_data[state.RASA] = RasaClient.open(
            settings.rasa_url,
            timeout_s=settings.rasa_timeout_s,
            backoff_s=settings.retry_backoff_s,
            transport=rasa_transport,
        )
        try:
            await application.bot.set_my_commands(list(texts.COMMANDS))
        except TelegramError as exc:
            logger.warning("Could not register the command menu with Telegram: %s", exc)
        logger.info(
            "Bridge ready: Telegram bot @%s -> Rasa at %s",
            application.bot.username,
            settings.rasa_url,
        )

    builder = (
        Application.builder()
        .token(settings.token)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(post_init)
        .post_shutdown(close_rasa)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application: App = builder.build()
    add_handlers(application)
    return application


async def close_rasa(application: App) -> None:
    """Close the Rasa client opened by ``post_init`` (the ``post_shutdown`` hook)."""
    client = application.bot_data.pop(state.RASA, None)
    if isinstance(client, RasaClient):
        await client.aclose()


def add_handlers(application: App) -> None:
    """Commands, button presses, text, anything else, and the one error handler."""
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler("help", handlers.help_command))
    application.add_handler(CommandHandler("restart", handlers.restart))
    application.add_handler(CommandHandler("forget", handlers.forget))
    application.add_handler(MessageHandler(filters.COMMAND, handlers.unknown_command))
    application.add_handler(CallbackQueryHandler(handlers.button_pressed))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, handlers.text_message))
    application.add_handler(MessageHandler(filters.ATTACHMENT, handlers.not_text))
    application.add_error_handler(handlers.on_error)


def run(settings: Settings) -> None:
    """Run until stopped: long polling, or a webhook server when ``settings.webhook_url`` is set."""
    application = build_application(settings)
    if settings.webhook_url is None:
        logger.info("Starting long polling")
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
        return
    logger.info(
        "Starting the webhook server on %s:%d/%s for %s",
        settings.listen,
        settings.port,
        settings.webhook_path,
        settings.webhook_url,
    )
    application.run_webhook(
        listen=settings.listen,
        port=settings.port,
        url_path=settings.webhook_path,
        webhook_url=settings.webhook_url,
        secret_token=settings.webhook_secret,
        allowed_updates=ALLOWED_UPDATES,
    )
