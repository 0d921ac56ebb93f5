"""Amounts in a currency the budget cannot be read in ("40,000 INR", "1 lakh rupees", "R500").

Pounds, euros and dollars are converted to GBP by the budget extractor; any other currency
has no rate here, so its amount is not a budget at all (rather than a wrong one). The
currency words are data: ``data/vocab/foreign_currencies.yml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrases

FOREIGN_PATH = VOCAB_DIR / "foreign_currencies.yml"


@lru_cache(maxsize=2)
def _patterns(path: Path = FOREIGN_PATH) -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = load_yaml(path)
    after = re.compile(r"^\s*" + alternation(phrases(raw, "after", path)))
    symbols = sorted(phrases(raw, "before", path), key=len, reverse=True)
    before = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in symbols) + r")\s*$")
    return after, before


def in_foreign_currency(before: str, after: str) -> bool:
    """Whether the text right ``before`` an amount or right ``after`` it names a currency
    we cannot convert."""
    after_pattern, before_pattern = _patterns()
    return bool(after_pattern.match(after.lower()) or before_pattern.search(before.lower()))


__all__ = ["in_foreign_currency"]
