"""Sender ids a public client can neither guess nor choose.

The REST webhook is public: whoever knows a learner's sender id can read their shortlist,
file a hand-off or run forget-me in their name. So every sender id the channel accepts is
*signed* with a server secret (``SENDER_SECRET``): ``<id>.<signature>``, where the
signature is an HMAC-SHA256 of the id, base64url, 32 characters (192 bits).

- The web widget asks the server for a new id (``POST /webhooks/rest/session``): the id
  part is 128 random bits, so ids cannot be enumerated.
- The Telegram bridge, which holds the secret, derives the id from the chat id with a
  keyed hash (``tg-<hmac>``): the same chat always maps to the same conversation, and
  the public chat id is useless without the secret.

Unsigned senders are refused unless ``ALLOW_UNSIGNED_SENDERS=1`` (local development,
``rasa shell``-style experiments with curl). Without ``SENDER_SECRET`` the channel refuses
to start rather than run unprotected, unless unsigned senders are allowed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

SECRET_ENV = "SENDER_SECRET"
ALLOW_UNSIGNED_ENV = "ALLOW_UNSIGNED_SENDERS"
MIN_SECRET_CHARS = 32
SIGNATURE_CHARS = 32
WEB_PREFIX = "web-"
TELEGRAM_PREFIX = "tg-"


class SenderConfigError(RuntimeError):
    """The sender-signing settings are missing or unusable (the message says which)."""


def _b64(digest: bytes, chars: int) -> str:
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")[:chars]


@dataclass(frozen=True)
class SenderSigner:
    """Issues and checks signed sender ids with one secret."""

    secret: bytes

    def __post_init__(self) -> None:
        if len(self.secret) < MIN_SECRET_CHARS:
            raise SenderConfigError(
                f"{SECRET_ENV} must be at least {MIN_SECRET_CHARS} characters "
                "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )

    def _signature(self, sender_id: str) -> str:
        mac = hmac.new(self.secret, b"sender:" + sender_id.encode("utf-8"), hashlib.sha256)
        return _b64(mac.digest(), SIGNATURE_CHARS)

    def sign(self, sender_id: str) -> str:
        """``sender_id`` with its signature appended."""
        return f"{sender_id}.{self._signature(sender_id)}"

    def issue(self) -> str:
        """A new, random, signed sender id for a web session."""
        return self.sign(WEB_PREFIX + secrets.token_urlsafe(16))

    def for_telegram(self, chat_id: int | str) -> str:
        """The signed sender id of a Telegram chat (stable; not derivable without the secret)."""
        mac = hmac.new(self.secret, f"telegram:{chat_id}".encode(), hashlib.sha256)
        return self.sign(TELEGRAM_PREFIX + _b64(mac.digest(), 24))

    def verify(self, sender: str) -> bool:
        """Whether ``sender`` is an id this secret signed."""
        sender_id, dot, signature = sender.rpartition(".")
        if not dot or not sender_id:
            return False
        return hmac.compare_digest(signature, self._signature(sender_id))


def loggable(sender: str) -> str:
    """A sender id without its signature: the signature is a credential, never logged."""
    sender_id, dot, _signature = sender.rpartition(".")
    return sender_id if dot and sender_id else sender


def unsigned_allowed(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the deployment allows unsigned senders (local development only)."""
    env = os.environ if environ is None else environ
    return env.get(ALLOW_UNSIGNED_ENV, "").strip().lower() in ("1", "true", "yes")


def signer_from_env(environ: Mapping[str, str] | None = None) -> SenderSigner | None:
    """The signer for ``SENDER_SECRET``; ``None`` when it is unset and unsigned senders
    are allowed. Raises :class:`SenderConfigError` when it is unset and they are not."""
    env = os.environ if environ is None else environ
    secret = env.get(SECRET_ENV, "").strip()
    if not secret:
        if unsigned_allowed(env):
            return None
        raise SenderConfigError(
            f"{SECRET_ENV} is not set: the REST channel needs it to sign sender ids, so that "
            "nobody can take over a learner's conversation. `make run` creates one in "
            f"var/sender_secret; in production set {SECRET_ENV} (or {ALLOW_UNSIGNED_ENV}=1 "
            "for local development only)."
        )
    return SenderSigner(secret.encode("utf-8"))


__all__ = [
    "ALLOW_UNSIGNED_ENV",
    "SECRET_ENV",
    "SenderConfigError",
    "SenderSigner",
    "loggable",
    "signer_from_env",
    "unsigned_allowed",
]
