"""Security of the HTTP surface: Rasa's HTTP API behind a token, CORS limited to one origin,
and nobody can take over a learner's conversation through the public REST webhook.

One Rasa server started as a deployment reachable beyond localhost would be (``--auth-token``
and ``--cors http://allowed.example``; see docs/deployment.md), using the session's action
server. Learners' REST webhook needs no token; everything under the HTTP API does.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.sender_ids import SenderSigner
from tests.servers import Chat, Server, signed, start_rasa_server

pytestmark = pytest.mark.slow

ALLOWED = "http://allowed.example"
EVIL = "http://evil.example"
TOKEN = secrets.token_urlsafe(24)


@pytest.fixture(scope="module")
def guarded(
    tmp_path_factory: pytest.TempPathFactory, model_path: Path, stack: dict[str, Server]
) -> Iterator[Server]:
    server = start_rasa_server(
        tmp_path_factory.mktemp("security"),
        model_path,
        stack["actions"].url,
        token=TOKEN,
        extra_args=("--cors", ALLOWED),
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def learner(guarded: Server) -> str:
    """A conversation that exists, so a refused request is refused for the token alone."""
    chat = Chat(guarded.url, f"security-{time.monotonic_ns()}")
    assert chat.say("hello")
    return chat.sender


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/conversations/{sender}/tracker"),
        ("GET", "/conversations/{sender}/story"),
        ("POST", "/conversations/{sender}/messages"),
        ("POST", "/conversations/{sender}/tracker/events"),
        ("GET", "/status"),
        ("POST", "/model/parse"),
        ("GET", "/domain"),
    ],
)
def test_the_http_api_refuses_requests_without_the_right_token(
    guarded: Server, learner: str, method: str, path: str
) -> None:
    url = guarded.url + path.format(sender=learner)
    body = {"text": "hi", "sender": "user"} if method == "POST" else None
    for params in ({}, {"token": "wrong"}, {"token": ""}):
        response = httpx.request(method, url, params=params, json=body, timeout=30)
        assert response.status_code in (401, 403), (params, response.status_code)


def test_the_http_api_answers_with_the_token(guarded: Server, learner: str) -> None:
    response = httpx.get(
        f"{guarded.url}/conversations/{learner}/tracker", params={"token": TOKEN}, timeout=30
    )
    assert response.status_code == 200
    assert response.json()["sender_id"] == learner
    assert httpx.get(f"{guarded.url}/status", params={"token": TOKEN}, timeout=30).is_success


def test_learners_need_no_token_on_the_rest_webhook(guarded: Server) -> None:
    replies = Chat(guarded.url, f"security-rest-{time.monotonic_ns()}").say("hello")
    assert "Course Advisor" in Chat.text(replies)


def test_the_token_is_not_echoed_in_errors(guarded: Server, learner: str) -> None:
    response = httpx.get(
        f"{guarded.url}/conversations/{learner}/tracker", params={"token": "wrong"}, timeout=30
    )
    assert TOKEN not in response.text


@pytest.mark.parametrize("path", ["/", "/webhooks/rest/webhook"])
def test_cors_preflight_allows_only_the_configured_origin(guarded: Server, path: str) -> None:
    def preflight(origin: str) -> httpx.Response:
        return httpx.options(
            guarded.url + path,
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
            timeout=30,
        )

    allowed = preflight(ALLOWED)
    assert allowed.status_code < 400
    assert allowed.headers.get("access-control-allow-origin") == ALLOWED
    evil = preflight(EVIL)
    assert evil.headers.get("access-control-allow-origin") not in (EVIL, "*")


def test_cors_on_real_requests_names_only_the_configured_origin(guarded: Server) -> None:
    def chat_from(origin: str) -> httpx.Response:
        return httpx.post(
            f"{guarded.url}/webhooks/rest/webhook",
            json={"sender": signed(f"security-cors-{time.monotonic_ns()}"), "message": "hello"},
            headers={"Origin": origin},
            timeout=60,
        )

    allowed = chat_from(ALLOWED)
    assert allowed.status_code == 200
    assert allowed.headers.get("access-control-allow-origin") == ALLOWED
    # The server still answers (CORS is enforced by browsers), but never tells a browser on
    # another origin that it may read the reply.
    evil = chat_from(EVIL)
    assert evil.headers.get("access-control-allow-origin") not in (EVIL, "*")
    health = httpx.get(f"{guarded.url}/", headers={"Origin": EVIL}, timeout=30)
    assert health.headers.get("access-control-allow-origin") not in (EVIL, "*")


# -- conversation take-over ------------------------------------------------------------


def _post(url: str, sender: str, message: str, **kwargs: object) -> httpx.Response:
    return httpx.post(
        f"{url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=60,
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_guessed_or_chosen_sender_cannot_read_a_learners_shortlist(
    stack: dict[str, Server],
) -> None:
    url = stack["rasa"].url
    victim = Chat(url, f"victim-{time.monotonic_ns()}")
    assert Chat.course_lists(victim.say("I want to learn python, under £100"))
    victim.say("save them")
    # The id without its signature, the id with a made-up signature, the id signed with
    # another secret: all refused before the assistant sees the message.
    bare = victim.sender.rpartition(".")[0]
    forged = bare + "." + "A" * 32
    other = SenderSigner(b"another-secret-that-is-long-enough-1234567890").sign(bare)
    for attacker in (bare, forged, other, "12345678"):
        response = _post(url, attacker, "show my shortlist")
        assert response.status_code == 403, (attacker, response.text)
        assert response.json()["reason"] == "unsigned_sender"
        assert "session" in response.json()["error"]
    # The learner's own conversation is untouched.
    assert "python" in Chat.text(victim.say("show my shortlist")).lower()


def test_a_web_client_gets_a_fresh_unguessable_sender(stack: dict[str, Server]) -> None:
    url = stack["rasa"].url
    issued = [
        httpx.post(f"{url}/webhooks/rest/session", timeout=30).json()["sender"] for _ in (1, 2)
    ]
    assert issued[0] != issued[1]
    assert all(sender.startswith("web-") and len(sender) >= 50 for sender in issued)
    response = _post(url, issued[0], "hello")
    assert response.status_code == 200 and response.json()[0]["recipient_id"] == issued[0]


def test_only_json_bodies_drive_a_conversation(stack: dict[str, Server]) -> None:
    # A cross-site form or text/plain post needs no CORS preflight: refuse it.
    url = f"{stack['rasa'].url}/webhooks/rest/webhook"
    body = json.dumps({"sender": signed("cross-site"), "message": "forget me"})
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data"):
        response = httpx.post(url, content=body, headers={"Content-Type": content_type}, timeout=30)
        assert response.status_code == 415, content_type
