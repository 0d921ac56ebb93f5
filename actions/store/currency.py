"""Fixed currency conversion used to compare prices like with like.

The catalogue's prices were mostly seen in November 2022, so they are converted
with approximate mid-market rates of that month rather than today's. The rule is
deliberately simple and stated to learners: "converted at a fixed November 2022
rate". Unknown currencies convert to ``None``: never guess.
"""

from __future__ import annotations

RATES_AS_OF = "2022-11"

# How many pounds sterling one unit of each currency was worth (approximate
# mid-market rates for November 2022).
GBP_PER_UNIT: dict[str, float] = {
    "GBP": 1.0,
    "EUR": 0.87,
    "USD": 0.84,
}


def to_gbp(amount: float | None, currency: str | None) -> float | None:
    """Convert ``amount`` in ``currency`` to GBP, or ``None`` when either is unknown."""
    if amount is None or not currency:
        return None
    rate = GBP_PER_UNIT.get(currency.strip().upper())
    if rate is None:
        return None
    return round(amount * rate, 2)


def convert(amount: float | None, currency: str | None, target: str) -> float | None:
    """``amount`` in ``currency`` as ``target`` at the same fixed rates, or ``None`` when
    either currency (or the amount) is unknown."""
    in_gbp = to_gbp(amount, currency)
    rate = GBP_PER_UNIT.get(target.strip().upper())
    if in_gbp is None or rate is None:
        return None
    return round(in_gbp / rate, 2)
