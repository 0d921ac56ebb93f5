"""The words of the full-text index, as the database's own stemmer makes them: every
indexed word with how many courses have it, and any word stemmed the same way (for
spelling fixes and word counts, :mod:`actions.store.topic_match`)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

#: Most stemmed words remembered (a stemmer's output never changes: the same word always
#: stems the same way, whatever the catalogue); the memory is emptied when it is full.
MAX_REMEMBERED_STEMS = 50_000
_stems_lock = threading.Lock()
_remembered: dict[tuple[str, str], str | None] = {}


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
    """Each word as the database's stemmer indexes it (``None`` for a stop word the engine
    drops): the words not stemmed before in one call, the rest remembered (each call
    was about 2 ms of a search, most of it opening a scratch database)."""
    if not words:
        return []
    dialect = session.get_bind().dialect.name
    with _stems_lock:
        known = {w: _remembered[(dialect, w)] for w in words if (dialect, w) in _remembered}
    new = [w for w in dict.fromkeys(words) if w not in known]
    if new:
        found = dict(zip(new, _stem_now(session, dialect, new), strict=True))
        with _stems_lock:
            if len(_remembered) + len(found) > MAX_REMEMBERED_STEMS:
                _remembered.clear()
            _remembered.update(((dialect, w), s) for w, s in found.items())
        known.update(found)
    return [known[w] for w in words]


def _stem_now(session: Session, dialect: str, words: Sequence[str]) -> list[str | None]:
    """:func:`stems` asked of the database."""
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
