"""Amounts in a currency we cannot convert are not a budget."""

from __future__ import annotations

import pytest

from nlu.currency import in_foreign_currency
from nlu.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "my budget is 40,000 INR",
        "I can spend 1 lakh rupees",
        "max Rs 5000 please",
        "budget 200 AUD",
        "about ₹8000 for the course",
        "up to 3000 naira",
    ],
)
def test_an_amount_in_another_currency_is_no_budget(text: str) -> None:
    assert not [e for e in extract(text) if e.entity == "budget"]


@pytest.mark.parametrize(
    ("text", "gbp"),
    [("£150 tops", 150), ("budget is 300 euros", 261), ("$200 max", 168)],
)
def test_pounds_euros_and_dollars_still_are(text: str, gbp: int) -> None:
    budgets = [e.value for e in extract(text) if e.entity == "budget"]
    assert budgets and abs(float(budgets[0]) - gbp) <= 15


def test_the_words_around_an_amount_decide() -> None:
    assert in_foreign_currency("", " INR a month")
    assert in_foreign_currency("rs. ", "")
    assert not in_foreign_currency("for ", " pounds")
    assert not in_foreign_currency("leading ", " people")
