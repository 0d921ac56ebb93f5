"""The index's words, stemmed and counted as the database indexes them (both backends)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlalchemy.orm import Session

from actions.store import index_words
from actions.store.topic_match import word_counts


def test_words_are_stemmed_and_counted_as_the_engine_indexes_them(session: Session) -> None:
    stemmed = index_words.stems(session, ["running", "Spanish", "courses"])
    assert len(stemmed) == 3 and stemmed[0] == "run" and stemmed[2] == "cours"
    spanish, missing = word_counts(session, ["Spanish", "qxzjvqq"])
    assert spanish >= 3 and missing == 0
    assert index_words.stems(session, []) == []


def test_a_word_stemmed_once_is_remembered_and_a_new_one_asked_alone(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = index_words.stems(session, ["nursing", "the", "welding"])
    asked: list[list[str]] = []
    ask = index_words._stem_now

    def counting(session: Session, dialect: str, words: Sequence[str]) -> list[str | None]:
        asked.append(list(words))
        return ask(session, dialect, words)

    monkeypatch.setattr(index_words, "_stem_now", counting)
    assert index_words.stems(session, ["welding", "the", "nursing"]) == first[::-1]
    assert asked == []
    again = index_words.stems(session, ["plumbing", "nursing", "plumbing"])
    assert asked == [["plumbing"]] and again[1] == first[0] and again[0] == again[2]
