"""Signed sender ids: issued, derived for Telegram, verified; settings that name the problem."""

from __future__ import annotations

import pytest

from bot.sender_ids import (
    SenderConfigError,
    SenderSigner,
    loggable,
    signer_from_env,
    unsigned_allowed,
)

SECRET = b"a-test-secret-that-is-long-enough-0123456789"


def test_issued_ids_are_random_signed_and_verified() -> None:
    signer = SenderSigner(SECRET)
    first, second = signer.issue(), signer.issue()
    assert first != second and first.startswith("web-")
    assert signer.verify(first) and signer.verify(second)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda s: s.rpartition(".")[0],  # no signature
        lambda s: s.rpartition(".")[0] + "." + "A" * 32,  # made-up signature
        lambda s: "web-someone-else." + s.rpartition(".")[2],  # signature of another id
        lambda s: s + "x",
        lambda s: "",
        lambda s: ".",
    ],
)
def test_anything_but_an_issued_id_is_refused(tamper) -> None:  # type: ignore[no-untyped-def]
    signer = SenderSigner(SECRET)
    assert not signer.verify(tamper(signer.issue()))


def test_another_secret_does_not_verify() -> None:
    issued = SenderSigner(SECRET).issue()
    assert not SenderSigner(SECRET + b"-other").verify(issued)


def test_telegram_ids_are_stable_and_hide_the_chat_id() -> None:
    signer = SenderSigner(SECRET)
    sender = signer.for_telegram(123456789)
    assert sender == signer.for_telegram("123456789") and signer.verify(sender)
    assert "123456789" not in sender and sender.startswith("tg-")
    assert sender != SenderSigner(SECRET + b"-other").for_telegram(123456789)


def test_logs_never_carry_the_signature() -> None:
    sender = SenderSigner(SECRET).issue()
    assert loggable(sender) == sender.rpartition(".")[0]
    assert loggable("plain") == "plain"


def test_settings_name_the_problem() -> None:
    with pytest.raises(SenderConfigError, match="SENDER_SECRET is not set"):
        signer_from_env({})
    with pytest.raises(SenderConfigError, match="at least 32"):
        signer_from_env({"SENDER_SECRET": "short"})
    assert signer_from_env({"ALLOW_UNSIGNED_SENDERS": "1"}) is None
    assert unsigned_allowed({"ALLOW_UNSIGNED_SENDERS": "true"})
    assert not unsigned_allowed({"ALLOW_UNSIGNED_SENDERS": "0"})
    signer = signer_from_env({"SENDER_SECRET": SECRET.decode()})
    assert signer is not None and signer.verify(SenderSigner(SECRET).issue())
