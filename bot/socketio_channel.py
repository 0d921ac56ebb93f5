"""A Socket.IO channel for rasa-webchat (npm ``rasa-webchat`` 1.0.1) and other Socket.IO clients.

Same events as Rasa 3.6's ``socketio`` channel (``session_request`` -> ``session_confirm``,
``user_uttered`` -> ``bot_uttered``), which does not work with our pinned python-socketio 5:
it never awaits ``enter_room`` (so with session persistence no reply reaches the browser) and
emits custom payloads as keyword arguments (a course list crashes the turn before it is saved).
This channel, enabled in ``credentials.yml`` as ``bot.socketio_channel.CourseAdvisorSocketIOInput``:

- keeps sessions: a session id is a signed sender id (:mod:`bot.sender_ids`, as the REST
  channel issues). ``session_request`` with a valid one continues that conversation (a page
  reload); without one, or with one this server did not sign, a new id is confirmed. The socket
  joins the session's room (awaited), and every reply goes to that room;
- accepts connections only from the origins the Rasa server allows (``rasa run --cors``, the
  same allowlist as the REST channel); browsers do not apply CORS to WebSockets, so it is
  checked here. Clients that send no ``Origin`` (not browsers) are not affected;
- checks every message as the REST channel does (:func:`bot.rest_channel.parse_request`): a
  bad one gets a ``request_error`` event and a reply the learner can read, and nothing is
  processed; an empty or over-long message gets the REST channel's answer;
- sends only what rasa-webchat draws: ``{"text"}`` or ``{"text", "quick_replies"}`` (line
  breaks and list numbers kept through its Markdown), images and attachments. A ``course_list``
  payload is not sent again when the text before it already names its courses (the assistant
  sends them as text to this channel, which draws no cards), else as numbered text with a
  "More on N" quick reply per course;
- never loses a turn to a failed emit (the turn is still saved), and answers every message:
  with an apology when the assistant produced nothing.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeGuard

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic_cors.core import get_cors_origins, try_match
from socketio import AsyncServer
from socketio.exceptions import ConnectionRefusedError as SocketRefused

from bot import log_hygiene
from bot.rest_channel import (
    APOLOGY,
    EMPTY,
    MAX_MESSAGE_CHARS,
    MAX_SENDER_CHARS,
    TOO_LONG,
    RequestProblem,
    max_metadata_bytes,
    parse_request,
)
from bot.sender_ids import (
    WEB_PREFIX,
    SenderSigner,
    loggable,
    signer_from_env,
    unsigned_allowed,
)

logger = logging.getLogger(__name__)

CARD_TYPES = frozenset({"course_list"})
ERROR_EVENT = "request_error"
NOT_READ = "Sorry, I couldn't read that message ({reason}). Please type it again."
BAD_SESSION = (
    "This chat's session is not one I issued, so I can't continue it. "
    "Please reload the page to start a new chat."
)
NEW_SESSION = (
    "I couldn't continue the earlier chat on this page, so this is a new one. "
    "What would you like to find out about?"
)
NOT_ALLOWED_ORIGIN = "this page's origin is not allowed to use the chat (rasa run --cors)"


_LIST_MARKER = re.compile(r"^(\s*\d+)\.(?=\s)")


def as_markdown(text: str) -> str:
    """``text`` as rasa-webchat shows it (it renders Markdown) looking as it does in any other
    client: every line break kept, and "1. Title" kept as written (a Markdown list would drop
    the numbers learners use: "More on 1", "compare 1 and 2")."""
    lines = (_LIST_MARKER.sub(r"\1\\.", line.rstrip()) for line in text.split("\n"))
    return "  \n".join(lines)


def is_card_payload(payload: Any) -> TypeGuard[Mapping[str, Any]]:
    return isinstance(payload, Mapping) and payload.get("type") in CARD_TYPES


def _courses(payload: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    courses = payload.get("courses")
    if not isinstance(courses, Sequence) or isinstance(courses, str):
        return []
    return [course for course in courses if isinstance(course, Mapping)]


def already_said(payload: Mapping[str, Any], text: Any) -> bool:
    """Whether ``text`` names every course of a card payload (so the cards add nothing)."""
    titles = [str(course.get("title") or "") for course in _courses(payload)]
    return isinstance(text, str) and bool(titles) and all(t and t in text for t in titles)


def course_list_messages(payload: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A card payload as rasa-webchat messages: one numbered text with a quick reply per course."""
    lines: list[str] = []
    replies: list[dict[str, str]] = []
    for index, course in enumerate(_courses(payload), start=1):
        position = course.get("position")
        number = position if isinstance(position, int) and position > 0 else index
        title = " ".join(str(course.get("title") or "Untitled course").split())
        provider = " ".join(str(course.get("provider") or "").split())
        lines.append(f"{number}. {title}" + (f" ({provider})" if provider else ""))
        if course.get("why"):
            lines.append(f"   Why: {' '.join(str(course['why']).split())}")
        link = course.get("link") or course.get("url")
        if isinstance(link, str) and link.startswith(("https://", "http://")):
            lines.append(f"   {link}")
        replies.append(
            {
                "content_type": "text",
                "title": f"More on {number}",
                "payload": f'/course_details{{"course_index":[{number}]}}',
            }
        )
    if not lines:
        return []
    return [{"text": as_markdown("\n".join(lines)), "quick_replies": replies}]


