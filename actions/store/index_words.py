"""The words of the full-text index, as the database's own stemmer makes them: every
indexed word with how many courses have it, and any word stemmed the same way (for
spelling fixes and word counts, :mod:`actions.store.topic_match`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session


def vocabulary(session: Session) -> list[tuple[str, int]]:
    """Every indexed word, stemmed as the database stems it, with how many courses have it.

    For spelling correction.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.courses_fts_terms "
                "USING fts5vocab(main, 'courses_fts', 'row')"
            )
        )
        rows = session.execute(text("SELECT term, doc FROM temp.courses_fts_terms"))
    elif dialect == "postgresql":
        rows = session.execute(
            text("SELECT word, ndoc FROM ts_stat('SELECT search_tsv FROM courses')")
        )
    else:
        return []
    return [(str(row[0]), int(row[1])) for row in rows]


def stem(session: Session, word: str) -> str:
    """``word`` as the database's stemmer indexes it (porter in SQLite, snowball in PG)."""
    return stems(session, [word])[0] or word


def stems(session: Session, words: Sequence[str]) -> list[str | None]:
    """Each word as the database's stemmer indexes it, in one call (``None`` for a stop
    word the engine drops)."""
    if not words:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        rows = session.execute(
            text(
                "SELECT w.i, (SELECT lexeme FROM unnest(to_tsvector('english', w.word)) "
                "LIMIT 1) FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS w(word, i)"
            ),
            {"words": list(words)},
        )
        found = {int(i): (str(lexeme) if lexeme else None) for i, lexeme in rows}
        return [found.get(n + 1) for n in range(len(words))]
    if dialect == "sqlite":
        with sqlite3.connect(":memory:") as scratch:
            scratch.execute(
                "CREATE VIRTUAL TABLE s USING fts5(w, "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )
            scratch.execute("CREATE VIRTUAL TABLE v USING fts5vocab(s, 'instance')")
            scratch.executemany(
                "INSERT INTO s(rowid, w) VALUES (?, ?)", [(n + 1, w) for n, w in enumerate(words)]
            )
            first: dict[int, str] = {}
            for term, doc in scratch.execute("SELECT term, doc FROM v ORDER BY doc, offset"):
                first.setdefault(int(doc), str(term))
        return [first.get(n + 1) for n in range(len(words))]
    return list(words)


__all__ = ["stem", "stems", "vocabulary"]
