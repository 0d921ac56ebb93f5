"""Log records: one line each, and no learner text above DEBUG (bot/log_hygiene.py)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot import log_hygiene

SECRET = "my address is 1 Secret Lane"


@pytest.fixture(autouse=True)
def installed() -> Iterator[None]:
    log_hygiene.install()
    log_hygiene.install()  # idempotent
    yield
    log_hygiene.uninstall()


class FakeClientResponseError(Exception):
    """Like Rasa's: the action server's 500 body (the tracker) in the message."""


def fail_like_an_action() -> None:
    try:
        raise FakeClientResponseError(
            f'500, Internal Server Error, body=\'{{"text": "{SECRET}"}}\''
        )
    except FakeClientResponseError as error:
        raise RuntimeError("Failed to execute custom action 'action_x'") from error


def test_a_newline_cannot_forge_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    forged = "hi\n2026-01-01 00:00:00 ERROR     rasa.core - forged\r\u2028"
    with caplog.at_level(logging.INFO):
        logging.getLogger("test.hygiene").info("Message from %s: %s", "learner", forged)
    assert len(caplog.records) == 1
    assert caplog.text.count("\n") == 1  # the record's own line end only
    assert "hi\\n2026-01-01" in caplog.text and "\\r\\u2028" in caplog.text


def test_errors_keep_their_traceback_but_not_learner_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    logger = logging.getLogger("test.hygiene.errors")
    with caplog.at_level(logging.INFO):
        try:
            fail_like_an_action()
        except RuntimeError:
            logger.exception("Encountered an exception while running action 'action_x'")
    assert SECRET not in caplog.text
    assert "fail_like_an_action" in caplog.text  # the frames are kept
    assert "FakeClientResponseError: (message hidden" in caplog.text
    assert "direct cause" in caplog.text
    assert [r.levelno for r in caplog.records] == [logging.ERROR]


def test_at_debug_the_details_are_logged_first(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.hygiene.debug")
    with caplog.at_level(logging.DEBUG):
        try:
            fail_like_an_action()
        except RuntimeError:
            logger.exception("Encountered an exception")
    debug, error = caplog.records
    assert debug.levelno == logging.DEBUG and error.levelno == logging.ERROR
    assert SECRET in caplog.text.split("Encountered an exception")[0]
    assert SECRET not in caplog.text.split("Encountered an exception")[1]


def test_network_errors_keep_their_message(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        try:
            raise ConnectionRefusedError(111, "Connection refused")
        except OSError:
            logging.getLogger("test.hygiene.net").warning("Rasa unreachable", exc_info=True)
    assert "Connection refused" in caplog.text


def test_uninstall_restores_the_factory() -> None:
    log_hygiene.uninstall()
    record = logging.getLogger("x").makeRecord("x", logging.INFO, "f", 1, "a\nb", None, None)
    assert record.getMessage() == "a\nb"
