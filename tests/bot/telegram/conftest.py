"""Fixtures: a real bridge Application with Telegram and Rasa faked."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from telegram import Update

from bot.telegram.app import App, build_application
from bot.telegram.config import Settings
from tests.bot.telegram.fakes import FakeRasa, RecordingRequest, SilentServer
from tests.servers import TEST_SENDER_SECRET

TOKEN = "123456:TEST-token-not-real"


@dataclass
class Bridge:
    """The bridge's Application, initialised as ``run_polling`` would, and its fakes."""

    app: App
    telegram: RecordingRequest

    async def feed(self, update: dict[str, Any]) -> None:
        """Process one update exactly as polling or the webhook would."""
        await self.app.process_update(Update.de_json(update, self.app.bot))


MakeBridge = Callable[..., Awaitable[Bridge]]


@pytest.fixture
async def make_bridge() -> AsyncIterator[MakeBridge]:
    started: list[Bridge] = []

    async def make(
        rasa: FakeRasa | None = None,
        *,
        rasa_url: str = "http://rasa.test:5005",
        transport: httpx.AsyncBaseTransport | None = None,
        failures: dict[str, tuple[int, str]] | None = None,
        timeout_s: float = 5.0,
    ) -> Bridge:
        telegram = RecordingRequest(failures)
        settings = Settings(
            token=TOKEN,
            rasa_url=rasa_url,
            rasa_timeout_s=timeout_s,
            retry_backoff_s=0.0,
            sender_secret=TEST_SENDER_SECRET,
        )
        if transport is None and rasa is not None:
            transport = rasa.transport()
        app = build_application(settings, request=telegram, rasa_transport=transport)
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        bridge = Bridge(app, telegram)
        started.append(bridge)
        return bridge

    yield make
    for bridge in started:
        assert bridge.app.post_shutdown is not None
        await bridge.app.post_shutdown(bridge.app)
        await bridge.app.shutdown()


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
async def bridge(make_bridge: MakeBridge, rasa: FakeRasa) -> Bridge:
    made = await make_bridge(rasa)
    made.telegram.clear()
    return made


@pytest.fixture
async def silent_server() -> AsyncIterator[SilentServer]:
    server = await SilentServer().start()
    yield server
    await server.stop()
