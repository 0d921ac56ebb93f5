"""Comparable total cost of a course in GBP, with the rule that produced it.

Learners compare courses priced in different ways (once, per month, per programme,
in euros or dollars), so each course gets one figure: what finishing it at the
stated pace would cost, in pounds, converted at a fixed November 2022 rate
(:mod:`actions.store.currency`). Unknown is never treated as free: when the price,
currency or length needed is missing the cost is ``None`` and the rule says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from actions.store.currency import RATES_AS_OF, to_gbp

#: Average weeks in a month (52.14 / 12), to turn a length in weeks into months paid.
WEEKS_PER_MONTH = 4.345

RULE_FREE = "free"
RULE_NOT_PUBLISHED = "price not published"
RULE_NO_CURRENCY = "price not published in a known currency"


@dataclass(frozen=True)
class Cost:
    """A course's comparable cost.

    ``gbp`` is the total in GBP or ``None`` when it cannot be worked out; ``rule``
    says in a few words how it was computed (shown to learners); ``monthly_gbp`` is
    the monthly fee in GBP for subscriptions, even when the total is unknown.
    """

    gbp: float | None
    rule: str
    monthly_gbp: float | None = None

    @property
    def known(self) -> bool:
        return self.gbp is not None


def months_needed(duration_weeks: float | None) -> int | None:
    """Months of subscription needed to finish at the stated pace (at least 1)."""
    if duration_weeks is None or duration_weeks <= 0:
        return None
    # Round before ceil so 8.69 / 4.345 = 2.0000000001 stays 2 months.
    return max(1, math.ceil(round(duration_weeks / WEEKS_PER_MONTH, 6)))


def _fmt(amount: float) -> str:
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"


def course_cost(
    price: float | None,
    currency: str | None,
    price_model: str | None,
    duration_weeks: float | None,
) -> Cost:
    """The comparable total cost of a course in GBP and the rule used.

    - ``free``: 0.
    - ``one-off`` / ``total-programme``: the price converted to GBP.
    - ``subscription-monthly``: the monthly price x months needed to finish at the
      stated pace, ``ceil(duration_weeks / 4.345)``; unknown length -> unknown total
      (the monthly figure is kept).
    - anything else, or a missing price or currency: unknown (``None``).
    """
    model = (price_model or "unknown").strip().lower()
    code = (currency or "").strip().upper()
    if model == "free":
        return Cost(0.0, RULE_FREE)
    if price is None or model not in ("one-off", "total-programme", "subscription-monthly"):
        return Cost(None, RULE_NOT_PUBLISHED)
    converted = to_gbp(price, code or None)
    if converted is None:
        return Cost(None, RULE_NO_CURRENCY)
    note = "" if code == "GBP" else f", converted from {code} at the fixed {RATES_AS_OF} rate"
    if model == "one-off":
        return Cost(converted, f"one-off price{note}")
    if model == "total-programme":
        return Cost(converted, f"whole-programme price{note}")
    months = months_needed(duration_weeks)
    if months is None:
        return Cost(
            None, f"£{_fmt(converted)} a month; length unknown, so total unknown", converted
        )
    total = round(converted * months, 2)
    plural = "month" if months == 1 else "months"
    return Cost(
        total,
        f"£{_fmt(converted)} a month x {months} {plural} to finish at the stated pace{note}",
        converted,
    )
