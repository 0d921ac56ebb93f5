"""The Rasa REST client: what is retried, how long it waits, and what counts as a bad reply."""

from __future__ import annotations

import httpx
import pytest

from bot.telegram.rasa_client import CLIENT_METADATA, RasaBadReply, RasaClient, RasaUnavailable
from tests.bot.telegram.fakes import FakeRasa, SilentServer


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def client_for(rasa: FakeRasa, sleeps: Sleeps, base_url: str = "http://rasa.test") -> RasaClient:
    http = httpx.AsyncClient(base_url=base_url, transport=rasa.transport())
    return RasaClient(http, backoff_s=0.5, sleep=sleeps)


async def test_success_posts_sender_and_message() -> None:
    rasa, sleeps = FakeRasa().then([{"text": "hi"}]), Sleeps()
    client = client_for(rasa, sleeps)
    assert await client.send("42", "hello") == [{"text": "hi"}]
    assert rasa.received == [{"sender": "42", "message": "hello", "metadata": CLIENT_METADATA}]
    assert sleeps.delays == []
    await client.aclose()
    assert client.closed


async def test_base_url_with_a_path_prefix_is_kept() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json=[])

    http = httpx.AsyncClient(
        base_url="http://proxy.test/rasa/", transport=httpx.MockTransport(handler)
    )
    assert await RasaClient(http).send("1", "x") == []
    assert seen == ["/rasa/webhooks/rest/webhook"]


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(502),
        httpx.Response(503),
        httpx.Response(504),
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("slow connect"),
        httpx.PoolTimeout("pool"),
    ],
)
async def test_safe_failures_are_retried_with_exponential_backoff(
    failure: httpx.Response | Exception,
) -> None:
    rasa, sleeps = FakeRasa().then(failure, failure, [{"text": "ok"}]), Sleeps()
    assert await client_for(rasa, sleeps).send("1", "x") == [{"text": "ok"}]
    assert len(rasa.received) == 3
    assert sleeps.delays == [0.5, 1.0]


async def test_gives_up_after_three_tries() -> None:
    rasa, sleeps = FakeRasa().then(*[httpx.Response(503)] * 4), Sleeps()
    with pytest.raises(RasaUnavailable, match="503"):
        await client_for(rasa, sleeps).send("1", "x")
    assert len(rasa.received) == 3
    assert sleeps.delays == [0.5, 1.0]


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(500),
        httpx.Response(400),
        httpx.Response(404),
        httpx.Response(401),
        httpx.ReadTimeout("slow reply"),
        httpx.WriteTimeout("slow write"),
        httpx.RemoteProtocolError("server hung up"),
        httpx.ReadError("reset"),
    ],
)
async def test_failures_after_sending_are_not_retried(failure: httpx.Response | Exception) -> None:
    rasa, sleeps = FakeRasa().then(failure, [{"text": "duplicate"}]), Sleeps()
    with pytest.raises(RasaUnavailable):
        await client_for(rasa, sleeps).send("1", "x")
    assert len(rasa.received) == 1
    assert sleeps.delays == []


@pytest.mark.parametrize("body", [b"nope", b"", b"{}", b'"text"', b"null"])
async def test_bad_replies(body: bytes) -> None:
    rasa = FakeRasa().then(httpx.Response(200, content=body))
    with pytest.raises(RasaBadReply):
        await client_for(rasa, Sleeps()).send("1", "x")


async def test_a_rasa_that_never_answers_times_out_once(silent_server: SilentServer) -> None:
    client = RasaClient.open(silent_server.url, timeout_s=0.2, backoff_s=0)
    with pytest.raises(RasaUnavailable, match="ReadTimeout"):
        await client.send("1", "x")
    await client.aclose()
    assert silent_server.connections == 1, "a read timeout is never retried"


def test_attempts_must_be_positive() -> None:
    with pytest.raises(ValueError, match="attempts"):
        RasaClient(httpx.AsyncClient(), attempts=0)
