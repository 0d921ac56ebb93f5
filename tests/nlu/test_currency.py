"""Amounts in another currency: converted when the writing names one currency with a
rate, otherwise no budget at all."""

from __future__ import annotations

import pytest

from actions.store.currency import to_gbp
from nlu.currency import currency_codes, foreign_currency, in_foreign_currency
from nlu.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "I can spend 1 lakh rupees",
        "max Rs 5000 please",  # rupees of India, Pakistan, Sri Lanka, Nepal...
        "up to 3000 naira",  # no ECB rate
        # Currencies nobody wrote into the data file: CLDR's codes, names and symbols.
        "no more than 50,000 Kazakhstani tenge",
        "VND 2000000 is my limit",  # the ECB publishes no dong rate
    ],
)
def test_an_amount_in_a_currency_without_one_rate_is_no_budget(text: str) -> None:
    assert not [e for e in extract(text) if e.entity == "budget"]


@pytest.mark.parametrize(
    ("text", "amount", "code"),
    [
        ("my budget is 40,000 INR", 40000, "INR"),
        ("budget 200 AUD", 200, "AUD"),
        ("about ₹8000 for the course", 8000, "INR"),
        # CLDR's codes and symbols, and a nickname from the data file
        ("Budget HKD 8000.", 8000, "HKD"),
        ("HK$ 500 max", 500, "HKD"),
        ("600 bucks aussie, and nothing longer than 3 months", 600, "AUD"),
        # judged by what it is worth (about £118), not by its digits
        ("ISK 20000 is my limit", 20000, "ISK"),
    ],
)
def test_an_amount_in_a_currency_with_a_rate_is_converted(
    text: str, amount: float, code: str
) -> None:
    budgets = [e.value for e in extract(text) if e.entity == "budget"]
    assert budgets == [pytest.approx(to_gbp(amount, code))]


def test_a_name_several_currencies_share_names_none() -> None:
    codes = currency_codes()
    assert codes["aud"] == "AUD" and codes["indian rupees"] == "INR" and codes["rand"] == "ZAR"
    for shared in ("rupees", "kroner", "pesos", "francs", "kr", "¥"):
        assert shared not in codes, shared
    assert foreign_currency("", " rupees max") is not None
    assert foreign_currency("", " rupees max").code is None  # type: ignore[union-attr]
    assert foreign_currency("any that r ", "") is None  # "r" is "are"; "R800" is rand


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


def test_the_pounds_said_next_to_another_currency_are_the_budget() -> None:
    text = "My budget is PKR 40,000, which is about £110. So please take £110 as the maximum."
    assert [e.value for e in extract(text) if e.entity == "budget"] == [110]


@pytest.mark.parametrize("text", ["£200 all in", "£50 gold membership", "£80, top whack"])
def test_everyday_words_that_are_also_currency_codes_leave_a_budget_alone(text: str) -> None:
    assert [e.entity for e in extract(text)].count("budget") == 1


def test_an_amount_in_a_currency_no_slot_reads_is_claimed_as_money() -> None:
    from nlu.currency import foreign_amount_spans
    from nlu.extraction import as_dict, extract

    text = "budget idk maybe up to 300 CAD?"
    [(start, end)] = foreign_amount_spans(text)
    assert text[start:end] == "300 CAD"
    assert "topic" not in as_dict(extract(text)) and "subject" not in as_dict(extract(text))
    assert as_dict(extract("learn CAD for 2 hours a week"))["topic"] == "CAD"


def test_an_amount_of_time_after_a_currency_code_is_no_money() -> None:
    """ "Mga 2-3 hours a week" (Filipino "about") was read as Malagasy ariary."""
    found = {e.entity: e.value for e in extract("Mga 2-3 hours a week lang kaya ko")}
    assert "budget_currency" not in found and found.get("hours_per_week") == 3
