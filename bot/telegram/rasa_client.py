"""An async client for Rasa's REST channel, with safe retries.

``POST {RASA_URL}/webhooks/rest/webhook`` with ``{"sender": ..., "message": ...}`` answers with a
JSON list of bot messages. A request is retried (with exponential backoff) only when Rasa cannot
have processed it: the connection failed before the request was sent, or a gateway answered
502/503/504. A read timeout after sending is *not* retried, so a message is never handled twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from bot.sender_ids import loggable

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/rest/webhook"
RETRY_STATUSES = frozenset({502, 503, 504})
# The request never reached Rasa, so sending it again cannot process it twice.
RETRY_ERRORS: tuple[type[httpx.HTTPError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)

Sleep = Callable[[float], Awaitable[None]]
RasaMessage = dict[str, Any]


CLIENT_METADATA = {"renders": ["course_list"]}


class RasaError(Exception):
    """Rasa did not give a usable reply."""


class RasaUnavailable(RasaError):
    """Rasa could not be reached, timed out or answered with an error status."""


class RasaBadReply(RasaError):
    """Rasa answered, but not with a JSON list of messages."""


class RasaClient:
    """Sends a learner's message to Rasa and returns Rasa's replies."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        attempts: int = 3,
        backoff_s: float = 0.5,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self._http = http
        self._attempts = attempts
        self._backoff_s = backoff_s
        self._sleep = sleep

    @classmethod
    def open(
        cls,
        base_url: str,
        *,
        timeout_s: float = 30.0,
        backoff_s: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> RasaClient:
        """A client with its own connection pool; close it with :meth:`aclose`."""
        http = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0)),
            transport=transport,
        )
        return cls(http, backoff_s=backoff_s)

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    async def aclose(self) -> None:
        await self._http.aclose()

    async def send(self, sender: str, message: str) -> list[RasaMessage]:
        """Rasa's replies to ``message`` from ``sender`` (may be an empty list)."""
        # The bridge draws course_list payloads as cards: the assistant need not repeat them.
        body = {"sender": sender, "message": message, "metadata": CLIENT_METADATA}
        for attempt in range(1, self._attempts + 1):
            last = attempt == self._attempts
            try:
                response = await self._http.post(WEBHOOK_PATH, json=body)
            except RETRY_ERRORS as exc:
                logger.warning(
                    "Rasa unreachable for chat %s (attempt %d/%d): %r",
                    loggable(sender),
                    attempt,
                    self._attempts,
                    exc,
                )
                if last:
                    raise RasaUnavailable(f"Rasa unreachable: {exc!r}") from exc
            except httpx.HTTPError as exc:
                # Timed out or broke after the request was sent: Rasa may be handling it.
                logger.error(
                    "Rasa request failed for chat %s (attempt %d/%d, not retried): %r",
                    loggable(sender),
                    attempt,
                    self._attempts,
                    exc,
                )
                raise RasaUnavailable(f"Rasa request failed: {exc!r}") from exc
            else:
                if response.is_success:
                    return _messages(response, sender)
                retry = response.status_code in RETRY_STATUSES and not last
                logger.log(
                    logging.WARNING if retry else logging.ERROR,
                    "Rasa answered HTTP %d for chat %s (attempt %d/%d%s)",
                    response.status_code,
                    loggable(sender),
                    attempt,
                    self._attempts,
                    ", retrying" if retry else "",
                )
                if not retry:
                    raise RasaUnavailable(f"Rasa answered HTTP {response.status_code}")
            await self._sleep(self._backoff_s * 2 ** (attempt - 1))
        raise AssertionError("unreachable")  # pragma: no cover


def _messages(response: httpx.Response, sender: str) -> list[RasaMessage]:
    """The reply's bot messages; non-object entries are dropped."""
    try:
        data = response.json()
    except ValueError as exc:
        logger.error(
            "Rasa sent invalid JSON for chat %s (HTTP %d): %.200r",
            loggable(sender),
            response.status_code,
            response.text,
        )
        raise RasaBadReply("Rasa sent invalid JSON") from exc
    if not isinstance(data, list):
        logger.error(
            "Rasa sent %s instead of a list for chat %s", type(data).__name__, loggable(sender)
        )
        raise RasaBadReply("Rasa's reply is not a list of messages")
    messages = [item for item in data if isinstance(item, dict)]
    if len(messages) != len(data):
        logger.warning(
            "Dropped %d malformed Rasa messages for chat %s",
            len(data) - len(messages),
            loggable(sender),
        )
    return messages
