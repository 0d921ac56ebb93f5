"""Money in another currency: converted when it names one currency with a rate, else said
back and never used."""

from __future__ import annotations

import pytest

from actions.store.currency import to_gbp
from nlu.extraction import as_dict, extract


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("my budget is about 6000 rupees in total", "rupees"),  # Indian? Pakistani? Nepali?
        ("max 60k rupees", "rupees"),
        ("budget like 300 AED?", "AED"),  # the ECB publishes no dirham rate
        ("I would prefer not more than 500 kroner altogether", "kroner"),  # Danish? Norwegian?
        ("Kindly note my budget is ₦200,000", "₦"),
        ("budget 3000 bob max", "bob"),  # Kenyan shillings, said as in Nairobi
        ("Ksh 3000 is ok", "Ksh"),
        # an amount with no currency beside one in an unread currency is in that one too
        ("budget 3000 bob max. KES 3k", "bob"),
        ("I earn KSh 90,000 per month so I cannot spend more than KSh 15,000.", "KSh"),
    ],
)
def test_an_amount_in_a_currency_without_one_rate_is_no_budget_but_is_kept(
    text: str, currency: str
) -> None:
    found = as_dict(extract(text))
    assert found.get("budget_currency") == currency
    assert "budget" not in found


@pytest.mark.parametrize(
    ("text", "amount", "code"),
    [
        ("under 100 AUD please", 100, "AUD"),
        ("I can spend 300 CAD", 300, "CAD"),
        ("My maximum is 500 Canadian dollars.", 500, "CAD"),
        ("Budget S$800. Credit not needed.", 800, "SGD"),
        ("R500 is my limit, the school doesn't pay.", 500, "ZAR"),
        ("budget is 15000 INR", 15000, "INR"),
        ("₹5000 budget", 5000, "INR"),
        ("My budget is 50,000 yen.", 50000, "JPY"),
        ("- short course, under 1000 TL", 1000, "TRY"),
        # written as money with no word around it, like "£30" on its own
        ("deep learning. 4 weeks max. ₹20k.", 20000, "INR"),
        ("Budget, eish. R3000 is all I've got saved, ja.", 3000, "ZAR"),
        ("SkillsFuture credit will cover S$500, so fees in SGD ok.", 500, "SGD"),
        # judged as a salary by what it is worth, not by its digits (about £209)
        ("cloud course, 6 weeks, 20000 INR.", 20000, "INR"),
    ],
)
def test_an_amount_in_a_currency_with_a_rate_is_converted_and_kept(
    text: str, amount: float, code: str
) -> None:
    found = as_dict(extract(text))
    assert found.get("budget") == pytest.approx(to_gbp(amount, code))
    assert "budget_currency" in found  # so the assistant can say how it read it


@pytest.mark.parametrize(
    "text",
    [
        "my salary is R30000",  # money, but no wish
        "the pest company charges 3000 TL a visit",  # a price
        "We have 3 shafts being upgraded this year and R2 billion budget",  # the firm's
        "any that r 2-3 hrs a wk",  # "r" is "are"
        "I earn R20000 a month",  # income
        # a loan worth about £9,000: no course costs that, and no word makes it a wish
        "a business plan for a bank loan (about 200,000 TL) to buy a second kiln",
    ],
)
def test_money_in_another_currency_that_is_no_wish_is_no_budget(text: str) -> None:
    assert "budget" not in as_dict(extract(text))


def test_pounds_said_beside_another_currency_win() -> None:
    """ "my budget in rands is R5000 but i think thats like £210": the learner converted it."""
    found = as_dict(extract("I earn R30,000 a month. R2000 would be a lot, so £80 max"))
    assert found.get("budget") == 80


def test_pounds_euros_and_dollars_are_read_as_a_budget_instead() -> None:
    for text in ("budget £50", "under 60 euros", "max $100"):
        found = as_dict(extract(text))
        assert "budget" in found and "budget_currency" not in found, text


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("My budget for it is 500 lei... no, sorry, I will say in pounds: maximum 120.", 120),
        ("my salry is 18000 taka. i can pay maxmum 50 pund only", 50),
        ("Budget ni £120 max, mshahara yangu ni KSh 65,000", 120),
    ],
)
def test_pounds_named_beside_an_unread_currency_keep_their_amount(text: str, amount: float) -> None:
    assert as_dict(extract(text)).get("budget") == amount
