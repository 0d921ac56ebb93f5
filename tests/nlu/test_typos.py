"""Which listed word a mistyped word stands for (nlu/typos.py)."""

from __future__ import annotations

import pytest

from nlu.typos import typo_of

WORDS = frozenset({"career", "understand", "interested", "reading"})


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("carreer", "career"),  # a letter added
        ("understnad", "understand"),  # two swapped
        ("intrested", "interested"),  # a letter dropped
        ("career", None),  # the word itself
        ("leading", None),  # an English word, not a typo of "reading"
        ("kareer", None),  # another first letter
        ("undrstnad", None),  # two edits
        ("", None),
    ],
)
def test_typo_of(typed: str, meant: str | None) -> None:
    assert typo_of(typed, WORDS) == meant
