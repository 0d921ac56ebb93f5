"""How an amount in another currency is said to have been read."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.foreign_budget import say_foreign_budget
from tests.actions.conftest import extracted, make_tracker


def test_an_amount_in_a_currency_without_a_rate_is_said_not_to_be_the_budget() -> None:
    dispatcher = CollectingDispatcher()
    text = "sorry I meant 6000 rupees in total"
    say_foreign_budget(dispatcher, make_tracker(text, entities=extracted(text)))
    [said] = dispatcher.messages
    assert said["response"] == "utter_budget_currency_unread"
    assert said["amount"] == "6000 rupees" and said["currency"] == "rupees"
    # a sign before the amount names no currency in words
    dispatcher = CollectingDispatcher()
    text = "budget tight, like ₦8000 total max"
    say_foreign_budget(dispatcher, make_tracker(text, entities=extracted(text)))
    [said] = dispatcher.messages
    assert said["amount"] == "₦8000" and said["currency"] == "that currency"


def test_an_amount_in_a_currency_with_a_rate_is_said_as_read() -> None:
    """ "R800" is rand: taken as the budget in pounds, and the learner is told how."""
    dispatcher = CollectingDispatcher()
    text = "budget tight, like R800 total max"
    say_foreign_budget(dispatcher, make_tracker(text, entities=extracted(text)))
    [said] = dispatcher.messages
    assert said["response"] == "utter_budget_converted"
    assert said["amount"] == "R800" and said["pounds"] == "£39"  # 800 x 0.04873
    assert said["rates_as_of"] == "November 2022"


def test_an_amount_with_a_rate_but_no_wish_is_said_not_taken() -> None:
    """ "an allowance of SGD 1,500 per annum" is no budget, but there is a rate for it: the
    reply must not say there is none."""
    dispatcher = CollectingDispatcher()
    text = "My employer provides a learning allowance of SGD 1,500 per annum."
    say_foreign_budget(dispatcher, make_tracker(text, entities=extracted(text)))
    [said] = dispatcher.messages
    assert said["response"] == "utter_budget_currency_not_a_wish"
    assert said["amount"] == "SGD 1,500"


def test_nothing_is_said_when_a_budget_was_read_too() -> None:
    for text in ("I earn 40000 rupees a month but can spend £30", "about £50"):
        dispatcher = CollectingDispatcher()
        say_foreign_budget(dispatcher, make_tracker(text, entities=extracted(text)))
        assert dispatcher.messages == [], text
