"""The bridge's settings, read from the environment and the command line, and checked."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

from bot.sender_ids import SECRET_ENV, SenderConfigError, SenderSigner, unsigned_allowed

DEFAULT_RASA_URL = "http://127.0.0.1:5005"
DEFAULT_LISTEN = "0.0.0.0"  # webhook mode: all interfaces, usually behind a reverse proxy
DEFAULT_PORT = 8443
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")

NO_TOKEN = """\
TELEGRAM_BOT_TOKEN is not set.

Create a bot and get its token from @BotFather in Telegram (send it /newbot), then run:

    TELEGRAM_BOT_TOKEN=123456:ABC-your-token python -m bot.telegram

The bridge talks to Rasa's REST channel at RASA_URL (default {rasa_url}), so start Rasa
and the action server first (`make run`). See `python -m bot.telegram --help` for webhook mode."""

NO_SECRET = """\
Webhook mode needs TELEGRAM_WEBHOOK_SECRET, so only Telegram can post updates to the bridge.
Use 1-256 characters from A-Z, a-z, 0-9, _ and -, for example:

    export TELEGRAM_WEBHOOK_SECRET=$(openssl rand -hex 32)"""

NO_WEBHOOK_EXTRA = """\
Webhook mode needs python-telegram-bot's webhook server (tornado), which is not installed:

    pip install "python-telegram-bot[webhooks]==22.8"

Or run without --webhook-url to use long polling."""


class ConfigError(Exception):
    """The settings are missing or wrong; the message says how to fix them."""


@dataclass(frozen=True)
class Settings:
    """Everything the bridge needs to run."""

    token: str
    rasa_url: str = DEFAULT_RASA_URL
    rasa_timeout_s: float = 30.0
    retry_backoff_s: float = 0.5
    webhook_url: str | None = None
    webhook_secret: str | None = None
    listen: str = DEFAULT_LISTEN
    port: int = DEFAULT_PORT
    url_path: str | None = None
    # SENDER_SECRET, shared with the Rasa server: chats are sent as signed, unguessable
    # sender ids (bot/sender_ids.py). None sends the bare chat id, which a server only
    # accepts with ALLOW_UNSIGNED_SENDERS=1 (local development).
    sender_secret: str | None = None

    @property
    def webhook_path(self) -> str:
        """The local path the webhook server answers on (the webhook URL's path by default)."""
        if self.url_path is not None:
            return self.url_path.strip("/")
        return urlparse(self.webhook_url or "").path.strip("/")


def load_settings(
    env: Mapping[str, str],
    *,
    rasa_url: str | None = None,
    rasa_timeout_s: float = 30.0,
    webhook_url: str | None = None,
    listen: str = DEFAULT_LISTEN,
    port: int = DEFAULT_PORT,
    url_path: str | None = None,
) -> Settings:
    """Settings from ``env`` and command-line values; raises :class:`ConfigError` if unusable."""
    rasa = (rasa_url or env.get("RASA_URL") or DEFAULT_RASA_URL).strip().rstrip("/")
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise ConfigError(NO_TOKEN.format(rasa_url=rasa))
    if not _is_http_url(rasa):
        raise ConfigError(
            f"RASA_URL must be an http(s) address like {DEFAULT_RASA_URL}, not {rasa!r}."
        )
    if rasa_timeout_s <= 0:
        raise ConfigError("--rasa-timeout must be a positive number of seconds.")
    secret = None
    if webhook_url is not None:
        secret = _webhook_secret(env, webhook_url, port)
    sender_secret = env.get(SECRET_ENV, "").strip() or None
    if sender_secret is None and not unsigned_allowed(env):
        raise ConfigError(
            f"{SECRET_ENV} is not set. The bridge signs each chat's sender id with the same "
            f"secret as the Rasa server, so that nobody can take over a learner's chat; "
            f"`make run` and `make telegram` set it (var/sender_secret)."
        )
    if sender_secret is not None:
        try:
            SenderSigner(sender_secret.encode("utf-8"))
        except SenderConfigError as exc:
            raise ConfigError(str(exc)) from exc
    return Settings(
        token=token,
        rasa_url=rasa,
        rasa_timeout_s=rasa_timeout_s,
        webhook_url=webhook_url,
        webhook_secret=secret,
        listen=listen,
        port=port,
        url_path=url_path,
        sender_secret=sender_secret,
    )


def _webhook_secret(env: Mapping[str, str], webhook_url: str, port: int) -> str:
    parsed = urlparse(webhook_url)
    if parsed.scheme != "https" or not parsed.netloc:
        raise ConfigError(
            f"--webhook-url must be a public https:// address, not {webhook_url!r} "
            "(Telegram only delivers webhooks over HTTPS)."
        )
    if not 0 < port < 65536:
        raise ConfigError(f"--port must be between 1 and 65535, not {port}.")
    secret = env.get("TELEGRAM_WEBHOOK_SECRET", "").strip()
    if not _SECRET.fullmatch(secret):
        raise ConfigError(NO_SECRET)
    if not webhooks_available():
        raise ConfigError(NO_WEBHOOK_EXTRA)
    return secret


def webhooks_available() -> bool:
    """Whether python-telegram-bot's webhook server (the ``webhooks`` extra, tornado) is there."""
    return importlib.util.find_spec("tornado") is not None


def _is_http_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in {"http", "https"} and bool(parsed.netloc)
