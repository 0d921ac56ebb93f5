"""The Socket.IO channel (bot/socketio_channel.py) on a real Sanic server, with a Socket.IO client.

The assistant is a stand-in (``Assistant``) that answers through the channel's output like
Rasa does (``send_response`` per bot message), so these tests need no model; the real stack
with the published rasa-webchat bundle is tested in tests/bot/web/test_webchat_real_stack.py.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import httpx
import pytest
import socketio
from rasa.core.channels.channel import UserMessage
from rasa.server import configure_cors
from sanic import Sanic

from bot.rest_channel import APOLOGY, EMPTY, MAX_MESSAGE_CHARS, TOO_LONG
from bot.sender_ids import SenderSigner
from bot.socketio_channel import (
    BAD_SESSION,
    NEW_SESSION,
    NOT_ALLOWED_ORIGIN,
    CourseAdvisorSocketIOInput,
    CourseAdvisorSocketIOOutput,
    already_said,
    as_markdown,
    course_list_messages,
)
from tests.servers import TEST_SENDER_SECRET, free_port

ALLOWED = "http://allowed.example"
SIGNER = SenderSigner(TEST_SENDER_SECRET.encode())
COURSES = [
    {"title": "Cyber Security Basics", "provider": "OU", "why": "Title mentions cyber security"},
    {"title": "Ethical Hacking", "provider": "Coventry", "link": "https://example.org/eh"},
]
COURSE_LIST = {"type": "course_list", "courses": COURSES, "relaxed": []}
_names = itertools.count()


@dataclass
class Assistant:
    """Answers like Rasa: each bot message through ``output_channel.send_response``."""

    heard: list[UserMessage] = field(default_factory=list)
    fail: bool = False
    silent: bool = False

    async def __call__(self, message: UserMessage) -> None:
        self.heard.append(message)
        if self.fail:
            raise RuntimeError("the assistant failed")
        if self.silent:
            return
        out = message.output_channel
        if message.text == "courses":
            header = "Here are 2 courses that fit:"
            lines = "\n".join(f"{i}. {c['title']}\n   Why: x" for i, c in enumerate(COURSES, 1))
            await out.send_response(
                message.sender_id, {"text": f"{header}\n\n{lines}", "custom": dict(COURSE_LIST)}
            )
            await out.send_response(
                message.sender_id,
                {
                    "text": "Tap below.",
                    "buttons": [
                        {"title": "More on 1", "payload": '/course_details{"course_index":[1]}'}
                    ],
                },
            )
        elif message.text == "cards only":
            await out.send_response(
                message.sender_id, {"text": "Your shortlist (2):", "custom": COURSE_LIST}
            )
        else:
            await out.send_response(message.sender_id, {"text": f"you said: {message.text}"})


@dataclass
class Running:
    url: str
    assistant: Assistant
    channel: CourseAdvisorSocketIOInput


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENDER_SECRET", TEST_SENDER_SECRET)
    monkeypatch.delenv("ALLOW_UNSIGNED_SENDERS", raising=False)


@pytest.fixture
async def server(env: None) -> AsyncIterator[Running]:
    Sanic.test_mode = True
    app = Sanic(f"socketio_channel_test_{next(_names)}")
    app.config.GRACEFUL_SHUTDOWN_TIMEOUT = 0.5  # do not wait for open long-polling requests
    configure_cors(app, [ALLOWED])  # what `rasa run --cors ALLOWED` does
    channel = CourseAdvisorSocketIOInput.from_credentials(None)
    assert isinstance(channel, CourseAdvisorSocketIOInput)
    assistant = Assistant()
    app.blueprint(channel.blueprint(assistant), url_prefix="/webhooks/socketio")
    port = free_port()
    started = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    assert started is not None
    await started.startup()
    await started.before_start()
    await started.after_start()
    yield Running(f"http://127.0.0.1:{port}", assistant, channel)
    await started.before_stop()
    started.close()
    await started.wait_closed()
    await started.after_stop()


class Client:
    """A Socket.IO client that collects what the server sends."""

    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.events: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        for event in ("session_confirm", "bot_uttered", "request_error"):
            self.sio.on(event, self._collector(event))

    def _collector(self, event: str) -> Any:
        async def collect(data: Any = None) -> None:
            await self.events.put((event, data))

        return collect

    async def connect(
        self, url: str, origin: str | None = ALLOWED, transport: str = "websocket"
    ) -> None:
        headers = {"Origin": origin} if origin else {}
        await self.sio.connect(url, headers=headers, transports=[transport], wait_timeout=5)

    async def close(self) -> None:
        """Disconnect without waiting for a pending long-poll (the Python client's polling
        disconnect waits out its 30 s request timeout)."""
        if self.sio.connected:
            await self.sio.eio.disconnect(abort=True)

    async def next(self, timeout: float = 5) -> tuple[str, Any]:
        return await asyncio.wait_for(self.events.get(), timeout)

    async def until_quiet(self, quiet: float = 0.3) -> list[tuple[str, Any]]:
        got = []
        while True:
            try:
                got.append(await asyncio.wait_for(self.events.get(), quiet))
            except asyncio.TimeoutError:
                return got

    async def session(self, session_id: str | None = None) -> str:
        await self.sio.emit("session_request", {"session_id": session_id})
        event, data = await self.next()
        assert event == "session_confirm"
        assert isinstance(data, str)
        return data

    async def say(self, session_id: str, message: Any, **extra: Any) -> list[tuple[str, Any]]:
        await self.sio.emit("user_uttered", {"message": message, "session_id": session_id, **extra})
        return await self.until_quiet()


@pytest.fixture(autouse=True)
def _websocket_client_on_our_aiohttp(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-engineio 4.15's client asks aiohttp >= 3.10 for ``ClientWSTimeout``; Rasa pins
    aiohttp 3.9, whose ``ws_connect`` takes the same close timeout as a number. Test client only:
    the server side needs neither."""
    if not hasattr(aiohttp, "ClientWSTimeout"):
        monkeypatch.setattr(aiohttp, "ClientWSTimeout", lambda ws_close: ws_close, raising=False)


