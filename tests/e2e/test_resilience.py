"""Faults through the REST channel: the learner always gets a reply and nothing is lost.

Each test runs its own servers (it stops and starts them), sharing one course store copy
and one tracker store file per test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
