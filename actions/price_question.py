"""Prices in another currency: "PRICES ARE IN EUROS? HOW MUCH IS THAT IN DOLLARS".

The catalogue gives each price in the currency the provider published it in (pounds,
euros or dollars, mostly seen in November 2022). A learner who asks for another currency
gets the last list's prices converted at the fixed rates the search compares prices with
(:mod:`actions.store.currency`), said to be approximate; a currency without a rate is said
to have none (never guessed). The question's words are data:
``data/vocab/price_questions.yml`` and the other currencies of ``foreign_currencies.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import CourseAdvisorAction, store_session
from actions.cost_question import answer_cost_question
from actions.course_wording import CURRENCY_SYMBOLS, money, month_year
from actions.currency_names import currency_codes
from actions.length_question import answer_length_question
from actions.phrases import (
    ABOUT_THE_LIST,
    VOCAB_DIR,
    alternation,
    load_yaml,
    phrase_patterns,
    phrases,
)
from actions.store.currency import RATES_AS_OF, convert, gbp_per_unit
from actions.store.models import Course
from actions.store.search import get_courses

QUESTIONS_PATH = VOCAB_DIR / "price_questions.yml"
FOREIGN_PATH = VOCAB_DIR / "foreign_currencies.yml"
NAMES = {"GBP": "pounds", "EUR": "euros", "USD": "US dollars"}
#: Price models whose price is paid each month.
MONTHLY = "subscription-monthly"


@dataclass(frozen=True)
class _Patterns:
    asks: re.Pattern[str]
    about_the_list: re.Pattern[str]
    into: str  # the words before a currency ("in", "to"), as a pattern
    other: str  # the currencies without a rate, as a pattern
    currencies: tuple[tuple[str, str], ...]  # (ISO code, pattern of its words)


@lru_cache(maxsize=2)
def _patterns(path: Path = QUESTIONS_PATH, foreign: Path = FOREIGN_PATH) -> _Patterns:
    raw = load_yaml(path)
    table = raw.get("currencies") or {}
    if not isinstance(table, dict):
        raise ValueError(f"{path}: currencies must map ISO codes to lists of words")
    others = phrases(raw, "other_currencies", path) + phrases(load_yaml(foreign), "after", foreign)
    return _Patterns(
        asks=re.compile(alternation(phrases(raw, "asks", path))),
        about_the_list=phrase_patterns(path, ABOUT_THE_LIST)[ABOUT_THE_LIST],
        into=alternation(phrases(raw, "into", path)) + r"\s+(?:the\s+|my\s+|our\s+)?",
        other=alternation(others),
        currencies=tuple(
            (str(code).upper(), alternation(phrases(table, code, path))) for code in table
        ),
    )


def asked_currency(text: str, *, asked: bool = False) -> str | None:
    """The currency a message asks prices in: an ISO code we have a rate for ("USD"), the
    words of one we have none for ("rupees"), or ``None`` when it asks no such thing.

    Without ``asked`` the message must ask about a price, point at the prices or courses
    shown and name the currency after "in" or "to" ("how much is that in dollars"); with
    it (the intent is known to be the question), any currency named will do ("how many
    rand is the 2nd one").
    """
    lowered = text.lower()
    found = _patterns()
    if not asked and not (found.asks.search(lowered) and found.about_the_list.search(lowered)):
        return None
    lead = "" if asked else found.into
    other = re.search(lead + "(" + found.other + ")", lowered)
    if other is not None:
        return other.group(1)
    for code, words in found.currencies:
        if re.search(lead + words, lowered):
            return code
    return None


def price_lines(courses: Sequence[Course], code: str) -> list[str]:
    """One line a course: its published price, then the same in ``code`` (and its total)."""
    lines = []
    for n, course in enumerate(courses, start=1):
        title, price, currency = course.title, course.price, course.currency
        model, total = course.price_model, course.cost_gbp
        if model == "free" or price == 0:
            lines.append(f"{n}. {title}: free")
            continue
        converted = convert(price, currency, code)
        if price is None or converted is None or currency not in CURRENCY_SYMBOLS:
            lines.append(f"{n}. {title}: price not published")
            continue
        each = "/month" if model == MONTHLY else ""
        line = f"{n}. {title}: {money(price, currency)}{each}"
        if currency != code:
            line += f" is about {money(converted, code)}{each}"
        in_total = convert(total, "GBP", code)
        if model == MONTHLY and in_total is not None:
            line += f", about {money(round(in_total), code)} in total"
        lines.append(line)
    return lines


def answer_price_question(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, known: bool = False
) -> bool:
    """Answer the latest message if it asks for prices in another currency (``known``: its
    intent says it does); whether it did."""
    asked = asked_currency(tracker.latest_message.get("text") or "", asked=known)
    if asked is None:
        return False
    code, name = asked, NAMES.get(asked)
    if name is None:  # "in rand" (ZAR: a rate), "in rupees" (whose?), "in AED" (no rate)
        code, name = currency_codes().get(asked.lower()) or "", asked
    if gbp_per_unit(code) is None:
        named = "your currency" if asked.endswith("currency") else asked
        dispatcher.utter_message(
            response="utter_no_rate_for_currency",
            currency=named,
            rates_as_of=month_year(RATES_AS_OF) or RATES_AS_OF,
        )
        return True
    ids = list(tracker.get_slot("last_results") or [])
    if not ids:
        dispatcher.utter_message(response="utter_prices_need_a_list", currency=name)
        return True
    with store_session() as session:
        courses = get_courses(session, ids)
    dispatcher.utter_message(
        response="utter_prices_converted",
        currency=name,
        rates_as_of=month_year(RATES_AS_OF) or RATES_AS_OF,
        lines="\n".join(price_lines(courses, code)),
    )
    return True


class ActionAnswerPriceQuestion(CourseAdvisorAction):
    """The last list's prices in the currency asked for; with none named, how prices are
    shown and how to ask."""

    def name(self) -> str:
        return "action_answer_price_question"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if answer_price_question(dispatcher, tracker, known=True):
            return []
        if answer_cost_question(dispatcher, tracker):
            # "how much is that one and how long?": no currency named, so the price (and the
            # length, when asked) of the courses shown, not how prices are shown in general.
            answer_length_question(dispatcher, tracker)
            return []
        dispatcher.utter_message(
            response="utter_prices_as_published",
            rates_as_of=month_year(RATES_AS_OF) or RATES_AS_OF,
        )
        return []


__all__ = ["ActionAnswerPriceQuestion", "answer_price_question", "asked_currency", "price_lines"]
