"""Catalogue values as a learner reads them: labels, dates and how a price adds up.

The store keeps ids ("experttrack"), ISO months ("2022-11") and the rule that produced each
comparable total ("£31.32 a month x 1 month ..."); replies use this module instead, so a
learner sees "ExpertTrack", "November 2022" and "Paid monthly: at the stated pace it takes
1 month, so about £31 in total". The labels are data: ``data/vocab/course_labels.yml``.
"""

from __future__ import annotations

import calendar
import functools
import re
from typing import Any

from actions.phrases import VOCAB_DIR, load_yaml
from actions.store.currency import RATES_AS_OF
from actions.store.pricing import months_needed
from actions.store.search import Recommendation

LABELS_FILE = VOCAB_DIR / "course_labels.yml"
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?\b")
_NAMED_MONTH = re.compile(r"^([A-Za-z]+)\.?\s+(\d{4})\b")


@functools.lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    raw = load_yaml(LABELS_FILE)
    labels: dict[str, dict[str, str]] = {}
    for group in ("credential_types", "levels", "currencies"):
        table = raw.get(group) or {}
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise ValueError(f"{LABELS_FILE}: {group} must map ids to text")
        labels[group] = {str(key): value for key, value in table.items()}
    return labels


def _label(group: str, value: str | None, missing: str) -> str:
    if not value:
        return missing
    known = _labels()[group].get(value)
    return known or value.replace("-", " ").capitalize()


def credential_label(credential_type: str | None) -> str:
    """ "experttrack" -> "ExpertTrack"; unknown ids are made readable, never shown raw."""
    return _label("credential_types", credential_type, "Not stated")


def level_label(level: str | None) -> str:
    return _label("levels", level, "Not stated")


#: How the currencies the catalogue's prices come in are written.
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def money(amount: float, currency: str) -> str:
    """``amount`` with its currency's symbol, to the penny unless whole ("€23.99", "$1,350");
    a currency without a symbol goes before it by its code."""
    symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
    return f"{symbol}{amount:,.2f}".replace(".00", "")


def month_year(as_of: Any) -> str | None:
    """A catalogue date as "November 2022" ("2022-11", "2025-01-10", "Sept 2017 refresh"),
    or ``None`` when it holds no month and year ("page undated")."""
    if not isinstance(as_of, str):
        return None
    text = as_of.strip()
    iso = _ISO_MONTH.match(text)
    if iso:
        year, month = int(iso.group(1)), int(iso.group(2))
    else:
        named = _NAMED_MONTH.match(text)
        month = _MONTHS.get(named.group(1).lower(), 0) if named else 0
        year = int(named.group(2)) if named else 0
    if not 1 <= month <= 12 or not year:
        return None
    return f"{calendar.month_name[month]} {year}"


def _rates_note(currency: str | None) -> str:
    if not currency or currency.upper() == "GBP":
        return ""
    name = _labels()["currencies"].get(currency.upper(), currency)
    return f", converted from {name} at {month_year(RATES_AS_OF)} exchange rates"


def pounds(amount: float) -> str:
    """A comparable total as a learner reads it: "free", "£31", "£1,200"."""
    return "free" if amount == 0 else f"£{amount:,.0f}"


def how_the_price_adds_up(course: Recommendation) -> str | None:
    """How the total in pounds comes from the published price, in a learner's words;
    ``None`` when there is nothing to explain (free, a one-off price in pounds, unknown)."""
    if course.price_model == "free" or course.price is None or not course.currency:
        return None
    note = _rates_note(course.currency)
    if course.price_model == "subscription-monthly":
        months = months_needed(course.duration_weeks)
        if months is None or course.cost_gbp is None:
            return "Paid monthly; the course's length is not stated, so the total is unknown"
        plural = "month" if months == 1 else "months"
        return (
            f"Paid monthly: at the stated pace it takes {months} {plural}, "
            f"so about {pounds(course.cost_gbp)} in total{note}"
        )
    if course.cost_gbp is None:
        return None
    if course.price_model == "total-programme":
        return f"One price for the whole programme, about {pounds(course.cost_gbp)}{note}"
    if note:
        return f"A one-off price, about {pounds(course.cost_gbp)}{note}"
    return None
