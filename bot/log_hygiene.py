"""Log lines that cannot be forged and carry no learner text above DEBUG.

Two rules for every record any logger makes in the process (Rasa's, rasa-sdk's, Sanic's and
ours), applied once when the record is made, so every handler sees the same:

- **One record, one line.** Line breaks in a message (``\\n``, ``\\r`` and the other
  characters ``str.splitlines`` breaks on) are written as escapes: a learner who types
  "hi\\n2026-01-01 ERROR ..." cannot add a line to the log.
- **No learner text in errors at INFO and above.** An exception's message can hold learner
  text: a failed action's HTTP 500 body is the whole tracker (rasa-sdk echoes the request),
  a database error lists its SQL parameters (the learner's topic). Records at INFO and above
  keep the traceback's frames and each exception's type but not its message (network errors,
  ``OSError``, keep theirs: they name hosts and ports). When the logger is enabled for
  DEBUG the full traceback is logged first, at DEBUG.

Our own log calls never put learner text in a message above DEBUG; these rules catch what
third-party code does. :func:`install` is called at start-up by the REST channel (the Rasa
server), the action server's plugin (``rasa_sdk_plugins.py``) and the Telegram bridge.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from collections.abc import Callable
from typing import Any

HIDDEN = "(message hidden: it may hold learner text; logged at DEBUG)"
_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_KEPT_MESSAGES: tuple[type[BaseException], ...] = (OSError, TimeoutError)
_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"

_installed: Callable[..., logging.LogRecord] | None = None
_busy = threading.local()


def one_line(text: str) -> str:
    """``text`` with its line breaks escaped (``\\n``, ``\\r``, ``\\u2028``, ...)."""
    return _LINE_BREAKS.sub(lambda match: repr(match.group())[1:-1], text)


def _chain(error: BaseException) -> list[BaseException]:
    """The exception and the ones it was raised from or during, oldest first."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return chain[::-1]


def redacted_traceback(error: BaseException) -> str:
    """A traceback of ``error`` and its chain with the exceptions' messages hidden."""
    parts: list[str] = []
    chain = _chain(error)
    for index, item in enumerate(chain):
        if index:
            parts.append(_CAUSE if item.__cause__ is chain[index - 1] else _CONTEXT)
        name = f"{type(item).__module__}.{type(item).__qualname__}".removeprefix("builtins.")
        message = one_line(str(item)) if isinstance(item, _KEPT_MESSAGES) else HIDDEN
        frames = "".join(traceback.format_tb(item.__traceback__))
        if frames:
            parts.append("Traceback (most recent call last):\n" + frames)
        parts.append(f"{name}: {message}")
    return "".join(parts)


def clean(record: logging.LogRecord) -> logging.LogRecord:
    """Apply both rules to ``record`` (module docstring); returns it."""
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: leave it to the handler to report
        return record
    if _LINE_BREAKS.search(message):
        record.msg, record.args = one_line(message), None
    exc_info = record.exc_info
    if record.levelno >= logging.INFO and exc_info and exc_info[1] is not None:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(logging.DEBUG) and not getattr(_busy, "active", False):
            _busy.active = True
            try:
                logger.debug("Details of the next error (DEBUG only)", exc_info=exc_info)
            finally:
                _busy.active = False
        record.exc_info, record.exc_text = None, redacted_traceback(exc_info[1])
    return record


def install() -> None:
    """Apply :func:`clean` to every log record made from now on (idempotent)."""
    global _installed
    if _installed is not None:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        return record if getattr(_busy, "active", False) else clean(record)

    _installed = previous
    logging.setLogRecordFactory(factory)


def uninstall() -> None:
    """Restore the record factory :func:`install` replaced (for tests)."""
    global _installed
    if _installed is not None:
        logging.setLogRecordFactory(_installed)
        _installed = None
