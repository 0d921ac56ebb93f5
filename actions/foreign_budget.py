"""Say how an amount in another currency was read ("100 AUD" -> about £56, or not at all)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import CONVERTIBLE, SAID_AS
from actions.course_wording import month_year, pounds
from actions.store.currency import RATES_AS_OF


def say_foreign_budget(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Say how an amount in another currency was read: as a budget in pounds ("100 AUD"
    -> about £56, at the rates the prices use), or not at all ("6000 rupees": several
    currencies have that name; "300 AED": no rate), unless another amount of the message
    was read as the budget."""
    entities = tracker.latest_message.get("entities") or []
    budgets = [e for e in entities if e.get("entity") == "budget"]
    text = tracker.latest_message.get("text") or ""
    for entity in entities:
        if entity.get("entity") != "budget_currency":
            continue
        start, end = entity.get("start"), entity.get("end")
        spans = isinstance(start, int) and isinstance(end, int)
        said = text[start:end] if spans else ""
        converted = next((b for b in budgets if spans and _overlaps(b, start, end)), None)
        if converted is not None:
            dispatcher.utter_message(
                response="utter_budget_converted",
                amount=said.strip(),
                pounds=pounds(float(converted.get("value") or 0)),
                rates_as_of=month_year(RATES_AS_OF) or RATES_AS_OF,
            )
            return
        if budgets:
            return  # another amount was read as the budget ("£80 max")
        if entity.get(SAID_AS) == CONVERTIBLE:
            # "an allowance of SGD 1,500 per annum": a rate, but no word made it a wish
            dispatcher.utter_message(response="utter_budget_currency_not_a_wish", amount=said)
            return
        currency = str(entity.get("value") or "")
        # A sign or a letter before the amount ("R800", "₹5000") names no currency in words.
        named = currency if len(currency) > 1 and currency.isalpha() else "that currency"
        dispatcher.utter_message(
            response="utter_budget_currency_unread",
            amount=said.strip() or currency,
            currency=named,
        )
        return


def _overlaps(entity: dict[str, Any], start: int, end: int) -> bool:
    other_start, other_end = entity.get("start"), entity.get("end")
    return (
        isinstance(other_start, int)
        and isinstance(other_end, int)
        and other_start < end
        and start < other_end
    )


__all__ = ["say_foreign_budget"]
