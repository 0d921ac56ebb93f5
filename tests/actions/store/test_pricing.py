"""Comparable cost in GBP: every price model, and unknowns that stay unknown."""

from __future__ import annotations

import pytest

from actions.store.pricing import Cost, course_cost, months_needed


@pytest.mark.parametrize(
    ("price", "currency", "model", "weeks", "gbp", "monthly", "rule_has"),
    [
        # free is 0, whatever else the row says
        (0.0, "EUR", "free", 2.0, 0.0, None, "free"),
        (None, None, "free", None, 0.0, None, "free"),
        # one-off and total-programme: converted once (the ECB's November 2022 means:
        # EUR 0.8689, USD 0.8522)
        (100.0, "EUR", "one-off", 3.0, 86.89, None, "one-off price, converted from EUR"),
        (550.0, "GBP", "one-off", 10.0, 550.0, None, "one-off price"),
        (1350.0, "USD", "total-programme", None, 1150.47, None, "whole-programme price"),
        # subscriptions: months needed at the stated pace, at least one
        (23.99, "EUR", "subscription-monthly", 2.0, 20.84, 20.84, "x 1 month "),
        (23.99, "EUR", "subscription-monthly", 4.0, 20.84, 20.84, "x 1 month "),
        (23.99, "EUR", "subscription-monthly", 6.0, 41.68, 20.84, "x 2 months"),
        (36.0, "EUR", "subscription-monthly", 8.69, 62.56, 31.28, "x 2 months"),
        (49.0, "USD", "subscription-monthly", 26.0, 250.56, 41.76, "x 6 months"),
        (10.0, "GBP", "subscription-monthly", 0.5, 10.0, 10.0, "x 1 month "),
        # unknown length: total unknown, monthly kept
        (23.99, "EUR", "subscription-monthly", None, None, 20.84, "length unknown"),
        # unknown price, model or currency: None, never 0
        (None, None, "unknown", None, None, None, "price not published"),
        (None, "EUR", "one-off", 4.0, None, None, "price not published"),
        (None, "EUR", "subscription-monthly", 4.0, None, None, "price not published"),
        (120.0, "EUR", "unknown", 4.0, None, None, "price not published"),
        (120.0, None, "one-off", 4.0, None, None, "known currency"),
        (120.0, "AED", "one-off", 4.0, None, None, "known currency"),  # no ECB rate
        (120.0, "EUR", None, 4.0, None, None, "price not published"),
    ],
)
def test_course_cost(
    price: float | None,
    currency: str | None,
    model: str | None,
    weeks: float | None,
    gbp: float | None,
    monthly: float | None,
    rule_has: str,
) -> None:
    cost = course_cost(price, currency, model, weeks)
    assert isinstance(cost, Cost)
    if gbp is None:
        assert cost.gbp is None
        assert not cost.known
    else:
        assert cost.gbp == pytest.approx(gbp, abs=0.005)
    if monthly is None:
        assert cost.monthly_gbp is None
    else:
        assert cost.monthly_gbp == pytest.approx(monthly, abs=0.005)
    assert rule_has in cost.rule


def test_converted_rules_name_the_fixed_rate() -> None:
    assert "2022-11" in course_cost(100.0, "EUR", "one-off", None).rule
    assert "converted" not in course_cost(100.0, "GBP", "one-off", None).rule


@pytest.mark.parametrize(
    ("weeks", "months"),
    [(None, None), (0.0, None), (1.0, 1), (4.345, 1), (4.4, 2), (8.69, 2), (52.0, 12)],
)
def test_months_needed(weeks: float | None, months: int | None) -> None:
    assert months_needed(weeks) == months


def test_converting_between_currencies_uses_the_fixed_rates() -> None:
    from actions.store.currency import convert, gbp_per_unit

    assert convert(100, "GBP", "GBP") == 100
    assert gbp_per_unit("EUR") == 0.8689 and gbp_per_unit("USD") == 0.8522
    assert convert(100, "EUR", "USD") == round(86.89 / 0.8522, 2)
    assert convert(100, "INR", "USD") == round(1.04 / 0.8522, 2)  # 100 INR is £1.04
    assert convert(100, "AED", "USD") is None and convert(100, "EUR", "AED") is None
    assert convert(None, "EUR", "USD") is None
