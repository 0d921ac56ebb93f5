"""Test doubles: Telegram faked at the Bot API request layer, Rasa with httpx.MockTransport."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx
from telegram.request import BaseRequest, RequestData

BOT_USER = {
    "id": 777,
    "is_bot": True,
    "first_name": "Course Advisor",
    "username": "course_advisor_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
LEARNER_ID = 4242


@dataclass
class Call:
    """One Bot API call: method name and its parameters (as Python values)."""

    method: str
    params: dict[str, Any]


class RecordingRequest(BaseRequest):
    """A Bot API that records every call and answers like Telegram would, without a network."""

    def __init__(self, failures: dict[str, tuple[int, str]] | None = None) -> None:
        self.calls: list[Call] = []
        self.failures = dict(failures or {})
        self._next_failures: dict[str, list[dict[str, Any]]] = {}
        self.updates: list[dict[str, Any]] = []  # handed out by the next getUpdates
        self.on_call: Callable[[Call], None] | None = None
        self._message_ids = itertools.count(1000)

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append(Call(name, params))
        if self.on_call is not None:
            self.on_call(self.calls[-1])
        queued = self._next_failures.get(name)
        if queued:
            body = queued.pop(0)
            return body["error_code"], json.dumps(body).encode()
        if name in self.failures:
            status, description = self.failures[name]
            body = {"ok": False, "error_code": status, "description": description}
            return status, json.dumps(body).encode()
        if name == "getUpdates" and not self.updates:
            await asyncio.sleep(0.01)  # a long poll that found nothing
        return 200, json.dumps({"ok": True, "result": self._result(name, params)}).encode()

    def _result(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return BOT_USER
        if name == "getUpdates":
            updates, self.updates = self.updates, []
            return updates
        if name in {"sendMessage", "sendPhoto"}:
            chat_id = params["chat_id"]
            message: dict[str, Any] = {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": BOT_USER,
            }
            if name == "sendMessage":
                message["text"] = params["text"]
            else:
                message["photo"] = [
                    {"file_id": "p1", "file_unique_id": "u1", "width": 10, "height": 10}
                ]
            return message
        return True

    def fail_next(self, method: str, status: int, description: str, **parameters: Any) -> None:
        """Make the next call of ``method`` fail (e.g. ``retry_after=1`` for flood control)."""
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        self._next_failures.setdefault(method, []).append(body)

    # What the tests look at.
    def named(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def texts(self) -> list[str]:
        return [str(call.params["text"]) for call in self.named("sendMessage")]

    def keyboards(self) -> list[list[list[dict[str, Any]]]]:
        return [
            call.params["reply_markup"]["inline_keyboard"]
            for call in self.named("sendMessage")
            if call.params.get("reply_markup")
        ]

    def conversation(self) -> list[Call]:
        """Calls a learner would notice (not getMe or setMyCommands)."""
        return [call for call in self.calls if call.method not in {"getMe", "setMyCommands"}]

    def clear(self) -> None:
        self.calls.clear()


Responder = Callable[[httpx.Request], httpx.Response]


@dataclass
class FakeRasa:
    """Rasa's REST channel: answers from a script of responses (or exceptions), recording bodies."""

    script: list[httpx.Response | Exception | list[dict[str, Any]]] = field(default_factory=list)
    default: list[dict[str, Any]] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)

    def then(self, *steps: httpx.Response | Exception | list[dict[str, Any]]) -> FakeRasa:
        self.script.extend(steps)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.method == "POST"
        assert request.url.path == "/webhooks/rest/webhook"
        self.received.append(json.loads(request.content))
        step = self.script.pop(0) if self.script else self.default
        if isinstance(step, Exception):
            raise step
        if isinstance(step, httpx.Response):
            return step
        return httpx.Response(200, json=step)

    @property
    def messages(self) -> list[str]:
        return [body["message"] for body in self.received]

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def user(chat_id: int = LEARNER_ID) -> dict[str, Any]:
    return {"id": chat_id, "is_bot": False, "first_name": "Ada", "language_code": "en"}


def chat(chat_id: int = LEARNER_ID) -> dict[str, Any]:
    return {"id": chat_id, "type": "private", "first_name": "Ada"}


_update_ids = itertools.count(1)


def text_update(text: str, chat_id: int = LEARNER_ID) -> dict[str, Any]:
    """An update with a learner's text message (a command if it starts with "/")."""
    message: dict[str, Any] = {
        "message_id": next(_update_ids),
        "date": int(time.time()),
        "chat": chat(chat_id),
        "from": user(chat_id),
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"update_id": next(_update_ids), "message": message}


def button_update(data: str, chat_id: int = LEARNER_ID) -> dict[str, Any]:
    """An update for a press on an inline button with callback ``data``."""
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": f"cb{next(_update_ids)}",
            "from": user(chat_id),
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": next(_update_ids),
                "date": int(time.time()),
                "chat": chat(chat_id),
                "from": BOT_USER,
                "text": "Pick one",
            },
        },
    }


def sticker_update(chat_id: int = LEARNER_ID) -> dict[str, Any]:
    return {
        "update_id": next(_update_ids),
        "message": {
            "message_id": next(_update_ids),
            "date": int(time.time()),
            "chat": chat(chat_id),
            "from": user(chat_id),
            "sticker": {
                "file_id": "s",
                "file_unique_id": "su",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            },
        },
    }


def callback_data_of(keyboards: Iterable[list[list[dict[str, Any]]]]) -> list[str]:
    return [
        button["callback_data"]
        for keyboard in keyboards
        for row in keyboard
        for button in row
        if "callback_data" in button
    ]


class SilentServer:
    """A TCP server that accepts connections and reads requests but never answers."""

    def __init__(self) -> None:
        self.connections = 0
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    async def start(self) -> SilentServer:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        return self

    @property
    def url(self) -> str:
        assert self._server is not None
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self._writers.append(writer)
        await reader.read(65536)

    async def stop(self) -> None:
        for writer in self._writers:
            writer.close()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
