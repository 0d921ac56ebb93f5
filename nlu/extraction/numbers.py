"""Numbers as learners write them: digits ("1,200", "2.5", "3½"), words ("twenty five",
"a hundred and fifty"), "half" and vague quantities ("a couple of", "a few"). The regex
pieces here find numbers in a message and are reused by the budget, hours and weeks rules;
:func:`num_value` reads the span they found.

Number words are read by text2num (Allo-Media; MIT; a Rust core with no Python
dependencies; pinned in pyproject.toml): ``text2num(span, "en")`` parses a whole span or
raises ``ValueError``, which fits a span already cut out by the regexes. It takes "and"
("two thousand and five") and "fourty", but not the article of "a hundred": a leading
"a"/"an" is read as "one". It refuses malformed spans ("five hundred zero", "twenty five
hundred thousand") that the hand-written parser it replaced added up word by word. Fractions
("one and a half", "3½") and vague amounts stay here (the amounts in
``data/vocab/nlu/numbers.yml``). Others looked at (with ``pip install --dry-run``; all three
leave every pin of requirements.lock as it is):

- number-parser 0.3.2 (last release 2023): ``parse_number`` gives ``None`` for "a hundred
  and fifty" and for "fourty".
- numerizer 0.2.4: returns text, not numbers ("three quarters" -> "3/4", "a couple of" ->
  "1 couple of", "twenty five hundred" -> "20 500"), and imports spaCy, so TensorFlow, at
  import (about 4 s).
- word2number 1.1: unmaintained since 2017.

None of them reads "three quarters" as 0.75, and no regex here finds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from nlu import vocab

# Number words up to 999,999 ("twenty five", "a hundred and fifty", "two thousand").
_UNITS = (
    "seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|eleven|twelve|"
    "seven|three|eight|zero|four|five|nine|one|two|six|ten"
)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
_UPTO99 = rf"(?:(?:{_TENS})(?:[\s-]?(?:{_ONES}))?|{_UNITS})"
# A bare "hundred" or "thousand" is one ("Hundred fifty pounds", "hundred quid tops"); not
# "hundreds of".
_UPTO999 = rf"(?:(?:(?:{_UPTO99}|a)\s+)?hundred(?!s)(?:\s+(?:and\s+)?{_UPTO99})?|{_UPTO99})"
WORDNUM = (
    rf"(?:(?:(?:{_UPTO999}|a)\s+)?thousand(?!s)(?:\s+(?:and\s+)?{_UPTO999})?|{_UPTO999})"
    r"(?:\s+and\s+a\s+half)?(?:-?ish\b)?"
)
# Digits: "1,200", "2.5", ".5", optionally "and a half" or "½"; "5ish" is about 5. Thousands
# grouped with full stops, as most of Europe writes them ("1.000 Euro", "2.500"): no amount
# of money or time is written with three decimals.
#: Thousands grouped with full stops ("1.000", "12.500.000").
_DOT_THOUSANDS = r"\d{1,3}(?:\.\d{3})+"
#: ... and with spaces ("50 000 francs CFA", "R5 000"), as French, Nordic and South African
#: writers do.
_SPACE_THOUSANDS = r"\d{1,3}(?: \d{3})+"
DIGNUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{_DOT_THOUSANDS}(?!\d|[.,]\d)|{_SPACE_THOUSANDS}(?!\d|[.,]\d)|"
    r"\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s+and\s+a\s+half|½)?(?:-?ish\b)?"
)
_DOT_GROUPED = re.compile(_DOT_THOUSANDS)
_SPACE_GROUPED = re.compile(_SPACE_THOUSANDS)
# Vague amounts; their values are NumberWords.vague.
VAGUE = r"(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several|a\s+handful\s+of"
NUM = rf"(?:{DIGNUM}|{WORDNUM}|half)"
NUMBER_START = r"(?<![\w£$€.,])"  # left boundary for a number


@dataclass(frozen=True)
class NumberWords:
    """The amounts and positions of ``data/vocab/nlu/numbers.yml`` (number words themselves
    are text2num's)."""

    scales: dict[str, int]  # "k" -> 1000
    vague: dict[str, float]  # "a couple of" -> 2
    ordinals: dict[str, int]  # "second" -> 2, "last" -> -1


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    data = vocab.load("numbers", "scales", "vague", "ordinals")
    return NumberWords(
        scales=data.integers("scales"),
        vague=data.numbers("vague"),
        ordinals=data.integers("ordinals"),
    )


def num_value(s: str | None) -> float | None:
    """Parse digits, number words, "half", vague quantities ("a couple of")."""
    if s is None:
        return None
    s = s.strip().lower()
    s = re.sub(r"-?ish$", "", s).strip()  # "5ish", "ten-ish": about that many
    if not s:
        return None
    half = 0.0
    if s.endswith("½"):
        half, s = 0.5, s[:-1].strip()
    m = re.fullmatch(r"(.*?)\s+and\s+a\s+half", s)
    if m:
        half, s = 0.5, m.group(1)
    if _DOT_GROUPED.fullmatch(s):
        return float(s.replace(".", "")) + half
    if _SPACE_GROUPED.fullmatch(s):
        return float(s.replace(" ", "")) + half
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
    value = words_to_number(s)
    return None if value is None else value + half


def words_to_number(s: str) -> float | None:
    """The value of number words ("twenty-five", "a hundred and fifty"), by text2num;
    ``None`` when they are not one well-formed number."""
    words = [w for w in re.split(r"[\s-]+", s) if w]
    if not words:
        return None
    if words[0] in ("a", "an") and len(words) > 1:
        words[0] = "one"  # "a hundred": text2num wants a number before "hundred"
    elif words[0] in ("hundred", "thousand"):
        words.insert(0, "one")  # "hundred fifty"
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def clean_number(x: float) -> int | float:
    x = round(x, 2)
    return int(x) if float(x).is_integer() else x


def has_digits_issue(s: str | None) -> bool:
    """Phone-number-like or zero-padded digit strings are never quantities."""
    if not s or not s.strip()[:1].isdigit():
        return False
    digits = s.strip().replace(",", "").split(".")[0].split()[0]
    return (len(digits) > 1 and digits.startswith("0")) or len(digits) >= 7
