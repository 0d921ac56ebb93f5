"""Money in a currency the budget cannot be read in is said back, never used."""

from __future__ import annotations

import pytest

from nlu.extraction import as_dict, extract


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("my budget is about 6000 rupees in total", "rupees"),
        ("max 60k rupees", "rupees"),
        ("under 100 AUD please", "AUD"),
        ("I can spend 300 CAD", "CAD"),
    ],
)
def test_an_amount_in_another_currency_is_no_budget_but_is_kept(text: str, currency: str) -> None:
    found = as_dict(extract(text))
    assert found.get("budget_currency") == currency
    assert "budget" not in found


def test_pounds_euros_and_dollars_are_read_as_a_budget_instead() -> None:
    for text in ("budget £50", "under 60 euros", "max $100"):
        found = as_dict(extract(text))
        assert "budget" in found and "budget_currency" not in found, text
