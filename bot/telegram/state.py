"""What the bridge keeps in ``application.bot_data``, with typed accessors."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from bot.sender_ids import SenderSigner
from bot.telegram.callback_data import CallbackPayloads
from bot.telegram.chat_locks import ChatLocks
from bot.telegram.rasa_client import RasaClient

RASA = "rasa_client"
SENDERS = "sender_ids"
CALLBACKS = "callback_payloads"
CHAT_LOCKS = "chat_locks"


def rasa_client(bot_data: MutableMapping[Any, Any]) -> RasaClient:
    """The Rasa client opened in ``post_init``."""
    client = bot_data.get(RASA)
    if not isinstance(client, RasaClient):
        raise RuntimeError("The Rasa client is not open: was post_init run?")
    return client


def callback_payloads(bot_data: MutableMapping[Any, Any]) -> CallbackPayloads:
    """The application's map of long button payloads."""
    payloads = bot_data.setdefault(CALLBACKS, CallbackPayloads())
    assert isinstance(payloads, CallbackPayloads)
    return payloads


def chat_locks(bot_data: MutableMapping[Any, Any]) -> ChatLocks:
    """The per-chat locks that keep one chat's messages in order."""
    locks = bot_data.setdefault(CHAT_LOCKS, ChatLocks())
    assert isinstance(locks, ChatLocks)
    return locks


def sender_for_chat(bot_data: MutableMapping[Any, Any], chat_id: int) -> str:
    """The Rasa sender id of a chat: signed when the bridge has the secret (post_init)."""
    signer = bot_data.get(SENDERS)
    if isinstance(signer, SenderSigner):
        return signer.for_telegram(chat_id)
    return str(chat_id)
