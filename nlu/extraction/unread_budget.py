"""The ``budget_currency`` entity: money in a currency the budget cannot be read in.

"6000 rupees" or "300 CAD" is not a budget (:mod:`nlu.currency` has no rate for it), but
dropping it without a word would lose what the learner told us: the entity lets the
assistant say it could not use the amount and ask for pounds, euros or dollars.
"""

from __future__ import annotations

from nlu.currency import foreign_amounts
from nlu.extraction.context import Extracted, ScanContext

#: Confidence of an amount written with a currency's own word or code.
SAID_IN_A_CURRENCY = 0.9


def extract_unread_budget(ctx: ScanContext) -> list[Extracted]:
    """The first amount in another currency, valued by the currency as written."""
    for start, end, currency in foreign_amounts(ctx.raw):
        return [
            Extracted(
                "budget_currency", currency, start, end, ctx.raw[start:end], SAID_IN_A_CURRENCY
            )
        ]
    return []
