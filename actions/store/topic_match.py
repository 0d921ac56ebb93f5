"""Decide which courses are about the learner's topic, and say honestly how well.

:func:`match_topic` turns the topic into groups of phrases (:mod:`actions.store.topics`)
and asks the full-text index (:mod:`actions.store.fulltext`) for courses matching all of
them. When none does:

1. a word the index has never seen is read as a misspelling of the nearest indexed
   word (rapidfuzz, on the database's own stems), e.g. "kubernetis";
2. otherwise the largest set of the topic's ideas that some course covers is used, and
   the result says it is *partial* (the learner is told that nothing covers the whole
   topic); with no idea covered at all the status is *none*.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from actions.store import fulltext
from actions.store.models import Course
from actions.store.topics import Group, topic_groups

#: How close a misspelling must be to an indexed word (rapidfuzz ratio, 0-100).
SPELLING_CUTOFF = 80.0
#: Candidates this close to the best are ranked by how many courses use them.
SPELLING_TIE = 6.0
#: Words shorter than this are never corrected (too many near neighbours).
MIN_CORRECTABLE = 5

FULL = "full"  # courses match the whole topic
PARTIAL = "partial"  # only some of the topic's ideas are covered
NONE = "none"  # no course matches any of it
BROAD = "broad"  # the topic is too broad to search by words ("IT"): use the subject


@dataclass
class TopicMatch:
    """How the topic was matched: the groups searched and what gave way."""

    topic: str
    status: str
    groups: list[Group]  # every idea of the topic
    used: list[Group] = field(default_factory=list)  # the ideas the courses match
    missing: list[Group] = field(default_factory=list)  # ideas no shown course covers
    corrected: dict[str, str] = field(default_factory=dict)  # typed word -> indexed stem
    count: int = 0  # courses matching ``used`` (at most fulltext.MAX_MATCHES)

    @property
    def found(self) -> bool:
        return self.status in (FULL, PARTIAL)


def match_topic(session: Session, topic: str) -> TopicMatch:
    """Match ``topic`` against the catalogue (see the module docstring)."""
    groups = topic_groups(topic)
    if not groups:
        return TopicMatch(topic=topic, status=BROAD, groups=[])
    count = fulltext.count_matches(session, groups)
    if count:
        return TopicMatch(topic, FULL, groups, used=list(groups), count=count)

    corrected: dict[str, str] = {}
    fixed: list[Group] = []
    for group in groups:
        if fulltext.count_matches(session, [group]):
            fixed.append(group)
            continue
        replacement = _spelling(session, group)
        if replacement is not None:
            corrected[group[0]] = replacement
            fixed.append((replacement + fulltext.PREFIX,))
        else:
            fixed.append(group)
    if corrected:
        count = fulltext.count_matches(session, fixed)
        if count:
            return TopicMatch(topic, FULL, groups, fixed, corrected=corrected, count=count)

    known = [g for g in fixed if fulltext.count_matches(session, [g])]
    best: tuple[int, list[Group]] | None = None
    for size in range(min(len(known), len(fixed) - 1), 0, -1):
        for subset in itertools.combinations(known, size):
            n = fulltext.count_matches(session, subset)
            if n and (best is None or n < best[0]):
                best = (n, list(subset))
        if best is not None:
            break
    if best is None:
        return TopicMatch(topic, NONE, groups, missing=list(groups), corrected=corrected)
    used = best[1]
    missing = [g for g in fixed if g not in used]
    return TopicMatch(topic, PARTIAL, groups, used, missing, corrected, best[0])


def _spelling(session: Session, group: Group) -> str | None:
    """The indexed stem a one-word group is probably a misspelling of, or ``None``."""
    if len(group) != 1 or " " in group[0] or len(group[0]) < MIN_CORRECTABLE:
        return None
    word = group[0]
    if not word.isalpha():
        return None
    stem = fulltext.stem(session, word)
    vocab = _vocabulary(session)
    candidates = {t: n for t, n in vocab if t[:1] == word[:1] and t.isalpha()}
    found = process.extract(
        stem, list(candidates), scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF, limit=5
    )
    if not found:
        return None
    # Among near-equally close words, the one more courses use is the likelier meaning.
    top = found[0][1]
    close = [str(term) for term, score, _ in found if score >= top - SPELLING_TIE]
    return max(close, key=lambda term: (candidates[term], term))


_vocab_lock = threading.Lock()
_vocab_cache: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {}


def _vocabulary(session: Session) -> Sequence[tuple[str, int]]:
    """The index's words, read once per database and catalogue version."""
    bind = session.get_bind()
    stamp = session.execute(select(func.count(Course.id), func.max(Course.imported_at))).one()
    key = (str(bind.engine.url), repr(tuple(stamp)))
    with _vocab_lock:
        cached = _vocab_cache.get(key)
    if cached is None:
        cached = tuple(fulltext.vocabulary(session))
        with _vocab_lock:
            _vocab_cache.clear()
            _vocab_cache[key] = cached
    return cached


__all__ = ["BROAD", "FULL", "NONE", "PARTIAL", "TopicMatch", "match_topic"]
