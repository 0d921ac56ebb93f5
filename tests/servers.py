"""Real servers for end-to-end tests: a course store, the action server and the Rasa server.

The model comes from ``COURSE_ADVISOR_MODEL`` (``make test`` trains it first); without it the
fixture trains one into a temporary folder, which takes a few minutes. Every server gets its
own free port and a temporary course database, never the user's.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.sender_ids import SenderSigner

ROOT = Path(__file__).resolve().parents[1]
RASA = str(Path(sys.executable).with_name("rasa"))
START_TIMEOUT_S = 180
#: The sender-signing secret of every server the tests start (bot/sender_ids.py).
TEST_SENDER_SECRET = "test-sender-secret-that-is-long-enough-0123456789"
TEST_SIGNER = SenderSigner(TEST_SENDER_SECRET.encode())


def signed(sender: str) -> str:
    """``sender`` signed as the test servers expect (as a web session or bridge would)."""
    return TEST_SIGNER.sign(sender)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited during start-up:\n{log.read_text()[-4000:]}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not start within {START_TIMEOUT_S}s:\n{log.read_text()[-4000:]}")


def server_env(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "LOCK_STORE_TYPE": "in_memory",
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": "6379",
        "REDIS_DB": "1",
        "REDIS_PASSWORD": "",
        "SANIC_HOST": "127.0.0.1",
        "SENDER_SECRET": TEST_SENDER_SECRET,
    }
    env.pop("ALLOW_UNSIGNED_SENDERS", None)
    env.update(extra)
    return env


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path
    extra: dict[str, Any] = field(default_factory=dict)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_process(args: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    handle = log.open("wb")
    return subprocess.Popen(args, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, env=env)


def import_catalogue_file(path: Path) -> str:
    """Import the real catalogue into a new SQLite file; returns its URL."""
    url = f"sqlite:///{path}"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "actions.store.importer",
            "--db",
            url,
            "--quiet",
            str(ROOT / "data" / "catalogue" / "courses.csv"),
        ],
        cwd=ROOT,
        check=True,
        env=server_env(),
    )
    return url


@pytest.fixture(scope="session")
def course_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return import_catalogue_file(tmp_path_factory.mktemp("store") / "courses.db")


@pytest.fixture(scope="session")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("COURSE_ADVISOR_MODEL")
    if given:
        path = Path(given)
        if not path.is_absolute():
            path = ROOT / path
        assert path.exists(), f"COURSE_ADVISOR_MODEL={given} does not exist"
        return path
    out = tmp_path_factory.mktemp("models")
    subprocess.run(
        [
            RASA,
            "train",
            "--data",
            "data/nlu",
            "data/rules",
            "--out",
            str(out),
            "--fixed-model-name",
            "e2e",
        ],
        cwd=ROOT,
        check=True,
        env=server_env(ACTION_SERVER_URL="http://127.0.0.1:1/webhook"),
    )
    return out / "e2e.tar.gz"


def start_action_server(tmp: Path, db_url: str, port: int | None = None) -> Server:
    port = port or free_port()
    log = tmp / f"actions-{port}.log"
    process = start_process(
        [RASA, "run", "actions", "--actions", "actions", "--port", str(port)],
        log,
        server_env(COURSE_DB_URL=db_url),
    )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    wait_until_up(f"{server.url}/health", process, log)
    return server


def start_rasa_server(
    tmp: Path,
    model: Path,
    action_url: str,
    *,
    token: str | None = None,
    extra_args: tuple[str, ...] = (),
    tracker_store_url: str | None = None,
    env: dict[str, str] | None = None,
    port: int | None = None,
) -> Server:
    """A Rasa server; conversations go to ``tracker_store_url`` (a new SQLite file by default)."""
    port = port or free_port()
    tracker = tracker_store_url or f"sqlite:///{tmp / f'tracker-{port}.db'}"
    log = tmp / f"rasa-{port}.log"
    args = [
        RASA,
        "run",
        "--enable-api",
        "--interface",
        "127.0.0.1",
        "--port",
        str(port),
        "--model",
        str(model),
        "--endpoints",
        "endpoints.yml",
        "--credentials",
        "credentials.yml",
        *extra_args,
    ]
    if token:
        # One argument with "=": a token may start with "-" (token_urlsafe), which argparse
        # would take for an option ("argument -t/--auth-token: expected one argument").
        args += [f"--auth-token={token}"]
    process = start_process(
        args,
        log,
        server_env(
            ACTION_SERVER_URL=f"{action_url}/webhook", TRACKER_STORE_URL=tracker, **(env or {})
        ),
    )
    server = Server(process, f"http://127.0.0.1:{port}", log, {"tracker_store_url": tracker})
    wait_until_up(f"{server.url}/", process, log)
    return server


class Chat:
    """Talks to the REST channel as one learner (with a signed sender id)."""

    def __init__(self, base_url: str, sender: str) -> None:
        self.base_url = base_url
        self.sender = signed(sender)

    def say(self, message: str) -> list[dict[str, Any]]:
        response = httpx.post(
            f"{self.base_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": message},
            timeout=60,
        )
        response.raise_for_status()
        replies: list[dict[str, Any]] = response.json()
        return replies

    @staticmethod
    def text(replies: list[dict[str, Any]]) -> str:
        return "\n".join(reply.get("text", "") for reply in replies if reply.get("text"))

    @staticmethod
    def course_lists(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            reply["custom"]
            for reply in replies
            if isinstance(reply.get("custom"), dict)
            and reply["custom"].get("type") == "course_list"
        ]


@pytest.fixture(scope="session")
def stack(
    tmp_path_factory: pytest.TempPathFactory, course_db_url: str, model_path: Path
) -> Iterator[dict[str, Server]]:
    tmp = tmp_path_factory.mktemp("servers")
    actions = start_action_server(tmp, course_db_url)
    try:
        rasa = start_rasa_server(tmp, model_path, actions.url)
    except Exception:
        actions.stop()
        raise
    yield {"actions": actions, "rasa": rasa}
    rasa.stop()
    actions.stop()


@pytest.fixture
def chat(stack: dict[str, Server], request: pytest.FixtureRequest) -> Chat:
    return Chat(stack["rasa"].url, f"e2e-{request.node.name}-{time.monotonic_ns()}")


Say = Callable[[str, str], list[dict[str, Any]]]


Slots = Callable[[str], dict[str, Any]]


@contextmanager
def rest_stack(model: Path, prefix: str = "conversations-") -> Iterator[tuple[Say, Slots]]:
    """A whole stack (catalogue store, action server, Rasa server) for scripts that hold
    conversations through the REST channel; yields ``say(sender, message) -> replies``
    and ``slots(sender) -> the conversation's slots`` (senders are signed here)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp_name:
        tmp = Path(tmp_name)
        db_url = import_catalogue_file(tmp / "courses.db")
        actions = start_action_server(tmp, db_url)
        try:
            rasa = start_rasa_server(tmp, model, actions.url)
            try:
                with httpx.Client(timeout=60) as client:

                    def say(sender: str, message: str) -> list[dict[str, Any]]:
                        response = client.post(
                            f"{rasa.url}/webhooks/rest/webhook",
                            json={"sender": signed(sender), "message": message},
                        )
                        response.raise_for_status()
                        replies: list[dict[str, Any]] = response.json()
                        return replies

                    def slots(sender: str) -> dict[str, Any]:
                        response = client.get(
                            f"{rasa.url}/conversations/{signed(sender)}/tracker",
                            params={"include_events": "NONE"},
                        )
                        response.raise_for_status()
                        found: dict[str, Any] = response.json().get("slots") or {}
                        return found

                    yield say, slots
            finally:
                rasa.stop()
        finally:
            actions.stop()


@contextmanager
def rest_conversations(model: Path, prefix: str = "conversations-") -> Iterator[Say]:
    """:func:`rest_stack` for scripts that only talk: yields ``say``."""
    with rest_stack(model, prefix) as (say, _):
        yield say
