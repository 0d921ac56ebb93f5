"""``app.run`` in polling mode for real (Telegram faked at the request layer): the lifecycle
hooks open and close the Rasa client around the handlers."""

from __future__ import annotations

from typing import Any

import pytest

from bot.telegram import app, state
from bot.telegram.config import Settings
from bot.telegram.rasa_client import RasaClient
from tests.bot.telegram.conftest import TOKEN
from tests.bot.telegram.fakes import Call, FakeRasa, RecordingRequest, text_update


def test_polling_runs_handlers_between_post_init_and_post_shutdown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    telegram = RecordingRequest()
    rasa = FakeRasa().then([{"text": "Hello from Rasa"}])
    built: list[app.App] = []
    clients: list[RasaClient] = []

    def build(settings: Settings, **kwargs: Any) -> app.App:
        application = original(settings, request=telegram, rasa_transport=rasa.transport())
        built.append(application)
        return application

    def stop_after_reply(call: Call) -> None:
        if call.method == "sendMessage":
            clients.append(state.rasa_client(built[0].bot_data))
            built[0].stop_running()

    original = app.build_application
    monkeypatch.setattr(app, "build_application", build)
    telegram.updates = [text_update("hi")]
    telegram.on_call = stop_after_reply

    app.run(Settings(token=TOKEN, rasa_url="http://rasa.test"))

    assert rasa.messages == ["hi"]
    assert telegram.texts() == ["Hello from Rasa"]
    methods = [call.method for call in telegram.calls]
    assert methods.index("setMyCommands") < methods.index("getUpdates")
    assert telegram.named("getUpdates")[0].params["allowed_updates"] == [
        "message",
        "callback_query",
    ]
    assert clients and clients[0].closed, "post_shutdown closed the client"
    assert state.RASA not in built[0].bot_data
