"""A time limit on custom actions, shorter than the clients' own, and a reply when it is hit.

Rasa 3.6 has no setting for how long it waits for the action server: ``RemoteAction.run``
passes ``rasa.core.constants.DEFAULT_REQUEST_TIMEOUT`` (300 s) with every request. The web
widget gives up after 45 s and the Telegram bridge after 30 s, so a hung action server used
to drop the learner's turn without a reply or a log line. `install` wraps ``RemoteAction.run``:

- each call gets ``ACTION_TIMEOUT`` seconds (20 by default; keep it well under the clients'
  timeouts, since NLU and the policies need time too);
- when they run out, the call is cancelled, the action's only event is `TIMEOUT_REPLY` (a bot
  message, sent and stored like any other) and one WARNING line names the action and the
  sender id, never learner text. The action's own events are lost, as Rasa loses them when
  an action fails; the learner's message and the slots NLU took from it are kept;
- later custom actions of the same turn are skipped at once (with a WARNING each), so a turn
  that meets a hung action server takes ``ACTION_TIMEOUT`` seconds, not that for each action.

The Rasa server installs it when it builds our tracker store (:mod:`bot.tracker_store`).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import log_hygiene
from bot.sender_ids import loggable

logger = logging.getLogger(__name__)

TIMEOUT_ENV = "ACTION_TIMEOUT"
DEFAULT_TIMEOUT_S = 20.0
TIMEOUT_REPLY = (
    "Sorry, that took too long and I had to stop. Nothing you told me is lost: "
    "please try again in a moment."
)

_ORIGINAL_RUN = RemoteAction.run


def timeout_from_env(environ: Mapping[str, str] | None = None) -> float:
    """``ACTION_TIMEOUT`` in seconds (a positive number), else the default; ValueError if bad."""
    raw = (os.environ if environ is None else environ).get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT_S
    try:
        seconds = float(raw)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds < float("inf"):
        raise ValueError(f"{TIMEOUT_ENV}={raw!r}: give a number of seconds above 0, e.g. 20")
    return seconds


def timed_out_this_turn(tracker: DialogueStateTracker) -> bool:
    """Whether an action already ran out of time since the learner's latest message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and event.text == TIMEOUT_REPLY:
            return True
    return False


async def run_with_limit(
    run: Callable[[], Awaitable[list[Event]]],
    action_name: str,
    tracker: DialogueStateTracker,
    limit_s: float,
) -> list[Event]:
    """``run()``'s events, or `TIMEOUT_REPLY` when it takes longer than ``limit_s``."""
    name = log_hygiene.one_line(action_name)
    if timed_out_this_turn(tracker):
        logger.warning(
            "Skipped action %s for %s: an action already timed out in this turn",
            name,
            loggable(tracker.sender_id),
        )
        return []
    try:
        return await asyncio.wait_for(run(), timeout=limit_s)
    except asyncio.TimeoutError:
        logger.warning(
            "Action %s timed out after %g s for %s; its events for this turn are dropped "
            "and the learner is asked to try again",
            name,
            limit_s,
            loggable(tracker.sender_id),
        )
        return [BotUttered(text=TIMEOUT_REPLY)]


_limit_s = DEFAULT_TIMEOUT_S


async def _limited_run(
    self: RemoteAction, output_channel: Any, nlg: Any, tracker: DialogueStateTracker, domain: Any
) -> list[Event]:
    return await run_with_limit(
        lambda: _ORIGINAL_RUN(self, output_channel, nlg, tracker, domain),
        self.name(),
        tracker,
        _limit_s,
    )


def install(environ: Mapping[str, str] | None = None) -> None:
    """Limit every custom action call to ``ACTION_TIMEOUT`` seconds (idempotent)."""
    global _limit_s
    _limit_s = timeout_from_env(environ)
    RemoteAction.run = _limited_run


def uninstall() -> None:
    """Restore Rasa's own ``RemoteAction.run`` (for tests)."""
    RemoteAction.run = _ORIGINAL_RUN


def installed() -> bool:
    return RemoteAction.run is _limited_run
