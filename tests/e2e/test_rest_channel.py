"""End to end through the REST channel with the real Rasa server, action server and store."""

from __future__ import annotations

import json

import httpx
import pytest
import sqlalchemy as sa

from bot.rest_channel import DEFAULT_MAX_METADATA_BYTES
from tests.servers import Chat

pytestmark = pytest.mark.slow

COURSE_FIELDS = {
    "id",
    "title",
    "provider",
    "subject",
    "duration_weeks",
    "hours_per_week",
    "price",
    "currency",
    "price_as_of",
    "credits",
    "credit_scheme",
    "url",
    "why",
}


def test_greeting_gets_a_reply(chat: Chat) -> None:
    replies = chat.say("hello")
    assert "Course Advisor" in Chat.text(replies)
    assert any(reply.get("buttons") for reply in replies)


def test_capabilities_and_goodbye(chat: Chat) -> None:
    assert "recommend" in Chat.text(chat.say("what can you do?")).lower()
    assert Chat.text(chat.say("bye, thanks for everything")).strip()


def test_journey_goal_to_recommendations_refine_details_and_save(chat: Chat) -> None:
    replies = chat.say("I want to change career into data science, my budget is £600")
    # Goal and subject are known and a budget was given, so it recommends straight away.
    lists = Chat.course_lists(replies)
    assert lists, Chat.text(replies)
    courses = lists[0]["courses"]
    assert 1 <= len(courses) <= 3
    for course in courses:
        assert set(course) >= COURSE_FIELDS
        assert course["subject"] == "data-science-ai", [c["title"] for c in courses]
        assert course["why"]

    cheaper = Chat.course_lists(chat.say("anything cheaper?"))
    assert cheaper and cheaper[0]["courses"]

    details = chat.say("tell me more about the second one")
    assert Chat.text(details).strip()
    second = cheaper[0]["courses"][1]["title"] if len(cheaper[0]["courses"]) > 1 else ""
    assert second in Chat.text(details)

    saved = Chat.text(chat.say("save them"))
    assert "shortlist" in saved.lower()
    shown = chat.say("show my shortlist")
    assert Chat.course_lists(shown)


def test_form_asks_for_what_is_missing(chat: Chat) -> None:
    first = Chat.text(chat.say("I'd like to find a course"))
    assert "goal" in first.lower()
    second = Chat.text(chat.say("I want to get better at my current job"))
    assert "subject" in second.lower()
    third = chat.say("marketing")
    assert "anything else" in Chat.text(third).lower()
    final = chat.say("skip")
    lists = Chat.course_lists(final)
    assert lists and all(c["subject"] == "marketing" for c in lists[0]["courses"])


def test_credit_question_mentions_recognition(chat: Chat) -> None:
    answer = Chat.text(chat.say("how many credits do I need for a masters?")).lower()
    assert "180" in answer
    assert "institution" in answer


def test_html_is_just_text_and_still_answered(chat: Chat) -> None:
    replies = chat.say("<img src=x onerror=alert(1)> '; DROP TABLE courses; --")
    assert Chat.text(replies).strip()
    # The catalogue is still there afterwards.
    assert Chat.course_lists(chat.say("I want to change career into cyber security, under £500"))


@pytest.mark.parametrize(
    "message",
    ["", "   ", "🤖🤖🤖", "¿Dónde está la biblioteca?", "x" * 4000, "x" * 20000],
    ids=["empty", "spaces", "emoji", "spanish", "4k", "20k"],
)
def test_odd_messages_always_get_a_reply(chat: Chat, message: str) -> None:
    assert Chat.text(chat.say(message)).strip()  # every message gets a reply


def test_http_api_is_reachable(stack: dict) -> None:
    status = httpx.get(f"{stack['rasa'].url}/status", timeout=10)
    assert status.status_code == 200
    assert status.json()["model_file"]


def test_an_over_long_message_is_politely_refused(chat: Chat) -> None:
    reply = Chat.text(chat.say("word " * 5000))
    assert "too long" in reply


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"message": "hi"}',
        b'{"sender": 5, "message": "hi"}',
        b'{"sender": "x", "message": {"a": 1}}',
        b"",
    ],
)
def test_malformed_requests_get_400_not_500(stack: dict, body: bytes) -> None:
    response = httpx.post(
        f"{stack['rasa'].url}/webhooks/rest/webhook",
        content=body,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400
    assert response.json()["error"]


def test_constraints_given_as_the_answer_to_anything_else(chat: Chat) -> None:
    asked = Chat.text(chat.say("I'm a nurse and I want to move into data analytics"))
    assert "anything else" in asked.lower()
    replies = chat.say("about 5 hours a week, under £300")
    [payload] = Chat.course_lists(replies)
    for course in payload["courses"]:
        assert course["subject"] == "data-science-ai"
        assert course["cost_gbp"] is None or course["cost_gbp"] <= 300 or payload["relaxed"]


def _post_with_metadata(url: str, sender: str, metadata: str) -> httpx.Response:
    body = f'{{"sender": "{sender}", "message": "hello", "metadata": {metadata}}}'
    return httpx.post(
        f"{url}/webhooks/rest/webhook",
        content=body.encode(),
        headers={"Content-Type": "application/json"},
        timeout=60,
    )


@pytest.mark.parametrize("depth", [11, 600, 1_000, 2_000])
def test_deeply_nested_metadata_gets_400_not_500(chat: Chat, stack: dict, depth: int) -> None:
    nested = '{"a": ' * depth + "1" + "}" * depth
    response = _post_with_metadata(stack["rasa"].url, chat.sender, nested)
    assert response.status_code == 400
    assert "deep" in response.json()["error"]


def test_metadata_over_the_size_limit_gets_413(chat: Chat, stack: dict) -> None:
    blob = json.dumps({"blob": "m" * 100 * 1024})
    response = _post_with_metadata(stack["rasa"].url, chat.sender, blob)
    assert response.status_code == 413
    assert response.json()["reason"] == "metadata_too_large"
    assert "8,192 bytes" in response.json()["error"]


def test_metadata_at_the_limit_is_stored_once(chat: Chat, stack: dict) -> None:
    blob = "m" * (DEFAULT_MAX_METADATA_BYTES - len('{"blob":""}'))
    url = stack["rasa"].url
    for _turn in range(2):
        response = _post_with_metadata(url, chat.sender, json.dumps({"blob": blob}))
        assert response.status_code == 200 and response.json()
    engine = sa.create_engine(stack["rasa"].extra["tracker_store_url"])
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT data FROM events WHERE sender_id = :sender"), {"sender": chat.sender}
        ).all()
    engine.dispose()
    # Once per turn (the user event), not in its parse_data nor the session_started_metadata
    # slot (set twice by Rasa in the first turn).
    assert sum(data.count(blob) for (data,) in rows) == 2
