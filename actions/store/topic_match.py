"""Decide which courses are about the learner's topic, and say honestly how well.

:func:`match_topic` turns the topic into groups of phrases (:mod:`actions.store.topics`)
and asks the full-text index (:mod:`actions.store.fulltext`) for courses matching all of
them. When none does:

1. a word the index has never seen is read as a misspelling of the nearest indexed
   word (rapidfuzz's Damerau-Levenshtein distance, on the database's own stems), e.g. "kubernetis";
2. otherwise the largest set of the topic's ideas that some course covers is used (of
   equal sets, the one with fewer spelling fixes, then the one more courses are about,
   then the earliest), and the result says it is *partial* (the learner is told that
   nothing covers the whole topic); with no idea covered at all the status is *none*.
"""

from __future__ import annotations

import itertools
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.store import fulltext, index_words
from actions.store.models import Course
from actions.store.topics import Group, mentions, topic_groups, topic_vocabulary

#: Most letters a misspelling may differ by (Damerau-Levenshtein, a swap counts once).
MAX_EDITS = 2
#: Indexed words longer than this may be two edits away; shorter ones one.
LONG_WORD = 8
#: Stems shorter than this are corrected only to longer words or by swapped letters.
SHORT_STEM = 7
#: Words shorter than this are never corrected (too many near neighbours).
MIN_CORRECTABLE = 4
#: Shortest word read as a real word with two letters swapped ("tabels").
MIN_SWAPPED = 6
#: Shortest word read as a misspelt stop word ("beginers").
MIN_STOPWORD_TYPO = 6
#: Courses a word must be in to count as a real word even when it is near a stop word.
COMMON_WORD = 3
#: A word at or above this on wordfreq's Zipf scale is a real English word, never read as a
#: misspelling of another ("arabic" 4.0 is not "arable", "japanese" 4.8 not "japan",
#: "autocad" 2.6 not "automation"); typos sit below it ("buisness" 2.4, "excell" 2.0,
#: "kubernetis" 0).
REAL_WORD_ZIPF = 2.5
#: A word wordfreq knows at or above this (but under REAL_WORD_ZIPF) may be a common typo
#: ("buisness" 2.4, "phycology" for psychology) or a rare real word meant as written
#: ("apiculture" 1.7 is not "agriculture"): frequency cannot tell them apart, so a fix of
#: such a word is read but said (:attr:`TopicMatch.doubtful`). Most typos sit at 0.
KNOWN_WORD_ZIPF = 1.0

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
    searched: list[Group] = field(default_factory=list)  # ``groups`` with spellings fixed

    @property
    def found(self) -> bool:
        return self.status in (FULL, PARTIAL)

    @property
    def doubtful(self) -> list[str]:
        """The words read as misspellings that may be meant as written: English words,
        though rare ones ("apiculture" read as agriculture, "phycology" as psychology)."""
        return [word for word in self.corrected if _known_word(word)]

    @property
    def covered(self) -> str:
        """The ideas the courses match, in words ("dental photography" -> "photography")."""
        return " and ".join(group[0].removesuffix(fulltext.PREFIX) for group in self.used)


def match_topic(session: Session, topic: str) -> TopicMatch:
    """Match ``topic`` against the catalogue (see the module docstring)."""
    seen: dict[tuple[Group, ...], int] = {}

    def count(some: Sequence[Group]) -> int:
        """Courses matching every group of ``some``, each combination asked once."""
        key = tuple(some)
        if key not in seen:
            seen[key] = fulltext.count_matches(session, some)
        return seen[key]

    groups = [g for g in topic_groups(topic) if not _misspelt_stopword(g, count)]
    if not groups:
        return TopicMatch(topic=topic, status=BROAD, groups=[])

    if count(groups):
        return TopicMatch(
            topic, FULL, groups, used=list(groups), count=count(groups), searched=list(groups)
        )

    corrected: dict[str, str] = {}
    fixed: list[Group] = []
    for group in groups:
        replacement = None if count([group]) else _spelling(session, group)
        if replacement is not None:
            corrected[group[0]] = replacement
            fixed.append((replacement + fulltext.PREFIX,))
        else:
            fixed.append(group)
    if corrected and count(fixed):
        return TopicMatch(
            topic, FULL, groups, fixed, corrected=corrected, count=count(fixed), searched=fixed
        )

    known = [g for g in fixed if count([g])]
    fixes: set[Group] = {(stem + fulltext.PREFIX,) for stem in corrected.values()}
    used = _most_covered(known, fixed, fixes, count)
    generic = topic_vocabulary().generic
    if used and all(any(p in generic for p in g) for g in used):
        # Words too broad to search on their own cover nothing by themselves: "sign
        # language" had been "partly" matched by its "language" (Travelling Books, a BIM
        # course); "business chinese" goes by its Chinese.
        specific = [g for g in known if not any(p in generic for p in g)]
        used = _most_covered(specific, fixed, fixes, count)
    if not used:
        return TopicMatch(
            topic, NONE, groups, missing=list(groups), corrected=corrected, searched=fixed
        )
    missing = [g for g in fixed if g not in used]
    return TopicMatch(topic, PARTIAL, groups, used, missing, corrected, count(used), fixed)