@pytest.fixture
async def client() -> AsyncIterator[Client]:
    made = Client()
    yield made
    await made.close()


def texts(events: list[tuple[str, Any]]) -> list[str]:
    return [data["text"] for event, data in events if event == "bot_uttered"]


# -------------------------------------------------------------------- pure functions
def test_line_breaks_and_list_numbers_survive_markdown() -> None:
    assert (
        as_markdown("Here:\n1. A\n   Why: b \n12. C") == "Here:  \n1\\. A  \n   Why: b  \n12\\. C"
    )
    assert as_markdown("It costs 1.5 a week") == "It costs 1.5 a week"


def test_a_course_list_is_numbered_text_with_a_quick_reply_per_course() -> None:
    [message] = course_list_messages(
        {**COURSE_LIST, "courses": [COURSES[0], {**COURSES[1], "position": 5}]}
    )
    assert set(message) == {
        "text",
        "quick_replies",
    }  # the only shape rasa-webchat draws with replies
    assert message["text"].startswith("1\\. Cyber Security Basics (OU)  \n   Why: Title mentions")
    assert "5\\. Ethical Hacking (Coventry)  \n   https://example.org/eh" in message["text"]
    assert [r["title"] for r in message["quick_replies"]] == ["More on 1", "More on 5"]
    assert message["quick_replies"][1]["payload"] == '/course_details{"course_index":[5]}'
    assert course_list_messages({"type": "course_list", "courses": "nope"}) == []


def test_cards_already_in_the_text_are_not_repeated() -> None:
    assert already_said(COURSE_LIST, "1. Cyber Security Basics ...\n2. Ethical Hacking ...")
    assert not already_said(COURSE_LIST, "Your shortlist (2):")
    assert not already_said(COURSE_LIST, None)
    assert not already_said({"type": "course_list", "courses": []}, "anything")


def test_the_channel_is_named_socketio_and_keeps_sessions(env: None) -> None:
    channel = CourseAdvisorSocketIOInput.from_credentials({"session_persistence": False})
    assert isinstance(channel, CourseAdvisorSocketIOInput)
    assert channel.name() == "socketio" and channel.session_persistence
    assert channel.metadata_key == "customData"  # what rasa-webchat sends
    assert channel.get_output_channel() is None  # no server yet


