"""`make run`'s stack (scripts/run.sh under supervisord): a killed server comes back by itself.

The stack is started the way `make run` starts it, on free ports, with a copy of the course
store, a new tracker store and the test model; Ctrl-C (SIGINT to the script's process group,
as a terminal sends it) stops everything.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.servers import ROOT, Chat, free_port, server_env

pytestmark = pytest.mark.slow

OPENING = "I want to change career into cyber security, budget £500"
READY = "Course Advisor is running."
START_TIMEOUT_S = 300
SUPERVISORCTL = str(Path(sys.executable).with_name("supervisorctl"))
#: supervisorctl's exit status for a program that is not running.
NOT_RUNNING = 7


@dataclass
class RunStack:
    process: subprocess.Popen[bytes]
    log: Path
    env: dict[str, str]
    rasa_url: str
    action_url: str
    widget_url: str

    def pid(self, program: str) -> int:
        """The pid of one of supervisord's programs, from supervisorctl; 0 while it is not
        running (between a crash and its restart supervisorctl says 0 and exits with 7,
        NOT_RUNNING)."""
        done = subprocess.run(
            [SUPERVISORCTL, "-c", "scripts/supervisord.conf", "pid", program],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode not in (0, NOT_RUNNING):
            raise subprocess.CalledProcessError(done.returncode, done.args, done.stdout)
        return int(done.stdout.strip() or 0)

    def interrupt(self) -> int:
        """Ctrl-C: SIGINT to the whole process group, as a terminal does; the exit status."""
        os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout=90)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def run_stack(tmp_path: Path, course_db_url: str, model_path: Path) -> Iterator[RunStack]:
    store = tmp_path / "courses.db"
    shutil.copy(course_db_url.removeprefix("sqlite:///"), store)
    rasa_port, action_port, widget_port = free_port(), free_port(), free_port()
    env = server_env(
        RASA_PORT=str(rasa_port),
        ACTION_PORT=str(action_port),
        ACTION_SERVER_URL=f"http://127.0.0.1:{action_port}/webhook",
        WIDGET_PORT=str(widget_port),
        RASA_MODEL=str(model_path),
        COURSE_DB_URL=f"sqlite:///{store}",
        TRACKER_STORE_URL=f"sqlite:///{tmp_path / 'tracker.db'}",
        SUPERVISOR_DIR=str(tmp_path / "supervisor"),
    )
    for name in ("TELEGRAM_BOT_TOKEN", "RASA_TOKEN", "RASA_INTERFACE", "RASA_CORS_ORIGINS"):
        env.pop(name, None)
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["scripts/run.sh"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, like a terminal's foreground job
        )
    stack = RunStack(
        process,
        log,
        env,
        f"http://127.0.0.1:{rasa_port}",
        f"http://127.0.0.1:{action_port}",
        f"http://127.0.0.1:{widget_port}",
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while READY not in log.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"run.sh did not start:\n{log.read_text(errors='replace')[-4000:]}")
            time.sleep(1)
        yield stack
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def test_a_killed_action_server_is_restarted_and_the_conversation_carries_on(
    run_stack: RunStack,
) -> None:
    chat = Chat(run_stack.rasa_url, "supervised-learner")
    first = Chat.course_lists(chat.say(OPENING))
    assert first and first[0]["courses"]

    rasa_pid = run_stack.pid("rasa")
    widget_pid = run_stack.pid("widget")
    killed = run_stack.pid("actions")
    os.kill(killed, signal.SIGKILL)

    _wait_for(lambda: not _alive(killed), 10, "the action server to die")
    _wait_for(
        lambda: (
            run_stack.pid("actions") not in (0, killed)
            and _answers(f"{run_stack.action_url}/health")
        ),
        90,
        "supervisord to start the action server again",
    )
    after = Chat.course_lists(chat.say("anything cheaper?"))
    # The same conversation: still cyber security, nothing asked again.
    assert after and all(c["subject"] == "cybersecurity" for c in after[0]["courses"])
    # Only the killed process was started again; the others kept running.
    assert run_stack.pid("rasa") == rasa_pid
    assert run_stack.pid("widget") == widget_pid
    assert _answers(f"{run_stack.widget_url}/")
    assert "exited: actions (terminated by SIGKILL; not expected)" in run_stack.log.read_text()

    pids = [rasa_pid, widget_pid, run_stack.pid("actions")]
    assert run_stack.interrupt() == 130  # Ctrl-C stops everything
    _wait_for(lambda: not any(_alive(pid) for pid in pids), 30, "every server to stop")
    assert "==> Stopped." in run_stack.log.read_text()
