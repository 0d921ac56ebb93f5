"""Forget-me forgets, and the logs keep no learner text (real servers, issue 14 item 5).

A learner tells the assistant a personal detail, asks to be forgotten and confirms. After
that, no row of the tracker store's database holds the detail, and neither the Rasa server's
nor the action server's log (both at INFO, as in production) ever showed it. An action that
fails on the learner's words answers and logs without them (bot/action_server.py,
bot/log_hygiene.py).
"""

from __future__ import annotations

import time

import httpx
import pytest
import sqlalchemy as sa

from tests.servers import Chat, Server

pytestmark = pytest.mark.slow

DETAIL = "Zebedee Quixotic-Farnsworth"


def _query(server: Server, sql: str, **params: str) -> list[str]:
    engine = sa.create_engine(server.extra["tracker_store_url"])
    try:
        with engine.connect() as connection:
            return [value for (value,) in connection.execute(sa.text(sql), params)]
    finally:
        engine.dispose()


def _stored(server: Server, text: str) -> list[str]:
    """The senders whose stored events contain ``text``."""
    sql = "SELECT DISTINCT sender_id FROM events WHERE data LIKE :text"
    return _query(server, sql, text=f"%{text}%")


def _user_messages(server: Server, sender: str) -> list[str]:
    sql = "SELECT data FROM events WHERE sender_id = :sender AND type_name = 'user'"
    return _query(server, sql, sender=sender)


def test_forget_me_leaves_no_trace_in_the_tracker_store_or_the_logs(
    stack: dict[str, Server],
) -> None:
    rasa = stack["rasa"]
    chat = Chat(rasa.url, f"privacy-{time.monotonic_ns()}")
    chat.say(f"Hi, I'm {DETAIL} and I want to change career into cyber security")
    chat.say("I can do 5 hours a week")
    assert _stored(rasa, DETAIL) == [chat.sender]

    done = asked = Chat.text(chat.say("/forget_me"))
    if "delete" in asked.lower() and "?" in asked:  # the assistant asks to confirm first
        done = Chat.text(chat.say("/affirm"))
    assert "deleted" in done.lower() or "forgotten" in done.lower(), done

    assert _stored(rasa, DETAIL) == []
    assert _user_messages(rasa, chat.sender) == []  # nor the request to forget
    # The conversation carries on afresh, with nothing of the old one.
    assert Chat.text(chat.say("hello"))
    assert _stored(rasa, DETAIL) == []
    assert len(_user_messages(rasa, chat.sender)) == 1
    for server in stack.values():
        assert DETAIL not in server.log.read_text(errors="replace"), server.log


def test_a_failing_action_logs_and_answers_without_learner_text(
    stack: dict[str, Server],
) -> None:
    secret = "Barnaby Secret-Lane"
    actions, rasa = stack["actions"], stack["rasa"]
    # Straight to the action server: a profile the search cannot use (a dict as subject).
    call = {
        "next_action": "action_recommend_courses",
        "version": "3.6.2",
        "domain": {},
        "tracker": {
            "sender_id": "web-privacy.signature",
            "slots": {"subject": {"name": secret}},
            "latest_message": {"text": secret},
            "events": [{"event": "user", "text": secret}],
            "active_loop": {},
        },
    }
    response = httpx.post(f"{actions.url}/webhook", json=call, timeout=30)
    assert response.status_code == 500
    assert secret not in response.text  # rasa-sdk itself echoes the whole request
    assert response.json()["error"].endswith("in action_recommend_courses")
    # Through Rasa, a payload that puts the learner's words where a subject id belongs.
    chat = Chat(rasa.url, f"privacy-fail-{time.monotonic_ns()}")
    assert chat.say(f'/find_course{{"subject": {{"name": "{secret}"}}}}')
    chat.say(f"my name is {secret}, anything cheaper?")
    for server in stack.values():
        lines = server.log.read_text(errors="replace").splitlines()
        assert not [line for line in lines if secret in line], server.log