def _most_covered(
    known: Sequence[Group],
    fixed: Sequence[Group],
    fixes: set[Group],
    count: Callable[[Sequence[Group]], int],
) -> list[Group]:
    """The largest set of ``known`` ideas some course covers (fewer than all of ``fixed``).

    The most ideas covered; among those, the learner's own words before spelling fixes
    ("weather", not "metorology" read as "methodolog"), then the part more courses are
    about (the established subject of a phrase: "design" in "graphic design", "cancer" in
    "cancer awareness"), then the earliest. Empty when no course covers any.
    """
    for size in range(min(len(known), len(fixed) - 1), 0, -1):
        found = [list(s) for s in itertools.combinations(known, size) if count(s)]
        if found:
            return max(
                found,
                key=lambda s: (sum(g not in fixes for g in s), count(s), -fixed.index(s[0])),
            )
    return []


def titled_on_whole_topic(session: Session, match: TopicMatch, ids: Sequence[str]) -> list[str]:
    """Of ``ids``, the courses whose title mentions every idea of the topic searched ("The
    Psychology of Addictions" for "addiction"; not "A Parent and Supporter's Guide to
    University Entrance" for "support refugees")."""
    groups = match.searched or match.groups
    if not ids or not groups:
        return []
    rows = session.execute(select(Course.id, Course.title).where(Course.id.in_(sorted(ids))))
    return sorted(cid for cid, title in rows if all(mentions(title, g) for g in groups))


def loose_spelling_matches(session: Session, match: TopicMatch, ids: Sequence[str]) -> set[str]:
    """Of ``ids``, the courses a spelling fix matches only through a longer word sharing
    its stem ("exel" -> "excel" also matches "Excellence"): they rank after the courses
    that use the word itself. Empty when no word was corrected."""
    if not match.corrected or not ids:
        return set()
    stems = [re.escape(stem) for stem in match.corrected.values()]
    word = re.compile(r"\b(?:" + "|".join(stems) + r")\w{0,3}\b", re.IGNORECASE)
    rows = session.execute(
        select(Course.id, Course.title, Course.description).where(Course.id.in_(ids))
    )
    return {
        str(cid)
        for cid, title, description in rows
        if not word.search(title or "") and not word.search(description or "")
    }


def _misspelt_stopword(group: Group, count: Callable[[Sequence[Group]], int]) -> bool:
    """Whether a one-word group is a stop word misspelt ("beginers", "pleese"): close to
    a long stop word and rare in the catalogue (so "leading", near "reading", stays)."""
    word = group[0]
    if len(group) != 1 or len(word) < MIN_STOPWORD_TYPO or not word.isalpha():
        return False
    allowed = 1 if len(word) <= LONG_WORD else 2
    near = process.extractOne(
        word,
        [w for w in topic_vocabulary().stopwords if len(w) >= MIN_STOPWORD_TYPO],
        scorer=DamerauLevenshtein.distance,
        score_cutoff=allowed,
    )
    return near is not None and count([group]) < COMMON_WORD


def spelling_fix(session: Session, group: Group) -> Group | None:
    """The indexed word a one-word group is probably a misspelling of, as a group to search
    ("autisim" -> the stem of "autism"), or ``None``."""
    stem = _spelling(session, group)
    return None if stem is None else (stem + fulltext.PREFIX,)


def _spelling(session: Session, group: Group) -> str | None:
    """The indexed stem a one-word group is probably a misspelling of, or ``None``."""
    if len(group) != 1 or " " in group[0] or len(group[0]) < MIN_CORRECTABLE:
        return None
    word = group[0]
    if not word.isalpha() or _real_word(word):
        return None
    swapped = _swapped_word(session, word)
    if swapped is not None:
        return swapped
    stem = index_words.stem(session, word)
    counts = _cached_vocabulary(session).by_initial.get(word[:1], {})
    found = process.extract(
        (stem, word),
        list(counts),
        scorer=_closeness,
        processor=None,
        score_cutoff=100 - MAX_EDITS,
        limit=10,
    )
    accepted = [(int(100 - score), str(term)) for term, score, _ in found if _plausible(stem, term)]
    if not accepted:
        return None
    fewest = min(edits for edits, _ in accepted)
    # Among equally close words, the one more courses use is the likelier meaning.
    return max((t for e, t in accepted if e == fewest), key=lambda t: (counts[t], t))


