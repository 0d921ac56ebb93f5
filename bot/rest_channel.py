"""Rasa's REST channel with the guarantees a learner-facing product needs.

Same URL and protocol as Rasa's built-in ``rest`` channel (``POST /webhooks/rest/webhook``
with ``{"sender": ..., "message": ...}``; a JSON list of messages back), so any client
written for Rasa 3.6 works unchanged. On top of it:

- malformed requests (not JSON, missing or wrongly typed fields) get a 400 with a reason,
  never a 500;
- an over-long or empty message is not processed; the learner is told why;
- every message gets a reply: when the assistant produced nothing (e.g. the action server
  is down, so the action's messages were lost) or failed, the learner gets an apology; a
  turn dropped because the client hung up first is logged (WARNING, no learner text);
- only signed sender ids are accepted (403 otherwise), so nobody can take over another
  learner's conversation by guessing or choosing its id (:mod:`bot.sender_ids`); a web
  client gets a new one from ``POST /webhooks/rest/session``;
- only ``application/json`` bodies are accepted (415 otherwise): a cross-site form or
  ``text/plain`` post, which browsers send without asking, cannot drive a conversation;
- request metadata is limited in size (``REST_MAX_METADATA_BYTES``, 8 KiB serialized by
  default; 413 above) and nesting depth (10 levels; 400 deeper): it is stored with the
  conversation and sent to the action server, so it must stay small.

Enabled in ``credentials.yml`` as ``bot.rest_channel.CourseAdvisorRestInput``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import log_hygiene
from bot.sender_ids import SenderSigner, loggable, signer_from_env, unsigned_allowed

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 5_000
MAX_SENDER_CHARS = 128
MAX_METADATA_BYTES_ENV = "REST_MAX_METADATA_BYTES"
DEFAULT_MAX_METADATA_BYTES = 8 * 1024
MAX_METADATA_DEPTH = 10
APOLOGY = (
    "Sorry, I'm having trouble right now and couldn't finish that. "
    "Please try again in a moment; nothing you told me is lost."
)
EMPTY = "I didn't catch anything there. What would you like to find out about?"
UNSIGNED = (
    "the sender id was not issued by this server; get one from POST /webhooks/rest/session "
    "(the Telegram bridge signs its own)"
)
TOO_LONG = (
    f"That message is too long for me (over {MAX_MESSAGE_CHARS:,} characters). "
    "Could you say it in a few sentences?"
)


# Lone UTF-16 surrogates ("\udc80" is valid JSON) cannot be encoded as UTF-8, and PostgreSQL
# refuses NUL in text. Rasa's SQL tracker store exits the whole server on either (its
# session_scope turns any ValueError into sys.exit), so neither may reach it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: Any) -> Any:
    """``value`` with every string made storable (no lone surrogates, no NUL)."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value).replace("\x00", "")
    if isinstance(value, dict):
        return {_clean(key): _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def _has_non_finite_number(message: str) -> bool:
    """Whether a ``/intent{...}`` message carries Infinity, NaN or a number too big for a
    float: such a slot value would break every later search until changed."""
    stripped = message.strip()
    if not stripped.startswith("/") or "{" not in stripped:
        return False
    try:
        payload = json.loads(stripped[stripped.index("{") :])
    except ValueError:
        return False  # not JSON: Rasa reads it as text

    def bad(value: Any) -> bool:
        if isinstance(value, float):
            return not math.isfinite(value)
        if isinstance(value, dict):
            return any(bad(v) for v in value.values())
        if isinstance(value, list):
            return any(bad(v) for v in value)
        return False

    return bad(payload)


class RequestProblem(ValueError):
    """A request the channel cannot process; the message says why, ``status`` is the HTTP
    status to answer with and ``reason`` a stable name for clients."""

    def __init__(self, message: str, status: int = 400, reason: str = "bad_request") -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason


def max_metadata_bytes(environ: Mapping[str, str] | None = None) -> int:
    """The metadata size limit from ``REST_MAX_METADATA_BYTES`` (8 KiB when unset)."""
    env = os.environ if environ is None else environ
    raw = env.get(MAX_METADATA_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_METADATA_BYTES
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ValueError(f"{MAX_METADATA_BYTES_ENV} must be a whole number of bytes, not {raw!r}")
    return value


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether ``value`` nests objects or lists more than ``limit`` levels deep. Iterative:
    a recursive walk (like :func:`_clean`) fails on the thousand-deep metadata it guards."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if not isinstance(item, (dict, list)):
            continue
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children)
    return False


def _checked_metadata(metadata: dict[str, Any], max_bytes: int) -> dict[str, Any]:
    """``metadata`` made storable, or :class:`RequestProblem` when too deep or too big."""
    if _deeper_than(metadata, MAX_METADATA_DEPTH):
        raise RequestProblem(
            f"'metadata' must not nest objects or lists more than {MAX_METADATA_DEPTH} levels deep",
            reason="metadata_too_deep",
        )
    metadata = _clean(metadata)
    size = len(json.dumps(metadata, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if size > max_bytes:
        raise RequestProblem(
            f"'metadata' must be at most {max_bytes:,} bytes as JSON (it was {size:,})",
            status=413,
            reason="metadata_too_large",
        )
    return metadata


def parse_request(
    body: Any, max_metadata: int = DEFAULT_MAX_METADATA_BYTES
) -> tuple[str, str, dict[str, Any] | None]:
    """Sender, message and metadata from a request body, or :class:`RequestProblem`."""
    if not isinstance(body, dict):
        raise RequestProblem("the body must be a JSON object")
    sender = body.get("sender")
    if not isinstance(sender, str) or not sender.strip():
        raise RequestProblem("'sender' must be a non-empty string")
    if len(sender) > MAX_SENDER_CHARS:
        raise RequestProblem(f"'sender' must be at most {MAX_SENDER_CHARS} characters")
    if not sender.isprintable():
        raise RequestProblem("'sender' must not contain control characters or lone surrogates")
    message = body.get("message")
    if message is None:
        message = ""
    if not isinstance(message, str):
        raise RequestProblem("'message' must be a string")
    message = _clean(message)
    if _has_non_finite_number(message):
        raise RequestProblem(
            "numbers in an intent payload must be finite (no Infinity, NaN or 1e400)"
        )
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise RequestProblem("'metadata' must be a JSON object")
    if metadata is not None:
        metadata = _checked_metadata(metadata, max_metadata)
    return sender, message, metadata


def _reply(recipient: str, text: str) -> list[dict[str, Any]]:
    return [{"recipient_id": recipient, "text": text}]


class CourseAdvisorRestInput(RestInput):
    """The REST channel, hardened (see the module docstring)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        # Learner text stays out of the Rasa server's logs above DEBUG, one line per record.
        log_hygiene.install()
        # Fails the start-up with a clear message when SENDER_SECRET is missing.
        signer: SenderSigner | None = signer_from_env()
        allow_unsigned = unsigned_allowed()
        metadata_limit = max_metadata_bytes()
        webhook = Blueprint("course_advisor_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/session", methods=["POST"])
        async def session(request: Request) -> HTTPResponse:
            """A new signed sender id for a web client's conversation."""
            if signer is None:
                return response.json({"sender": "web-" + secrets.token_urlsafe(16)})
            return response.json({"sender": signer.issue()})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if (request.content_type or "").split(";")[0].strip().lower() != "application/json":
                return response.json(
                    {"error": "the body must be JSON sent as Content-Type: application/json"},
                    status=415,
                )
            try:
                body = request.json
            except Exception:  # sanic raises its own error type for bad JSON
                return response.json(
                    {"error": "the body is not valid JSON (or is nested too deeply)"}, status=400
                )
            try:
                sender, text, metadata = parse_request(body, metadata_limit)
            except RequestProblem as problem:
                return response.json(
                    {"error": str(problem), "reason": problem.reason}, status=problem.status
                )
            if signer is not None and not allow_unsigned and not signer.verify(sender):
                logger.info("Refused a message from an unsigned sender id")
                return response.json({"error": UNSIGNED, "reason": "unsigned_sender"}, status=403)
            if len(text) > MAX_MESSAGE_CHARS:
                return response.json(_reply(sender, TOO_LONG))
            if not text.strip():
                return response.json(_reply(sender, EMPTY))

            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text, collector, sender, input_channel=self.name(), metadata=metadata
                    )
                )
            except asyncio.CancelledError:
                # Sanic cancels the handler when the client hangs up (it gave up waiting).
                logger.warning(
                    "The client of %s went away before the reply; the turn was dropped",
                    loggable(sender),
                )
                raise
            except Exception:
                logger.exception("Handling a message from %s failed", loggable(sender))
            if not collector.messages:
                logger.warning("No reply produced for %s; sending an apology", loggable(sender))
                return response.json(_reply(sender, APOLOGY))
            return response.json(collector.messages)

        return webhook
