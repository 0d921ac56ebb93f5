"""Phrase lists from data files: the words pointing at the list are one shared list."""

from __future__ import annotations

from pathlib import Path

from actions.phrases import VOCAB_DIR, list_pointers, phrase_patterns


def test_every_reader_of_the_list_gets_the_shared_pointers_and_its_own_words() -> None:
    shared = list_pointers()
    assert {"these", "the two", "all three"} <= set(shared)
    for name, own in (
        ("cost_questions.yml", "module"),
        ("price_questions.yml", "fee"),
        ("outcome_questions.yml", "the certificate"),
        ("length_questions.yml", "any"),
    ):
        pattern = phrase_patterns(VOCAB_DIR / name, "about_the_list")["about_the_list"]
        assert pattern.search("would the two overlap"), name
        assert pattern.search(own), name


def test_a_list_without_the_key_is_only_its_own_words(tmp_path: Path) -> None:
    path = tmp_path / "words.yml"
    path.write_text("asks: [how much]\n", encoding="utf-8")
    pattern = phrase_patterns(path, "asks")["asks"]
    assert pattern.search("how much is it") and not pattern.search("these")
