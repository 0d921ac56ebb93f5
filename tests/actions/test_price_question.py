"""Prices in another currency: "PRICES ARE IN EUROS? HOW MUCH IS THAT IN DOLLARS"."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.course_list import ActionCourseDetails
from actions.fallback import ActionAskRephrase
from actions.out_of_scope import ActionOutOfScope
from actions.price_question import ActionAnswerPriceQuestion, asked_currency
from actions.store.currency import convert
from tests.actions.conftest import make_tracker

EURO_MONTHLY = "fl-mindfulness-for-wellbeing-and-peak-performance-monash-university"  # €23.99
DOLLAR_PROGRAMME = "edx-micromasters-program-in-supply-chain-management"  # $1,350 in all
FREE = "fl-study-uk-prepare-to-study-and-live-in-the-uk-british-council"


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("PRICES ARE IN EUROS? HOW MUCH IS THAT IN DOLLARS", "USD"),
        ("whats that in usd", "USD"),
        ("can you convert them to pounds", "GBP"),
        ("price in euros please", "EUR"),
        # Another currency: named as written (converted when it names one with a rate).
        ("how much is that in rupees?", "rupees"),
        ("what is it in canadian dollars", "canadian dollars"),
        # Not a conversion: a budget in a currency, or a price question without one.
        ("I have 300 dollars, how much is the first course?", None),
        ("I can pay in dollars", None),
        ("how much is the second one", None),
    ],
)
def test_what_currency_a_message_asks_for(text: str, currency: str | None) -> None:
    assert asked_currency(text) == currency


def _reply(dispatcher: CollectingDispatcher) -> dict[str, Any]:
    [message] = dispatcher.messages
    return message


async def test_the_last_lists_prices_are_converted_at_the_fixed_rates(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "PRICES ARE IN EUROS? HOW MUCH IS THAT IN DOLLARS",
        intent="ask_price_currency",
        slots={"last_results": [EURO_MONTHLY, DOLLAR_PROGRAMME, FREE]},
    )
    assert await ActionAnswerPriceQuestion().run(dispatcher, tracker, domain) == []
    reply = _reply(dispatcher)
    assert reply["response"] == "utter_prices_converted" and reply["currency"] == "US dollars"
    euro, dollar, free = reply["lines"].split("\n")
    monthly = convert(23.99, "EUR", "USD")
    assert monthly is not None and 24 < monthly < 26
    assert euro.startswith("1. ") and f"€23.99/month is about ${monthly:,.2f}/month" in euro
    assert "in total" in euro
    assert dollar.startswith("2. ") and "$1,350" in dollar and "about" not in dollar
    assert free.endswith(": free")


async def test_prices_in_a_currency_with_a_rate_are_converted(store, domain) -> None:
    """ "how much is that in canadian dollars" names one currency the ECB has a rate for."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("what is it in canadian dollars", slots={"last_results": [EURO_MONTHLY]})
    await ActionAnswerPriceQuestion().run(dispatcher, tracker, domain)
    reply = _reply(dispatcher)
    assert reply["response"] == "utter_prices_converted"
    assert reply["currency"] == "canadian dollars"
    monthly = convert(23.99, "EUR", "CAD")
    assert (
        monthly is not None and f"€23.99/month is about CAD {monthly:,.2f}/month" in reply["lines"]
    )


async def test_a_currency_without_a_rate_or_a_list_gets_an_honest_answer(store, domain) -> None:
    rupees = CollectingDispatcher()
    await ActionAnswerPriceQuestion().run(
        rupees,
        make_tracker("how much in rupees", slots={"last_results": [EURO_MONTHLY]}),
        domain,
    )
    assert _reply(rupees)["response"] == "utter_no_rate_for_currency"
    assert _reply(rupees)["currency"] == "rupees"
    no_list = CollectingDispatcher()
    await ActionAnswerPriceQuestion().run(no_list, make_tracker("how much in euros"), domain)
    assert _reply(no_list)["response"] == "utter_prices_need_a_list"
    unnamed = CollectingDispatcher()
    await ActionAnswerPriceQuestion().run(unnamed, make_tracker("what currency is that"), domain)
    assert _reply(unnamed)["response"] == "utter_prices_as_published"


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionOutOfScope, "out_of_scope"),
        (ActionAskRephrase, "nlu_fallback"),
        (ActionCourseDetails, "course_details"),
    ],
)
async def test_a_misread_conversion_question_is_still_answered(
    store, domain, action, intent
) -> None:
    """Read as out of scope, too unsure to decide or a question about a course, it is still
    about the prices shown."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "how much are they in US dollars?",
        intent=intent,
        slots={"last_results": [EURO_MONTHLY]},
    )
    await action().run(dispatcher, tracker, domain)
    assert _reply(dispatcher)["response"] == "utter_prices_converted"


async def test_a_price_question_naming_no_currency_gets_the_prices_and_lengths(
    store, domain
) -> None:
    """ "How much is that one and how long?" read as a currency question: the prices and
    lengths of the courses shown, not how prices are shown in general."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "How much is that one and how long?",
        intent="ask_price_currency",
        slots={"last_results": [EURO_MONTHLY, DOLLAR_PROGRAMME, FREE]},
    )
    await ActionAnswerPriceQuestion().run(dispatcher, tracker, domain)
    responses = [m.get("response") for m in dispatcher.messages]
    assert responses == ["utter_course_costs", "utter_course_lengths"]
    assert "$1,350" in dispatcher.messages[0]["lines"]
