"""Numbers read from a span the regexes found (nlu/extraction/numbers.py): number words by the
text2num library, fractions and vague amounts by the module and its data."""

from __future__ import annotations

import re

import pytest

from nlu.extraction.course_index import _index_value
from nlu.extraction.numbers import NUM, NUMBER_START, WORDNUM, num_value, words_to_number


@pytest.mark.parametrize(
    ("span", "value"),
    [
        ("twenty five", 25),
        ("twenty-five", 25),
        ("fourty", 40),
        ("a hundred", 100),  # the article is read as "one"
        ("a hundred and fifty", 150),
        ("one hundred fifty", 150),
        ("twelve hundred", 1200),
        ("two thousand", 2000),
        ("a thousand", 1000),
        ("hundred fifty", 150),  # a bare "hundred" is one hundred
        ("thousand", 1000),
        ("two thousand and five", 2005),
        ("nine hundred and ninety nine thousand nine hundred and ninety nine", 999_999),
        ("zero", 0),
    ],
)
def test_number_words_are_read_by_the_library(span: str, value: int) -> None:
    assert re.fullmatch(WORDNUM, span)  # a span the regexes find...
    assert num_value(span) == value  # ...and its value
    assert words_to_number(span) == value


@pytest.mark.parametrize(
    "span",
    [
        "five hundred zero",  # found by the regex, but no number: no longer 500
        "twenty five hundred thousand",
        "twentyfive",
        "so",
        "a",  # alone, "a" is num_value's (1), not a number word
    ],
)
def test_words_that_are_not_one_number_give_none(span: str) -> None:
    assert words_to_number(span) is None


@pytest.mark.parametrize(
    ("span", "value"),
    [
        ("one and a half", 1.5),
        ("two and a half", 2.5),
        ("2 and a half", 2.5),
        ("3½", 3.5),
        ("half", 0.5),
        ("half an", 0.5),
        ("a", 1),
        ("an", 1),
        ("1,200", 1200),
        ("2.5", 2.5),
        (".5", 0.5),
        # vague amounts: data/vocab/nlu/numbers.yml
        ("a couple of", 2),
        ("couple", 2),
        ("a few", 3),
        ("several", 4),
        ("a dozen", 12),
    ],
)
def test_fractions_digits_and_vague_amounts(span: str, value: float) -> None:
    assert num_value(span) == value


def test_spans_found_in_a_message_are_read() -> None:
    text = "about twenty-five hours, a hundred and fifty pounds and one and a half weeks"
    spans = [m.group(0) for m in re.finditer(NUMBER_START + NUM, text)]
    assert spans == ["twenty-five", "a hundred and fifty", "one and a half"]
    assert [num_value(s) for s in spans] == [25, 150, 1.5]


def test_an_amount_with_ish_is_about_that_amount() -> None:
    text = "5ish hours, ten-ish weeks, 100ish quid, and English or Swedish"
    spans = [m.group(0) for m in re.finditer(NUMBER_START + NUM, text)]
    assert spans == ["5ish", "ten-ish", "100ish"]
    assert [num_value(s) for s in spans] == [5, 10, 100]


@pytest.mark.parametrize(
    ("token", "position"),
    [("three", 3), ("ten", 10), ("second", 2), ("last", -1), ("#4", 4), ("a", None)],
)
def test_list_positions_in_words(token: str, position: int | None) -> None:
    assert _index_value(token) == position


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.000 Euro", 1000.0), ("12.500.000", 12_500_000.0), ("2.5 hours", 2.5), ("1.25", 1.25)],
)
def test_thousands_grouped_with_full_stops_are_thousands(text: str, value: float) -> None:
    """As most of Europe writes them; no amount of money or time has three decimals."""
    found = re.match(NUM, text)
    assert found is not None and num_value(found.group(0)) == value