def _swapped_word(session: Session, word: str) -> str | None:
    """The indexed stem of the real word two neighbouring letters of ``word`` swapped make
    ("tabels" -> "tables"), the one more courses use; ``None`` if no swap makes one. The
    stems alone cannot see the swap: "tabel" is one letter longer than "tabl", and a short
    stem is never read as a shorter one (:func:`_plausible`)."""
    if len(word) < MIN_SWAPPED:
        return None  # "corse" (course) swapped is "cores": short words have near neighbours
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    real = sorted(w for w in swaps - {word} if _real_word(w))
    if not real:
        return None
    counts = _cached_vocabulary(session).counts
    indexed = [s for s in index_words.stems(session, real) if s and counts.get(s)]
    return max(indexed, key=lambda s: (counts[s], s)) if indexed else None


def _real_word(word: str) -> bool:
    """Whether ``word`` is common enough in English to be meant as written."""
    return _zipf(word) >= REAL_WORD_ZIPF


def _known_word(word: str) -> bool:
    """Whether wordfreq knows ``word`` as English at all (KNOWN_WORD_ZIPF)."""
    return _zipf(word) >= KNOWN_WORD_ZIPF


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # on first use: it loads pkg_resources (slow)

    return float(zipf_frequency(word, "en"))


def _closeness(typed: tuple[str, str], term: str, **_: object) -> float:
    """100 less the letters to change (a swap of two counts once) between an indexed stem
    and a typed word: its stem, or the word cut to the stem's length ("nutrtion" vs
    "nutrit"). rapidfuzz's process functions want higher-is-closer scores."""
    stem, word = typed
    edits = DamerauLevenshtein.distance(stem, term)
    if len(term) >= len(word) - 2:
        edits = min(edits, DamerauLevenshtein.distance(word[: len(term)], term))
    return float(100 - edits)


def _plausible(stem: str, term: str) -> bool:
    """Whether a typo could plausibly stand for ``term``. Short words allow one edit,
    longer ones two; a short word is never read as a shorter one ("weld" is not "wed"),
    nor as another word of its length with one letter changed ("equin" is not "equip")."""
    edits = DamerauLevenshtein.distance(stem, term)
    allowed = 1 if len(term) <= LONG_WORD else 2
    if min(edits, DamerauLevenshtein.distance(stem[: len(term)], term)) > allowed:
        return False
    if len(stem) < SHORT_STEM and len(term) < len(stem):
        return False
    if len(stem) < SHORT_STEM and len(term) == len(stem):
        return sorted(stem) == sorted(term)  # a swap of letters, not a different letter
    return True


#: How long the index's word list is reused (a new catalogue's words count after this).
VOCABULARY_TTL_S = 300.0
_vocab_lock = threading.Lock()
_vocab_cache: dict[str, _IndexVocabulary] = {}


@dataclass(frozen=True)
class _IndexVocabulary:
    """The index's words with how many courses have each, as read at ``read_at``."""

    read_at: float
    counts: dict[str, int]
    #: the words of letters only, by first letter (the candidates of a spelling fix)
    by_initial: dict[str, dict[str, int]]

    @classmethod
    def of(cls, terms: Sequence[tuple[str, int]], now: float) -> _IndexVocabulary:
        by_initial: dict[str, dict[str, int]] = {}
        for term, n in terms:
            if term.isalpha():
                by_initial.setdefault(term[:1], {})[term] = n
        return cls(read_at=now, counts=dict(terms), by_initial=by_initial)


def _cached_vocabulary(session: Session) -> _IndexVocabulary:
    """The index's words and their course counts, read at most every VOCABULARY_TTL_S
    seconds per database."""
    key = str(session.get_bind().engine.url)
    now = time.monotonic()
    with _vocab_lock:
        cached = _vocab_cache.get(key)
    if cached is None or now - cached.read_at > VOCABULARY_TTL_S:
        cached = _IndexVocabulary.of(index_words.vocabulary(session), now)
        with _vocab_lock:
            _vocab_cache[key] = cached
    return cached


def word_counts(session: Session, words: Sequence[str]) -> list[int]:
    """How many courses have each word (as the engine stems it), from the cached index
    vocabulary: one stemming call instead of a full-text query a word."""
    counts = _cached_vocabulary(session).counts
    return [counts.get(stem, 0) if stem else 0 for stem in index_words.stems(session, words)]


__all__ = [
    "BROAD",
    "FULL",
    "NONE",
    "PARTIAL",
    "TopicMatch",
    "loose_spelling_matches",
    "match_topic",
    "spelling_fix",
    "titled_on_whole_topic",
    "word_counts",
]
