"""Button payloads as 1-64 byte callback data."""

from __future__ import annotations

import pytest

from bot.telegram.callback_data import CallbackPayloads

LONG = '/inform{"subject":"data-science-ai","goal":"career_change","budget":600}'


@pytest.mark.parametrize(
    "payload", ["/greet", '/inform{"goal":"upskill"}', "é" * 31, LONG, "é" * 100, "x" * 10_000]
)
def test_every_payload_fits_and_comes_back(payload: str) -> None:
    payloads = CallbackPayloads()
    data = payloads.data_for(payload)
    assert 1 <= len(data.encode()) <= 64
    assert payloads.payload_for(data) == payload


def test_short_payloads_need_no_memory_and_survive_a_restart() -> None:
    data = CallbackPayloads().data_for("/find_course")
    assert CallbackPayloads().payload_for(data) == "/find_course"


def test_the_same_long_payload_reuses_its_key() -> None:
    payloads = CallbackPayloads()
    assert payloads.data_for(LONG) == payloads.data_for(LONG)
    assert len(payloads) == 1


def test_the_map_is_bounded_and_forgets_the_least_recently_used() -> None:
    payloads = CallbackPayloads(capacity=2)
    first, second = (payloads.data_for(LONG + str(i)) for i in range(2))
    assert payloads.payload_for(first) == LONG + "0"  # first is now the most recent
    third = payloads.data_for(LONG + "2")
    assert len(payloads) == 2
    assert payloads.payload_for(second) is None
    assert payloads.payload_for(first) == LONG + "0"
    assert payloads.payload_for(third) == LONG + "2"


@pytest.mark.parametrize("data", [None, "", "p:", "k:unknown", "garbage"])
def test_unknown_data_resolves_to_none(data: str | None) -> None:
    assert CallbackPayloads().payload_for(data) is None