class CourseAdvisorSocketIOOutput(SocketIOOutput):
    """Replies to a session's room, in the shapes rasa-webchat draws; counts what it sent."""

    def __init__(self, sio: AsyncServer, bot_message_evt: str) -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        # ``socket_id`` is the session id, which is also the room every tab of it is in.
        try:
            await self.sio.emit(self.bot_message_evt, response, room=socket_id)
        except Exception:  # a transport failure must not stop the turn from being saved
            logger.exception("Sending a reply to %s failed", loggable(socket_id))
            return
        self.sent += 1

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        custom = message.get("custom")
        if is_card_payload(custom) and already_said(custom, message.get("text")):
            message = {key: value for key, value in message.items() if key != "custom"}
        await super().send_response(recipient_id, message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in text.strip().split("\n\n"):
            if part.strip():
                await self._send_message(recipient_id, {"text": as_markdown(part)})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        parts = [part for part in (text or "").strip().split("\n\n") if part.strip()] or ["…"]
        replies = [
            {"content_type": "text", "title": str(b["title"]), "payload": str(b["payload"])}
            for b in buttons
            if isinstance(b, Mapping) and b.get("title") and b.get("payload")
        ]
        for index, part in enumerate(parts, start=1):
            message: dict[str, Any] = {"text": as_markdown(part)}
            if index == len(parts) and replies:
                message["quick_replies"] = replies
            await self._send_message(recipient_id, message)

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        if is_card_payload(json_message):
            for message in course_list_messages(json_message):
                await self._send_message(recipient_id, message)
            return
        # Rasa's channel passed the payload's keys to emit() as arguments (and crashed).
        await self._send_message(recipient_id, json_message)


def allowed_origins(app: Sanic, path: str) -> dict[str, Any] | None:
    """The Sanic-CORS options (``rasa run --cors``) that apply to ``path``, if any."""
    context = getattr(app.ctx, "sanic_cors", None)
    for pattern, options in getattr(context, "resources", None) or []:
        if try_match(path, pattern):
            return dict(options)
    return None


class CourseAdvisorSocketBlueprint(SocketBlueprint):
    """Attaches Socket.IO to the app and reads the app's CORS allowlist for the channel."""

    def __init__(self, channel: CourseAdvisorSocketIOInput, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ctx.channel = channel

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        self.ctx.channel.cors = allowed_origins(app, self.ctx.socketio_path)
        super().register(app, options)


class CourseAdvisorSocketIOInput(SocketIOInput):
    """The Socket.IO channel, with sessions that work (see the module docstring)."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            True,  # sessions are what makes a reload continue the conversation
            credentials.get("socketio_path", "/socket.io"),
            metadata_key=credentials.get("metadata_key", "customData"),
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cors: dict[str, Any] | None = None
        self.sessions: dict[str, str] = {}  # socket id -> confirmed session id

    def get_output_channel(self) -> OutputChannel | None:
        return (
            None
            if self.sio is None
            else CourseAdvisorSocketIOOutput(self.sio, self.bot_message_evt)
        )

    def origin_allowed(self, origin: str | None) -> bool:
        """Whether a browser page at ``origin`` may connect (no ``Origin``: not a browser)."""
        if not origin:
            return True
        return self.cors is not None and bool(get_cors_origins(self.cors, origin))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        log_hygiene.install()
        signer: SenderSigner | None = signer_from_env()  # fails start-up without SENDER_SECRET
        allow_unsigned = unsigned_allowed()
        metadata_limit = max_metadata_bytes()
        # Sanic-CORS adds the CORS headers to the polling requests; origins are checked below.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        self.sio = sio
        socketio_path = self.socketio_path or "/socket.io"
        webhook = CourseAdvisorSocketBlueprint(
            self, sio, socketio_path, "course_advisor_socketio", __name__
        )
        namespace = self.namespace

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        def valid(session_id: Any) -> bool:
            if not isinstance(session_id, str) or not session_id.strip():
                return False
            if len(session_id) > MAX_SENDER_CHARS or not session_id.isprintable():
                return False
            return signer is None or allow_unsigned or signer.verify(session_id)

        async def tell(sid: str, reply: str) -> None:
            """A reply to this socket only: not a turn of the conversation."""
            await sio.emit(
                self.bot_message_evt, {"text": as_markdown(reply)}, room=sid, namespace=namespace
            )

        async def refuse(sid: str, error: str, reason: str, reply: str) -> None:
            """Tell this socket why (an event for programs, a reply for the learner)."""
            await sio.emit(
                ERROR_EVENT, {"error": error, "reason": reason}, room=sid, namespace=namespace
            )
            await tell(sid, reply)

        async def join(sid: str, session_id: str) -> None:
            previous = self.sessions.get(sid)
            if previous and previous != session_id:
                await sio.leave_room(sid, previous, namespace=namespace)
            await sio.enter_room(sid, session_id, namespace=namespace)
            self.sessions[sid] = session_id

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> None:
            if not self.origin_allowed(environ.get("HTTP_ORIGIN")):
                logger.info("Refused a Socket.IO connection from an origin not in --cors")
                raise SocketRefused(NOT_ALLOWED_ORIGIN)

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: str, *reason: Any) -> None:
            self.sessions.pop(sid, None)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any = None) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            if valid(asked):
                session_id = str(asked)
            else:
                session_id = signer.issue() if signer else WEB_PREFIX + secrets.token_urlsafe(16)
            await join(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)
            if asked and session_id != asked:
                logger.info("A session id this server did not issue was replaced by a new one")
                await refuse(
                    sid,
                    "the session id was not issued by this server; a new one is confirmed",
                    "unsigned_session",
                    NEW_SESSION,
                )

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any = None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = self.sessions.get(sid)
            asked = data.get("session_id")
            if session_id is None and valid(asked):
                session_id = str(asked)  # a client that skipped session_request
                await join(sid, session_id)
            if session_id is None or (asked is not None and asked != session_id):
                logger.info("Refused a message for a session this socket was not confirmed in")
                await refuse(
                    sid,
                    "send session_request first and use the session id it confirms",
                    "bad_session",
                    BAD_SESSION,
                )
                return
            metadata = data.get(self.metadata_key)
            try:
                _sender, text, metadata = parse_request(
                    {"sender": session_id, "message": data.get("message"), "metadata": metadata},
                    metadata_limit,
                )
            except RequestProblem as problem:
                error = str(problem).replace("'metadata'", f"'{self.metadata_key}'")
                await refuse(sid, error, problem.reason, NOT_READ.format(reason=error))
                return
            if len(text) > MAX_MESSAGE_CHARS or not text.strip():
                await tell(sid, TOO_LONG if text.strip() else EMPTY)
                return
            output = CourseAdvisorSocketIOOutput(sio, self.bot_message_evt)
            if metadata:
                # This channel draws no cards: the assistant sends course lists as text.
                metadata.pop("renders", None)
            try:
                await on_new_message(
                    UserMessage(
                        text,
                        output,
                        session_id,
                        input_channel=self.name(),
                        metadata=metadata or None,
                    )
                )
            except Exception:
                logger.exception("Handling a message from %s failed", loggable(session_id))
            if not output.sent:
                logger.warning("No reply produced for %s; sending an apology", loggable(session_id))
                await output.send_text_message(session_id, APOLOGY)

        return webhook