def test_an_unset_secret_stops_the_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SENDER_SECRET", raising=False)
    monkeypatch.delenv("ALLOW_UNSIGNED_SENDERS", raising=False)
    channel = CourseAdvisorSocketIOInput.from_credentials(None)
    with pytest.raises(RuntimeError, match="SENDER_SECRET"):
        channel.blueprint(Assistant())


class FailingServer:
    async def emit(self, *args: Any, **kwargs: Any) -> None:
        raise ConnectionError("gone")


async def test_a_failed_emit_does_not_stop_the_turn() -> None:
    output = CourseAdvisorSocketIOOutput(FailingServer(), "bot_uttered")  # type: ignore[arg-type]
    await output.send_response(
        "s", {"text": "hello", "custom": {"type": "course_list", "courses": COURSES}}
    )
    assert output.sent == 0


# -------------------------------------------------------------------- over a real socket
@pytest.mark.parametrize("transport", ["websocket", "polling"])
async def test_a_session_is_confirmed_signed_and_replies_reach_it(
    server: Running, client: Client, transport: str
) -> None:
    await client.connect(server.url, transport=transport)
    session = await client.session()
    assert SIGNER.verify(session) and session.startswith("web-")
    assert texts(await client.say(session, "hello")) == ["you said: hello"]
    [heard] = server.assistant.heard
    assert heard.sender_id == session and heard.input_channel == "socketio"


async def test_a_reload_continues_the_same_session(server: Running, client: Client) -> None:
    await client.connect(server.url)
    session = await client.session()
    await client.close()
    again = Client()
    try:
        await again.connect(server.url)
        assert await again.session(session) == session  # the page reloaded with its stored id
        assert texts(await again.say(session, "still me")) == ["you said: still me"]
    finally:
        await again.close()
    assert {m.sender_id for m in server.assistant.heard} == {session}


async def test_every_tab_of_a_session_gets_the_replies(server: Running, client: Client) -> None:
    await client.connect(server.url)
    session = await client.session()
    other = Client()
    try:
        await other.connect(server.url)
        await other.session(session)
        assert texts(await client.say(session, "hi")) == ["you said: hi"]
        assert texts(await other.until_quiet()) == ["you said: hi"]
    finally:
        await other.close()


async def test_a_course_list_arrives_as_text_with_quick_replies_once(
    server: Running, client: Client
) -> None:
    await client.connect(server.url)
    session = await client.session()
    events = await client.say(session, "courses", customData={"renders": ["course_list"]})
    messages = [data for event, data in events if event == "bot_uttered"]
    assert [m["text"] for m in messages] == [
        "Here are 2 courses that fit:",
        "1\\. Cyber Security Basics  \n   Why: x  \n2\\. Ethical Hacking  \n   Why: x",
        "Tap below.",
    ]
    assert all(set(m) <= {"text", "quick_replies"} for m in messages)
    assert messages[-1]["quick_replies"] == [
        {
            "content_type": "text",
            "title": "More on 1",
            "payload": '/course_details{"course_index":[1]}',
        }
    ]
    # The channel draws no cards, whatever the client claims: the assistant sends text.
    assert not (server.assistant.heard[0].metadata or {}).get("renders")


async def test_a_course_list_without_text_is_drawn_as_text(server: Running, client: Client) -> None:
    await client.connect(server.url)
    session = await client.session()
    messages = [
        data for event, data in await client.say(session, "cards only") if event == "bot_uttered"
    ]
    assert messages[0] == {"text": "Your shortlist (2):"}
    assert messages[1]["text"].startswith("1\\. Cyber Security Basics (OU)")
    assert [r["title"] for r in messages[1]["quick_replies"]] == ["More on 1", "More on 2"]


async def test_a_made_up_session_id_gets_a_new_signed_one(server: Running, client: Client) -> None:
    await client.connect(server.url)
    forged = "web-someone-else." + "A" * 32
    session = await client.session(forged)
    assert session != forged and SIGNER.verify(session)
    events = await client.until_quiet()
    assert (
        "request_error",
        {"error": events[0][1]["error"], "reason": "unsigned_session"},
    ) == events[0]
    assert texts(events) == [NEW_SESSION]


async def test_a_message_for_another_session_is_refused(server: Running, client: Client) -> None:
    await client.connect(server.url)
    await client.session()
    someone_else = SIGNER.issue()
    events = await client.say(someone_else, "show me their shortlist")
    assert events[0][0] == "request_error" and events[0][1]["reason"] == "bad_session"
    assert texts(events) == [BAD_SESSION]
    assert server.assistant.heard == []


