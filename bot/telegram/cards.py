"""A course from a ``course_list`` payload as a Telegram card (HTML text plus a link).

Every value comes from the catalogue, so each is HTML-escaped; anything missing is shown as
unknown rather than guessed.
"""

from __future__ import annotations

import calendar
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
PRICE_MODEL_SUFFIXES = {
    "subscription-monthly": " a month",
    "total-programme": " for the whole programme",
}
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?$")
_NAMED_MONTH = re.compile(r"^([A-Z][a-z]+) (\d{4})$")
_MAX_FIELD = 300
_MAX_WHY = 1500


@dataclass(frozen=True)
class CourseCard:
    """A card's HTML text and its course page link (``None`` if it has no web address)."""

    html: str
    url: str | None


def course_card(course: Mapping[str, Any], position: int | None = None) -> CourseCard:
    """The card for one course of a ``course_list`` payload."""
    title = _text(course.get("title")) or "Untitled course"
    heading = f"{position}. {title}" if position is not None else title
    lines = [
        f"<b>{_escape(heading)}</b>",
        _escape(_text(course.get("provider")) or "Provider not stated"),
        f"Length: {_escape(_length(course))}",
        f"Price: {_escape(_price(course))}",
        f"Credits: {_escape(_credits(course))}",
    ]
    why = _text(course.get("why"), _MAX_WHY)
    if why:
        lines.append(f"<i>Why: {_escape(why)}</i>")
    return CourseCard("\n".join(lines), web_url(course.get("url")))


def web_url(value: Any) -> str | None:
    """``value`` if it is an absolute http(s) address, else ``None``."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    parsed = urlparse(url)
    if parsed.scheme.lower() in {"http", "https"} and parsed.netloc and " " not in url:
        return url
    return None


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _text(value: Any, limit: int = _MAX_FIELD) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _figure(value: float) -> str:
    return f"{value:g}"


def _length(course: Mapping[str, Any]) -> str:
    weeks = _number(course.get("duration_weeks"))
    hours = _number(course.get("hours_per_week"))
    parts = [
        f"{_figure(weeks)} weeks" if weeks else "length not stated",
        f"{_figure(hours)} hours a week" if hours else "weekly hours not stated",
    ]
    return ", ".join(parts)


def _money(amount: float, currency: str) -> str:
    figure = f"{amount:,.2f}".removesuffix(".00")
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    return f"{symbol}{figure}" if symbol else f"{figure} {currency}"


def _price(course: Mapping[str, Any]) -> str:
    amount = _number(course.get("price"))
    currency = _text(course.get("currency"), 12)
    model = str(course.get("price_model") or "")
    if model == "free" or amount == 0:
        return "free"
    if amount is None or not currency:
        return "not published"
    price = _money(amount, currency) + PRICE_MODEL_SUFFIXES.get(model, "")
    as_of = month_year(course.get("price_as_of"))
    if as_of:
        price += f" (as of {as_of})"
    total = _number(course.get("cost_gbp"))
    converted = currency.upper() != "GBP" or model in PRICE_MODEL_SUFFIXES
    if amount and model != "free" and total and converted:
        price += f", about £{total:,.0f} in total"
    return price


def month_year(value: Any) -> str | None:
    """A catalogue date in the one style learners see, "November 2022" ("2022-11",
    "2025-01-10", "May 2023"); ``None`` for anything else ("page undated")."""
    text = _text(value, 40)
    iso = _ISO_MONTH.match(text)
    if iso and 1 <= int(iso.group(2)) <= 12:
        return f"{calendar.month_name[int(iso.group(2))]} {iso.group(1)}"
    named = _NAMED_MONTH.match(text)
    if named and named.group(1) in calendar.month_name[1:]:
        return text
    return None


def _credits(course: Mapping[str, Any]) -> str:
    credits = _number(course.get("credits"))
    if not credits:
        return "none stated"
    scheme = _text(course.get("credit_scheme"), 40)
    return f"{_figure(credits)} {scheme} credits" if scheme else f"{_figure(credits)} credits"
