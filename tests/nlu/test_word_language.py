"""Which language a word leans to, and whether it is everyday English."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from nlu.word_language import everyday, foreign_at, leans_foreign, manner_adverb


@dataclass(frozen=True)
class _Tok:
    norm: str


@pytest.mark.parametrize(
    ("word", "foreign"),
    [("necesito", True), ("quiero", True), ("python", False), ("im", False), ("배우고", True)],
)
def test_a_word_leans_to_another_language_by_its_frequency(word: str, foreign: bool) -> None:
    assert leans_foreign(word) is foreign


def test_a_word_of_another_language_is_known_in_a_run_or_when_clearly_one() -> None:
    run = [_Tok(w) for w in ["hola", "necesito", "un", "curso"]]
    assert foreign_at(run, 1)
    assert not foreign_at([_Tok("learn"), _Tok("python")], 1)
    assert foreign_at([_Tok("7aga")], 0)  # a chat alphabet


@pytest.mark.parametrize(
    ("word", "adverb"), [("officially", True), ("basically", True), ("elderly", False)]
)
def test_an_adverb_of_manner_is_made_from_an_everyday_word(word: str, adverb: bool) -> None:
    assert manner_adverb(word) is adverb


def test_everyday_words_are_common_english() -> None:
    assert everyday("flat") and not everyday("kubernetes")
