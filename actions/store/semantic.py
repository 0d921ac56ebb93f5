"""How close in meaning each course is to the learner's request.

The request and every course are sentence vectors (:mod:`actions.store.sentence_encoder`,
:mod:`actions.store.vectors`); closeness is their cosine (the vectors have length 1, so a
dot product). The full-text engine still decides which courses are *about* the topic
(the honest "I have no course on X" rests on it); this closeness ranks among the
candidates, so that "how goods flow from supplier to customer" puts supply-chain courses
before one that shares a word.

A request of several sentences is read whole and sentence by sentence: a course's closeness
is the mean of its closeness to the whole request and to the sentence closest to it. In a
long message one sentence usually says what is wanted ("I want a structured way to spot what
could go wrong ...") among others about the learner's life, which dilute the whole-text
vector (measured: precision@3 of closeness alone +0.01 to +0.05 on four evaluation sets).

The course vectors are read from the database once per process into one matrix and
read again when the number of vectors changes or after VECTORS_TTL_S seconds (a new
import).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from actions.negation import without_negated
from actions.store.models import CourseVector
from actions.store.sentence_encoder import EncoderMissing, get_encoder
from actions.store.topics import topic_vocabulary
from actions.store.vectors import as_matrix

logger = logging.getLogger(__name__)

#: How long the loaded vectors are trusted before their count is checked again, seconds.
VECTORS_TTL_S = 30.0
#: Longest request read, in characters (the encoder reads about 100 words anyway).
MAX_REQUEST_CHARS = 1000
#: A piece of a request with fewer words is no sentence of its own ("Cheap.", "Thanks!").
MIN_SENTENCE_WORDS = 3
#: Most sentences read one by one (the first ones: the request usually comes early).
MAX_SENTENCES = 6
#: Where a request's sentences end: a full stop, question or exclamation mark or semicolon
#: before a space, a line break, or a dash between spaces. A split, not parsing: a
#: sentencizer (spaCy's blank pipeline) would add its import and memory to the action server.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[-\u2013\u2014]\s+")


@dataclass(frozen=True)
class _Loaded:
    row_of: dict[str, int]
    ids: list[str]  # row_of's keys in row order (listing them took 1 ms at 100,000)
    matrix: np.ndarray
    count: int
    checked: float


_lock = threading.Lock()
_loaded: dict[str, _Loaded] = {}


def _vector_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(CourseVector)).scalar_one())


def _course_vectors(session: Session) -> _Loaded:
    key = str(session.get_bind().engine.url)
    now = time.monotonic()
    with _lock:
        cached = _loaded.get(key)
    if cached is not None and now - cached.checked <= VECTORS_TTL_S:
        return cached
    count = _vector_count(session)
    if cached is None or cached.count != count:
        rows = session.execute(select(CourseVector.course_id, CourseVector.vector)).all()
        ids = [str(cid) for cid, _ in rows]
        cached = _Loaded(
            {cid: i for i, cid in enumerate(ids)},
            ids,
            as_matrix([bytes(vector) for _, vector in rows]),
            count,
            now,
        )
    else:
        cached = _Loaded(cached.row_of, cached.ids, cached.matrix, count, now)
    with _lock:
        _loaded[key] = cached
    return cached


def request_text(
    topic: str | None, context: str | None, corrected: Mapping[str, str] | None = None
) -> str | None:
    """What the request means, as one text: the learner's words without what they do
    not want ("English, not Chinese") and without the words of their wishes and of the
    course format ("budget", "hours", "an online course"), led by the topic phrase when
    the words do not hold it, with the misspellings the topic search fixed fixed
    ("javascrpt" -> "javascript": the encoder reads a misspelt word as pieces that mean
    something else)."""
    said = without_negated(context[:MAX_REQUEST_CHARS]) if context else ""
    vocabulary = topic_vocabulary()
    # (the topic's own words are never noise: "HR" is human resources, not hours)
    noise = (vocabulary.format_words | vocabulary.request_noise) - set(
        _bare(word) for word in (topic or "").split()
    )
    said = " ".join(word for word in said.split() if _bare(word) not in noise)
    if not any(_bare(word) not in vocabulary.stopwords for word in said.split()):
        said = ""  # nothing about a subject matter ("anything cheaper?")
    if topic and topic.lower() not in said.lower():
        said = f"{topic}. {said}" if said else topic
    for typed, fixed in (corrected or {}).items():
        said = re.sub(rf"\b{re.escape(typed)}\b", fixed, said, flags=re.IGNORECASE)
    return said or None


def _bare(word: str) -> str:
    return word.lower().strip(".,;:!?()[]'\"")


def sentences(text: str) -> list[str]:
    """The request's sentences of MIN_SENTENCE_WORDS words or more, at most MAX_SENTENCES;
    none when it has only one (the whole text is that sentence)."""
    found = [
        piece.strip()
        for piece in _SENTENCE_END.split(text)
        if len(piece.split()) >= MIN_SENTENCE_WORDS
    ]
    return found[:MAX_SENTENCES] if len(found) > 1 else []


def _scores(vectors: np.ndarray, text: str) -> np.ndarray | None:
    """Each row of ``vectors``'s closeness to ``text``: the cosine with the whole text,
    averaged with the best cosine with one of its sentences when it has several. ``None``
    when the encoder is not installed (logged): the search then ranks by words alone."""
    try:
        encoder = get_encoder()
        whole = vectors @ encoder.encode_query(text)
        pieces = sentences(text)
        if not pieces:
            return whole
        queries = np.stack([encoder.encode_query(piece) for piece in pieces])
    except EncoderMissing as exc:
        logger.warning("ranking by words only: %s", exc)
        return None
    by_sentence = (vectors @ queries.T).max(axis=1)
    return np.asarray((whole + by_sentence) / 2)


def closeness(session: Session, text: str, ids: Sequence[str]) -> dict[str, float]:
    """Each of ``ids``'s closeness in meaning to ``text`` (see :func:`_scores`, -1 to 1);
    courses with no vector are left out; empty without the encoder."""
    if not ids:
        return {}
    loaded = _course_vectors(session)
    rows = [(cid, loaded.row_of[cid]) for cid in ids if cid in loaded.row_of]
    if not rows:
        return {}
    scores = _scores(loaded.matrix[[row for _, row in rows]], text)
    if scores is None:
        return {}
    return {cid: float(score) for (cid, _), score in zip(rows, scores, strict=True)}


def closest(session: Session, text: str, limit: int, floor: float) -> list[tuple[str, float]]:
    """The ``limit`` courses of the whole catalogue closest in meaning to ``text``, each
    at least ``floor`` close, closest first."""
    loaded = _course_vectors(session)
    if not loaded.row_of:
        return []
    scores = _scores(loaded.matrix, text)
    if scores is None:
        return []
    count = min(limit, len(scores))
    top = np.argpartition(-scores, count - 1)[:count]
    found = [(loaded.ids[i], float(scores[i])) for i in top if scores[i] >= floor]
    return sorted(found, key=lambda item: (-item[1], item[0]))


def forget() -> None:
    """Drop the loaded vectors (tests that re-import into one database)."""
    with _lock:
        _loaded.clear()


__all__ = ["closeness", "closest", "forget", "request_text", "sentences"]
