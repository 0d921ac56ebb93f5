"""The action server's plugin: failed actions answer and log without learner text."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pluggy
import pytest
from sanic import Sanic
from sanic.exceptions import NotFound

from bot import log_hygiene
from bot.action_server import action_failed

SECRET = "I live at 1 Secret Lane"


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    yield
    log_hygiene.uninstall()


def request(body: Any) -> Any:
    return SimpleNamespace(json=body)


async def test_a_failed_action_answers_500_without_the_tracker(
    caplog: pytest.LogCaptureFixture,
) -> None:
    log_hygiene.install()
    body = {"next_action": "action_x", "tracker": {"events": [{"text": SECRET}]}}
    with caplog.at_level(logging.INFO):
        try:
            raise KeyError(SECRET)
        except KeyError as error:
            reply = await action_failed(request(body), error)  # type: ignore[arg-type]
    assert reply.status == 500
    assert json.loads(reply.body) == {"error": "KeyError in action_x"}
    assert "Action action_x failed with KeyError" in caplog.text
    assert SECRET not in caplog.text


async def test_sanic_errors_keep_their_status() -> None:
    reply = await action_failed(request(None), NotFound("no such route"))  # type: ignore[arg-type]
    assert reply.status == 404


def test_rasa_sdk_finds_the_plugin() -> None:
    from rasa_sdk import plugin

    manager = pluggy.PluginManager("rasa_sdk")
    manager.add_hookspecs(sys.modules["rasa_sdk.plugin"])
    plugin._discover_plugins(manager)
    app = Sanic(f"plugin_test_{id(manager)}")
    manager.hook.attach_sanic_app_extensions(app=app)
    assert app.error_handler.lookup(ValueError(), None) is action_failed