async def test_a_message_before_session_request_needs_a_signed_id(
    server: Running, client: Client
) -> None:
    await client.connect(server.url)
    events = await client.say("made-up", "hi")
    assert texts(events) == [BAD_SESSION] and server.assistant.heard == []
    session = SIGNER.issue()  # e.g. a client that stored its id and skipped session_request
    assert texts(await client.say(session, "hi")) == ["you said: hi"]


@pytest.mark.parametrize(
    ("message", "reply"),
    [(None, EMPTY), ("   ", EMPTY), ("x" * (MAX_MESSAGE_CHARS + 1), TOO_LONG)],
    ids=["missing", "blank", "over-long"],
)
async def test_empty_and_over_long_messages_get_the_rest_channels_answer(
    server: Running, client: Client, message: Any, reply: str
) -> None:
    await client.connect(server.url)
    session = await client.session()
    assert texts(await client.say(session, message)) == [reply]
    assert server.assistant.heard == []
    # Nothing is lost: the same session goes on.
    assert texts(await client.say(session, "hi")) == ["you said: hi"]


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"message": ["hi"]}, "bad_request"),
        ({"message": "hi", "customData": "x"}, "bad_request"),
        ({"message": "hi", "customData": {"k": "v" * 10_000}}, "metadata_too_large"),
        ({"message": '/inform{"budget": 1e400}'}, "bad_request"),
    ],
    ids=["not-text", "metadata-not-object", "metadata-too-large", "infinite-number"],
)
async def test_bad_messages_are_named_and_not_processed(
    server: Running, client: Client, extra: dict[str, Any], reason: str
) -> None:
    await client.connect(server.url)
    session = await client.session()
    await client.sio.emit("user_uttered", {"session_id": session, **extra})
    events = await client.until_quiet()
    assert events[0][0] == "request_error" and events[0][1]["reason"] == reason
    assert texts(events)[0].startswith("Sorry, I couldn't read that message")
    assert "'metadata'" not in events[0][1]["error"]  # named as the client sent it
    assert server.assistant.heard == []


async def test_every_message_gets_a_reply(server: Running, client: Client) -> None:
    await client.connect(server.url)
    session = await client.session()
    server.assistant.fail = True
    assert texts(await client.say(session, "hi")) == [as_markdown(APOLOGY)]
    server.assistant.fail, server.assistant.silent = False, True
    assert texts(await client.say(session, "hi")) == [as_markdown(APOLOGY)]


async def test_only_allowed_origins_may_connect(server: Running) -> None:
    refused = Client()
    with pytest.raises(socketio.exceptions.ConnectionError):
        await refused.connect(server.url, origin="http://evil.example")
    allowed = Client()
    await allowed.connect(server.url, origin=ALLOWED)
    await allowed.close()
    no_browser = Client()  # no Origin: not a browser page, CORS does not apply
    await no_browser.connect(server.url, origin=None)
    await no_browser.close()


async def test_long_polling_from_another_origin_is_refused_too(server: Running) -> None:
    # Engine.IO's own handshake, then Socket.IO's CONNECT packet ("40"): refused ("44...").
    url = f"{server.url}/socket.io/?EIO=4&transport=polling"
    async with httpx.AsyncClient(headers={"Origin": "http://evil.example"}, timeout=10) as http:
        handshake = await http.get(url)
        sid = json.loads(handshake.text[1:])["sid"]
        assert (await http.post(f"{url}&sid={sid}", content="40")).status_code == 200
        answer = await http.get(f"{url}&sid={sid}")
    assert answer.text.startswith("44") and NOT_ALLOWED_ORIGIN in answer.text


async def test_polling_answers_carry_the_cors_header_once(server: Running) -> None:
    url = f"{server.url}/socket.io/?EIO=4&transport=polling"
    async with httpx.AsyncClient() as http:
        allowed = await http.get(url, headers={"Origin": ALLOWED})
        other = await http.get(url, headers={"Origin": "http://evil.example"})
    assert allowed.status_code == 200
    assert allowed.headers.get_list("access-control-allow-origin") == [ALLOWED]
    assert "access-control-allow-origin" not in other.headers
