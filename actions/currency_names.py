"""Which currency a learner's way of writing one names ("AUD", "Singapore dollars", "R").

Read by the NLU (a budget in another currency, :mod:`nlu.currency`) and by the price
question ("how much is that in rand?", :mod:`actions.price_question`): one definition.
"""

from __future__ import annotations

import datetime
from functools import lru_cache
from pathlib import Path

from actions.phrases import VOCAB_DIR, load_yaml, phrases
from actions.store.currency import RATES_AS_OF

FOREIGN_PATH = VOCAB_DIR / "foreign_currencies.yml"
#: The currencies the budget reads (converted to GBP): never "another currency".
READ_CURRENCIES = frozenset({"GBP", "EUR", "USD"})
#: Symbols of those and CLDR's sign for "any currency".
READ_SYMBOLS = frozenset({"$", "£", "€", "US$", "¤"})


@lru_cache(maxsize=2)
def currency_codes(path: Path = FOREIGN_PATH) -> dict[str, str]:
    """Each way of writing a currency (other than pounds, euros and dollars) that names one
    currency alone, lower case, with its ISO 4217 code: the codes, English names (one and
    several) and symbols CLDR gives the currencies in use in RATES_AS_OF (through Babel),
    then the data file's ``codes``. A name or symbol two of them share ("kroner", "kr") is
    left out, and so are the data file's ``shared`` forms ("¥")."""
    from babel.core import get_global
    from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

    year, month = (int(part) for part in RATES_AS_OF.split("-"))
    when = datetime.date(year, month, 15)
    in_use: set[str] = set()
    for territory in get_global("territory_currencies"):
        in_use.update(get_territory_currencies(territory, when))
    written: dict[str, set[str]] = {}
    for code in sorted(in_use - READ_CURRENCIES):
        forms = {
            code.lower(),
            get_currency_name(code, count=1, locale="en").lower(),
            get_currency_name(code, count=2, locale="en").lower(),
        }
        symbol = get_currency_symbol(code, locale="en")
        if symbol not in READ_SYMBOLS:
            forms.add(symbol.lower())
        for form in forms:
            written.setdefault(form, set()).add(code)
    codes = {form: next(iter(found)) for form, found in written.items() if len(found) == 1}
    raw = load_yaml(path)
    codes.update({str(form).lower(): str(code).upper() for form, code in raw["codes"].items()})
    for form in phrases(raw, "shared", path):
        codes.pop(form, None)
    return codes


__all__ = ["FOREIGN_PATH", "READ_CURRENCIES", "READ_SYMBOLS", "currency_codes"]
