"""Each course's sentence vector, kept in step with the catalogue by the importer.

A course is encoded from its title and description (:func:`course_text`). Encoding is the
slow part (about 25 ms a course on this machine's CPU), so a vector is made once per
text: the importer re-encodes only courses whose text changed, a text another course
already has takes that course's vector (a catalogue with repeated descriptions), and
vectors are also remembered outside any one database, in a small SQLite file
(``var/sentence-vectors.sqlite``, or ``SENTENCE_VECTOR_CACHE``), so that a new database
of the same catalogue (tests, benchmarks, a PostgreSQL copy) costs no encoding.
Pruned courses lose their vector with them (``ON DELETE CASCADE``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from actions.store.db import REPO_ROOT
from actions.store.models import CourseVector
from actions.store.sentence_encoder import MAX_TOKENS, MODEL_NAME, get_encoder

CACHE_ENV_VAR = "SENTENCE_VECTOR_CACHE"
DEFAULT_CACHE = REPO_ROOT / "var" / "sentence-vectors.sqlite"
#: Ids or hashes per IN list.
_CHUNK = 500


def course_text(row: Mapping[str, Any]) -> str:
    """What a course's vector is made from: its title, then its description."""
    title = str(row.get("title") or "").strip()
    description = str(row.get("description") or "").strip()
    return f"{title}. {description}" if description else title


def text_hash(text: str) -> str:
    """The key of a text's vector: the model, how much of the text it reads, the text."""
    return hashlib.sha256(f"{MODEL_NAME}|{MAX_TOKENS}|{text}".encode()).hexdigest()


def cache_path() -> Path:
    configured = os.environ.get(CACHE_ENV_VAR, "").strip()
    return Path(configured) if configured else DEFAULT_CACHE


@contextmanager
def _cache() -> Iterator[sqlite3.Connection]:
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=60)) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS vectors (text_hash TEXT PRIMARY KEY, vector BLOB NOT NULL)"
        )
        with connection:  # one transaction: commits, or rolls back on error
            yield connection


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _known_vectors(session: Session, hashes: Sequence[str]) -> dict[str, bytes]:
    """Vectors already made for these text hashes: in this database, else in the cache."""
    found: dict[str, bytes] = {}
    for chunk in _chunks(hashes):
        for key, vector in session.execute(
            select(CourseVector.text_hash, CourseVector.vector).where(
                CourseVector.text_hash.in_(chunk)
            )
        ):
            found[key] = bytes(vector)
    missing = [h for h in hashes if h not in found]
    if missing:
        with _cache() as cache:
            for chunk in _chunks(missing):
                marks = ",".join("?" * len(chunk))
                rows = cache.execute(
                    f"SELECT text_hash, vector FROM vectors WHERE text_hash IN ({marks})",
                    list(chunk),
                )
                found.update((key, bytes(vector)) for key, vector in rows)
    return found


def sync_vectors(session: Session, rows: Sequence[Mapping[str, Any]]) -> int:
    """Give every course of ``rows`` the vector of its current text; returns how many
    texts had to be encoded (inside the caller's transaction)."""
    wanted = {str(row["id"]): course_text(row) for row in rows}
    keys = {cid: text_hash(text) for cid, text in wanted.items()}
    current: dict[str, str] = {}
    ids = list(keys)
    for chunk in _chunks(ids):
        current.update(
            session.execute(
                select(CourseVector.course_id, CourseVector.text_hash).where(
                    CourseVector.course_id.in_(chunk)
                )
            ).all()
        )
    stale = [cid for cid in ids if current.get(cid) != keys[cid]]
    if not stale:
        return 0
    needed = sorted({keys[cid] for cid in stale})
    known = _known_vectors(session, needed)
    texts = {keys[cid]: wanted[cid] for cid in stale if keys[cid] not in known}
    if texts:
        order = list(texts)
        matrix = get_encoder().encode([texts[key] for key in order])
        made = {key: matrix[i].astype("<f4").tobytes() for i, key in enumerate(order)}
        with _cache() as cache:
            cache.executemany(
                "INSERT OR REPLACE INTO vectors (text_hash, vector) VALUES (?, ?)",
                list(made.items()),
            )
        known.update(made)
    for chunk in _chunks(stale):
        session.execute(delete(CourseVector).where(CourseVector.course_id.in_(chunk)))
    for chunk in _chunks(stale):
        session.execute(
            insert(CourseVector.__table__),
            [
                {"course_id": cid, "text_hash": keys[cid], "vector": known[keys[cid]]}
                for cid in chunk
            ],
        )
    return len(texts)


def as_matrix(blobs: Sequence[bytes]) -> np.ndarray:
    """Stored vectors as one float32 matrix, a row each."""
    if not blobs:
        return np.zeros((0, 0), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(blobs), -1)


__all__ = ["as_matrix", "course_text", "sync_vectors", "text_hash"]
