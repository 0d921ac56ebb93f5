"""The action server's error handling, without learner text: a rasa-sdk plugin.

rasa-sdk 3.6 answers an action that raised with HTTP 500 and a body holding the whole request,
the learner's tracker with everything they typed, and logs the exception's message at ERROR.
Rasa then logs that body at ERROR too. This plugin, loaded by rasa-sdk through the top-level
``rasa_sdk_plugins`` module (``rasa run actions`` puts the working directory on the path):

- applies :mod:`bot.log_hygiene` to every log record of the action server;
- replaces rasa-sdk's exception handler: the 500 body names the action and the exception
  type only, and the log line is at ERROR without the exception's message (the full
  traceback at DEBUG). Sanic's own errors (404, 405, ...) keep their status.
"""

from __future__ import annotations

import logging
from typing import Any

import pluggy
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import log_hygiene

logger = logging.getLogger(__name__)
hookimpl = pluggy.HookimplMarker("rasa_sdk")


def _action_name(request: Request) -> str:
    try:
        body = request.json
    except Exception:
        return "?"
    name = body.get("next_action") if isinstance(body, dict) else None
    return name if isinstance(name, str) else "?"


async def action_failed(request: Request, exception: Exception) -> HTTPResponse:
    """Sanic exception handler: a reply and a log line that hold no learner text."""
    if isinstance(exception, SanicException):
        status = getattr(exception, "status_code", 500) or 500
        return response.json({"error": type(exception).__name__}, status=status)
    name = _action_name(request)
    logger.error(
        "Action %s failed with %s; Rasa drops its events for this turn",
        log_hygiene.one_line(name),
        type(exception).__name__,
        exc_info=exception,
    )
    return response.json({"error": f"{type(exception).__name__} in {name}"}, status=500)


class ActionServerPlugin:
    """The hooks rasa-sdk calls (its ``attach_sanic_app_extensions`` specification)."""

    @hookimpl
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        log_hygiene.install()
        app.error_handler.add(Exception, action_failed)


def init_hooks(manager: Any) -> None:
    """Register the plugin with rasa-sdk's plugin manager."""
    manager.register(ActionServerPlugin())
