"""Faults through the REST channel: the learner always gets a reply and nothing is lost.

Each test runs its own servers (it stops and starts them), sharing one course store copy
and one tracker store file per test.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from pathlib import Path

import httpx
import pytest
from aiohttp import web

from bot.action_timeout import DEFAULT_TIMEOUT_S, TIMEOUT_REPLY
from bot.rest_channel import APOLOGY
from tests.servers import (
    Chat,
    Server,
    free_port,
    start_action_server,
    start_rasa_server,
)

pytestmark = pytest.mark.slow

OPENING = "I want to change career into cyber security, budget £500"


def _copy_store(course_db_url: str, tmp_path: Path) -> tuple[str, Path]:
    source = Path(course_db_url.removeprefix("sqlite:///"))
    copy = tmp_path / "courses.db"
    shutil.copy(source, copy)
    return f"sqlite:///{copy}", copy


def test_action_server_killed_then_restarted(
    tmp_path: Path, course_db_url: str, model_path: Path
) -> None:
    store_url, _ = _copy_store(course_db_url, tmp_path)
    action_port = free_port()
    actions = start_action_server(tmp_path, store_url, port=action_port)
    rasa = start_rasa_server(tmp_path, model_path, actions.url)
    try:
        chat = Chat(rasa.url, "resilience-actions")
        first = Chat.course_lists(chat.say(OPENING))
        assert first and first[0]["courses"]

        actions.stop()
        during = chat.say("anything cheaper?")
        assert Chat.text(during) == APOLOGY

        actions = start_action_server(tmp_path, store_url, port=action_port)
        after = Chat.course_lists(chat.say("anything cheaper?"))
        # The profile survived: still cyber security, without asking again.
        assert after and all(c["subject"] == "cybersecurity" for c in after[0]["courses"])
    finally:
        rasa.stop()
        actions.stop()


def test_rasa_server_restart_resumes_from_the_tracker_store(
    tmp_path: Path, course_db_url: str, model_path: Path
) -> None:
    store_url, _ = _copy_store(course_db_url, tmp_path)
    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    actions = start_action_server(tmp_path, store_url)
    rasa = start_rasa_server(tmp_path, model_path, actions.url, tracker_store_url=tracker_url)
    try:
        chat = Chat(rasa.url, "resilience-rasa")
        shown = Chat.course_lists(chat.say(OPENING))[0]["courses"]
        rasa.stop()

        rasa = start_rasa_server(tmp_path, model_path, actions.url, tracker_store_url=tracker_url)
        chat = Chat(rasa.url, "resilience-rasa")
        details = Chat.text(chat.say("tell me more about the second one"))
        assert shown[1]["title"] in details
    finally:
        rasa.stop()
        actions.stop()


def test_course_database_unavailable_then_back(
    tmp_path: Path, course_db_url: str, model_path: Path
) -> None:
    store_url, store_file = _copy_store(course_db_url, tmp_path)
    actions = start_action_server(tmp_path, store_url)
    rasa = start_rasa_server(tmp_path, model_path, actions.url)
    try:
        chat = Chat(rasa.url, "resilience-db")
        hidden = tmp_path / "courses.db.away"
        store_file.rename(hidden)
        down = Chat.text(chat.say(OPENING))
        assert "course database" in down

        store_file.unlink(missing_ok=True)  # SQLite may have created an empty file
        hidden.rename(store_file)
        replies = chat.say("show me cyber security courses again")
        back = Chat.course_lists(replies)
        assert back and back[0]["courses"], Chat.text(replies)
    finally:
        rasa.stop()
        actions.stop()


def test_an_unusable_tracker_store_stops_the_start_not_the_learners(
    tmp_path: Path, model_path: Path, stack: dict[str, Server]
) -> None:
    # A directory that is a file: the tracker store's SQLite file cannot be created. Rasa
    # would quietly keep conversations in memory (forgetting every learner each turn);
    # the server must refuse to start instead, and say why.
    (tmp_path / "not-a-dir").write_text("x")
    with pytest.raises(RuntimeError, match="exited during start-up") as started:
        start_rasa_server(
            tmp_path,
            model_path,
            stack["actions"].url,
            tracker_store_url=f"sqlite:///{tmp_path / 'not-a-dir' / 'tracker.db'}",
        )
    assert "The tracker store at sqlite:///" in str(started.value)
    assert "cannot be used, so conversations could not be kept" in str(started.value)


# The clients' own timeouts: the Telegram bridge's (bot/telegram/rasa_client.py) is the shorter;
# the web widget waits 45 s (bot/web/widget.js).
BRIDGE_TIMEOUT_S = 30.0


class HungActionServer:
    """An action server that takes every call and never answers (until stopped): aiohttp in a
    thread of the test."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.calls = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._release: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None

    def start(self) -> HungActionServer:
        threading.Thread(target=self._serve, daemon=True).start()
        assert self._ready.wait(10), "the hung action server did not start"
        return self

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._release = asyncio.Event()
        app = web.Application()
        app.router.add_post("/webhook", self._hang)
        self._runner = web.AppRunner(app)
        self._loop.run_until_complete(self._runner.setup())
        self._loop.run_until_complete(web.TCPSite(self._runner, "127.0.0.1", self.port).start())
        self._ready.set()
        self._loop.run_forever()

    async def _hang(self, request: web.Request) -> web.Response:
        self.calls += 1
        assert self._release is not None
        await self._release.wait()
        return web.json_response({"events": [], "responses": []})

    def stop(self) -> None:
        async def shut_down() -> None:
            assert self._release is not None and self._runner is not None
            self._release.set()
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(shut_down(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)


def test_a_hung_action_server_gets_the_learner_a_reply_within_the_client_timeout(
    tmp_path: Path, model_path: Path
) -> None:
    hung = HungActionServer().start()
    rasa = start_rasa_server(tmp_path, model_path, hung.url)  # the default ACTION_TIMEOUT
    try:
        chat = Chat(rasa.url, "resilience-hung")
        started = time.monotonic()
        replies = chat.say(OPENING)
        waited = time.monotonic() - started
        assert hung.calls >= 1
        assert DEFAULT_TIMEOUT_S <= waited < BRIDGE_TIMEOUT_S
        assert TIMEOUT_REPLY in Chat.text(replies)

        # Nothing the learner said is lost: the message is stored with the conversation.
        tracker = httpx.get(f"{rasa.url}/conversations/{chat.sender}/tracker", timeout=10)
        user_texts = [e.get("text") for e in tracker.json()["events"] if e["event"] == "user"]
        assert user_texts == [OPENING]

        # One WARNING per dropped turn, naming the action and the sender, not what was said.
        warnings = [
            line
            for line in rasa.log.read_text(errors="replace").splitlines()
            if "WARNING" in line and "timed out after" in line
        ]
        assert len(warnings) == 1, warnings
        assert "resilience-hung" in warnings[0]
        assert "cyber security" not in warnings[0]

        # A client that gives up first (here after 2 s) is logged too: the turn was dropped.
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(
                f"{rasa.url}/webhooks/rest/webhook",
                json={"sender": chat.sender, "message": "anything cheaper?"},
                timeout=2,
            )
        deadline = time.monotonic() + 10
        while "went away before the reply" not in rasa.log.read_text(errors="replace"):
            assert time.monotonic() < deadline, "no log line for the dropped turn"
            time.sleep(0.2)
        assert "anything cheaper" not in rasa.log.read_text(errors="replace")
    finally:
        rasa.stop()
        hung.stop()
