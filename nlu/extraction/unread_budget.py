"""The ``budget_currency`` entity: money in a currency other than pounds, euros and dollars.

"6000 rupees" is not a budget (several currencies have that name) and "300 AED" neither
(no rate); "under 100 AUD" is, converted by the budget extractor. Either way the entity
lets the assistant say how it read the amount: converted, or not used (then it asks for
pounds, euros or dollars, or the currency's code).
"""

from __future__ import annotations

from actions.answers import CONVERTIBLE
from actions.store.currency import gbp_per_unit
from nlu.currency import currency_codes, foreign_amounts
from nlu.extraction.context import Extracted, ScanContext

#: Confidence of an amount written with a currency's own word or code.
SAID_IN_A_CURRENCY = 0.9


def extract_unread_budget(ctx: ScanContext) -> list[Extracted]:
    """The first amount in another currency, valued by the currency as written, said as
    CONVERTIBLE when there is a rate for it (the budget extractor converts it when it is a
    wish: "under 100 AUD", not "an allowance of SGD 1,500 per annum")."""
    for start, end, currency in foreign_amounts(ctx.raw):
        code = currency_codes().get(currency.lower())
        rated = gbp_per_unit(code) is not None
        return [
            Extracted(
                "budget_currency",
                currency,
                start,
                end,
                ctx.raw[start:end],
                SAID_IN_A_CURRENCY,
                CONVERTIBLE if rated else None,
            )
        ]
    return []
