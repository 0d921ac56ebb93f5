"""The index's words, stemmed and counted as the database indexes them (both backends)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from actions.store import index_words
from actions.store.topic_match import word_counts


def test_words_are_stemmed_and_counted_as_the_engine_indexes_them(session: Session) -> None:
    stemmed = index_words.stems(session, ["running", "Spanish", "courses"])
    assert len(stemmed) == 3 and stemmed[0] == "run" and stemmed[2] == "cours"
    spanish, missing = word_counts(session, ["Spanish", "qxzjvqq"])
    assert spanish >= 3 and missing == 0
    assert index_words.stems(session, []) == []
