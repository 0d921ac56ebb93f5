"""Amounts in currencies other than pounds, euros and dollars ("300 AUD", "R500", "6000 rupees").

The budget extractor reads pounds, euros and dollars. An amount in another currency is
converted too when the way it is written names one currency alone (:func:`currency_codes`:
"AUD", "Singapore dollars", "R500" for rand) and there is a rate for it
(:mod:`actions.store.currency`); otherwise ("6000 rupees": Indian, Pakistani, Sri Lankan?
"300 AED": no rate) it is not a budget at all rather than a wrong one, and the assistant
says so.

Which words name another currency comes from two places: the world's currencies as the
Unicode CLDR lists them, through Babel (ISO 4217 codes such as HKD or PKR, English names
such as "Hong Kong dollars" or "Romanian lei", and symbols such as HK$ or ₹), so that no
currency is missing because nobody wrote it down; and ``data/vocab/foreign_currencies.yml``
for how people write them that CLDR does not list ("rs", "lakh", "R500"). A code or a name's
last word that is also an everyday English word ("ALL", "TOP", "won", "real") is left out
unless the data file names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from actions.currency_names import FOREIGN_PATH, READ_CURRENCIES, READ_SYMBOLS, currency_codes
from actions.phrases import alternation, load_yaml, phrases

#: A code or word at or above this on wordfreq's Zipf scale is everyday English ("all" 7.2,
#: "top" 5.7, "won" 5.4): as a currency it would hide real budgets ("£200 all in").
EVERYDAY_ZIPF = 3.0


@lru_cache(maxsize=1)
def cldr_currency_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(after, before)``: lower-cased codes, names and names' last words written after an
    amount, and codes and symbols written before it, for every currency but GBP, EUR and
    USD (CLDR through Babel)."""
    from babel.numbers import get_currency_name, get_currency_symbol, list_currencies
    from wordfreq import zipf_frequency

    def everyday(word: str) -> bool:
        return zipf_frequency(word, "en") >= EVERYDAY_ZIPF

    after: set[str] = set()
    before: set[str] = set()
    for code in sorted(list_currencies() - READ_CURRENCIES):
        lowered = code.lower()
        if not everyday(lowered):
            after.add(lowered)
            before.add(lowered)
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if not re.fullmatch(r"[^\W\d_]+(?:[\s'ʻ-][^\W\d_]+)*", name):
                continue  # "(1861–1992)", "(financial)": historical and special entries
            if " " in name or not everyday(name):  # not "gold" or "silver" (XAU, XAG)
                after.add(name)
            last = name.split()[-1]
            if not everyday(last):
                after.add(last)
        symbol = get_currency_symbol(code, locale="en")
        if symbol != code and symbol not in READ_SYMBOLS and not symbol.isalpha():
            before.add(symbol.lower())
    return frozenset(after), frozenset(before)


@lru_cache(maxsize=2)
def _patterns(path: Path = FOREIGN_PATH) -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = load_yaml(path)
    cldr_after, cldr_before = cldr_currency_words()
    after = re.compile(r"^\s*" + alternation([*phrases(raw, "after", path), *cldr_after]))
    symbols = sorted({*phrases(raw, "before", path), *cldr_before}, key=len, reverse=True)
    before = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in symbols) + r")\s*$")
    return after, before


@dataclass(frozen=True)
class ForeignCurrency:
    """A currency written next to an amount."""

    written: str  # as the learner wrote it ("AUD", "rupees", "R")
    code: str | None  # its ISO 4217 code when the writing names one currency alone
    before: int  # characters it takes at the end of the text before the amount ("R" in "R500")
    after: int  # characters it takes at the start of the text after the amount (" AUD")


def foreign_currency(before: str, after: str) -> ForeignCurrency | None:
    """The currency other than pounds, euros and dollars written right ``before`` an amount
    or right ``after`` it, or ``None``."""
    after_pattern, before_pattern = _patterns()
    word = after_pattern.match(after.lower())
    if word is not None:
        written = after[: word.end()].strip()
        return ForeignCurrency(written, currency_codes().get(written.lower()), 0, word.end())
    sign = before_pattern.search(before.lower())
    if sign is not None:
        written = before[sign.start() :].strip()
        if len(written) == 1 and written.isalpha() and not written.isupper():
            return None  # "any that r 2-3 hrs a wk": "r" is "are"; rand is "R800"
        code = currency_codes().get(written.lower())
        return ForeignCurrency(written, code, len(before) - sign.start(), 0)
    return None


def in_foreign_currency(before: str, after: str) -> bool:
    """Whether the text right ``before`` an amount or right ``after`` it names a currency
    we cannot convert."""
    after_pattern, before_pattern = _patterns()
    return bool(after_pattern.match(after.lower()) or before_pattern.search(before.lower()))


#: An amount as written before a currency word ("300", "1,500", "2.5k", "40 000").
_AMOUNT = re.compile(r"\d[\d,.\u00a0 ]*\d(?:k\b)?|\d(?:k\b)?", re.IGNORECASE)


#: A unit of time right after an amount (a range's second number too): it is no money.
_TIME_AFTER = re.compile(
    r"\s*(?:[-–]\s*\d+(?:\.\d+)?\s*)?(?:hours?|hrs?|h|weeks?|wks?|months?|days?|years?|yrs?|"
    r"mins?|minutes?)\b",
    re.IGNORECASE,
)


def foreign_amounts(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, currency)`` for each amount ``text`` writes in a currency we cannot
    convert, the span taking in the currency's word ("300 CAD", "5000 rupees"), the
    currency as written ("CAD", "rupees")."""
    after_pattern, before_pattern = _patterns()
    found: list[tuple[int, int, str]] = []
    for number in _AMOUNT.finditer(text):
        word = after_pattern.match(text[number.end() :].lower())
        if word is not None:
            end = number.end() + word.end()
            found.append((number.start(), end, text[number.end() : end].strip()))
            continue
        if _TIME_AFTER.match(text, number.end()) and not re.search(r"[,.]\s", number.group()):
            continue  # "Mga 2-3 hours a week" (Filipino "about"): no money
        # "R800 total max", "₹5000": the currency written before the amount.
        head = text[max(0, number.start() - 8) : number.start()]
        sign = before_pattern.search(head.lower())
        if sign is not None:
            start = number.start() - len(head) + sign.start()
            written = text[start : number.start()].strip()
            if len(written) == 1 and written.isalpha() and not written.isupper():
                continue  # "any that r 2-3 hrs a wk": "r" is "are"; rand is "R800"
            found.append((start, number.end(), written))
    return found


def foreign_amount_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of :func:`foreign_amounts`: money, never a topic or a wish."""
    return [(start, end) for start, end, _ in foreign_amounts(text)]


__all__ = [
    "ForeignCurrency",
    "cldr_currency_words",
    "currency_codes",
    "foreign_amount_spans",
    "foreign_amounts",
    "foreign_currency",
    "in_foreign_currency",
]
