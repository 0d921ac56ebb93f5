"""Numbers as learners write them: digits ("1,200", "2.5", "3½"), words ("twenty five",
"a hundred and fifty"), "half" and vague quantities ("a couple of", "a few"). The regex
pieces here are reused by the budget, hours and weeks rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlu import vocab

# Number words up to 999,999 ("twenty five", "a hundred and fifty", "two thousand").
_UNITS = (
    "seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|eleven|twelve|"
    "seven|three|eight|zero|four|five|nine|one|two|six|ten"
)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
_UPTO99 = rf"(?:(?:{_TENS})(?:[\s-]?(?:{_ONES}))?|{_UNITS})"
_UPTO999 = rf"(?:(?:{_UPTO99}|a)\s+hundred(?:\s+(?:and\s+)?{_UPTO99})?|{_UPTO99})"
WORDNUM = (
    rf"(?:(?:{_UPTO999}|a)\s+thousand(?:\s+(?:and\s+)?{_UPTO999})?|{_UPTO999})"
    r"(?:\s+and\s+a\s+half)?"
)
# Digits: "1,200", "2.5", ".5", optionally "and a half" or "½".
DIGNUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s+and\s+a\s+half|½)?"
# Vague amounts; their values are NumberWords.vague.
VAGUE = r"(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several|a\s+handful\s+of"
NUM = rf"(?:{DIGNUM}|{WORDNUM}|half)"
NUMBER_START = r"(?<![\w£$€.,])"  # left boundary for a number


@dataclass(frozen=True)
class NumberWords:
    """The number words of ``data/vocab/nlu/numbers.yml``."""

    words: dict[str, int]  # "twenty" -> 20
    scales: dict[str, int]  # "k" -> 1000
    vague: dict[str, float]  # "a couple of" -> 2
    ordinals: dict[str, int]  # "second" -> 2, "last" -> -1


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    data = vocab.load("numbers", "words", "scales", "vague", "ordinals")
    return NumberWords(
        words=data.integers("words"),
        scales=data.integers("scales"),
        vague=data.numbers("vague"),
        ordinals=data.integers("ordinals"),
    )


def num_value(s: str | None) -> float | None:
    """Parse digits, number words, "half", vague quantities ("a couple of")."""
    if s is None:
        return None
    s = s.strip().lower()
    if not s:
        return None
    half = 0.0
    if s.endswith("½"):
        half, s = 0.5, s[:-1].strip()
    m = re.fullmatch(r"(.*?)\s+and\s+a\s+half", s)
    if m:
        half, s = 0.5, m.group(1)
    if re.fullmatch(r"[\d,]*\.?\d+", s):
        try:
            return float(s.replace(",", "")) + half
        except ValueError:
            return None
    vague = s.removesuffix(" of")
    quantities = number_words().vague
    if s in quantities or vague in quantities:
        return float(quantities.get(s, quantities.get(vague, 0))) + half
    if s in ("a", "an", "one", "a single"):
        return 1.0 + half
    if s in ("half", "half a", "half an"):
        return 0.5
    value = _words_to_number(s)
    return None if value is None else value + half


def _words_to_number(s: str) -> float | None:
    words = [w for w in re.split(r"[\s-]+", s) if w]
    if not words:
        return None
    total = 0
    current = 0
    seen = False
    values = number_words().words
    for i, w in enumerate(words):
        if w in values:
            current += values[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
            seen = True
        elif w == "and" or (w == "a" and i == 0):
            continue
        else:
            return None
    return float(total + current) if seen else None


def clean_number(x: float) -> int | float:
    x = round(x, 2)
    return int(x) if float(x).is_integer() else x


def has_digits_issue(s: str | None) -> bool:
    """Phone-number-like or zero-padded digit strings are never quantities."""
    if not s or not s.strip()[:1].isdigit():
        return False
    digits = s.strip().replace(",", "").split(".")[0].split()[0]
    return (len(digits) > 1 and digits.startswith("0")) or len(digits) >= 7
