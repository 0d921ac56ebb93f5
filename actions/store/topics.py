"""The learner's topic as a full-text query: words, synonyms, stop words.

A topic such as "Excel pivot tables" becomes *groups* of alternative phrases, one
group per idea: ``[("excel", "spreadsheet", "spreadsheets"), ("pivot",), ("tables",)]``.
A course matches the topic when it matches every group (any phrase of a group).
Stemming is left to the database's own text search (SQLite FTS5's porter tokenizer,
PostgreSQL's ``english`` configuration); this module only decides which words count
and which mean the same. The vocabulary is data: ``data/catalogue/topics.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import snowballstemmer
import yaml

from actions.phrases import load_yaml
from actions.store.db import REPO_ROOT, StoreError

VOCABULARY_PATH = REPO_ROOT / "data" / "catalogue" / "topics.yml"
#: Everyday words for what the catalogue names otherwise (one-way synonyms).
LAY_TERMS_PATH = REPO_ROOT / "data" / "catalogue" / "lay_terms.yml"
#: Longest topic used for searching, in groups (the rest of a long message is noise).
MAX_GROUPS = 5
#: Longest synonym phrase, in words.
_MAX_PHRASE = 6
_WORD = re.compile(r"[a-z0-9]+")

Group = tuple[str, ...]
#: A phrase ending in this is an indexed stem to match as a prefix (a spelling fix).
PREFIX = "*"


@dataclass(frozen=True)
class TopicVocabulary:
    """Stop words, too-broad words, synonym groups and follow-on title patterns."""

    stopwords: frozenset[str]
    generic: frozenset[str]
    request_noise: frozenset[str]
    format_words: frozenset[str]
    synonyms: dict[tuple[str, ...], Group]  # phrase words -> the phrase's whole group
    follow_on: tuple[re.Pattern[str], ...]
    starter_titles: tuple[str, ...] = ()

    @cached_property
    def longest_phrase(self) -> int:
        return max((len(words) for words in self.synonyms), default=1)


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` ("Alzheimer's" -> ["alzheimer"]; "e-commerce" -> 2)."""
    lowered = re.sub(r"['’]s\b", "", text.lower())
    return _WORD.findall(lowered.replace("'", "").replace("’", ""))


def _read(path: Path, what: str) -> dict[str, object]:
    try:
        return load_yaml(path)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise StoreError(f"cannot read the {what} {path}: {exc}") from exc


def _phrase_groups(raw: dict[str, object], key: str, path: Path) -> list[Group]:
    """The rows of ``key``: two or more phrases each, normalised like the learner's words."""
    rows = raw.get(key) or []
    if not isinstance(rows, list):
        raise StoreError(f"{path}: {key} must be a list")
    groups = []
    for index, row in enumerate(rows):
        phrases = tuple(" ".join(words(str(p))) for p in (row if isinstance(row, list) else []))
        if len(phrases) < 2 or not all(phrases):
            raise StoreError(f"{path}: {key} row {index + 1} needs two or more phrases")
        too_long = [p for p in phrases if len(p.split()) > _MAX_PHRASE]
        if too_long:
            raise StoreError(f"{path}: '{too_long[0]}' is longer than {_MAX_PHRASE} words")
        groups.append(phrases)
    return groups


@lru_cache(maxsize=4)
def topic_vocabulary(
    path: Path = VOCABULARY_PATH, lay_terms: Path | None = LAY_TERMS_PATH
) -> TopicVocabulary:
    """Load and check the vocabulary files (cached per path).

    A synonyms group works every way; a lay-terms row one way: its first phrase (the
    learner's) also searches the others (the catalogue's), not the reverse."""
    raw = _read(path, "topic vocabulary")
    synonyms: dict[tuple[str, ...], Group] = {}
    for phrases in _phrase_groups(raw, "synonyms", path):
        for phrase in phrases:
            key = tuple(phrase.split())
            synonyms[key] = tuple(dict.fromkeys(synonyms.get(key, ()) + phrases))
    if lay_terms is not None:
        for said, *meant in _phrase_groups(_read(lay_terms, "lay terms"), "lay_terms", lay_terms):
            key = tuple(said.split())
            synonyms[key] = tuple(dict.fromkeys(synonyms.get(key, (said,)) + tuple(meant)))
    patterns = []
    follow_on = raw.get("follow_on_titles") or []
    if not isinstance(follow_on, list):
        raise StoreError(f"{path}: follow_on_titles must be a list")
    for pattern in follow_on:
        try:
            patterns.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as exc:
            raise StoreError(f"{path}: bad follow_on_titles pattern {pattern!r}: {exc}") from exc
    return TopicVocabulary(
        stopwords=frozenset(word_list(raw, "stopwords", path)),
        generic=frozenset(word_list(raw, "generic", path)),
        request_noise=frozenset(word_list(raw, "request_noise", path)),
        format_words=frozenset(word_list(raw, "format_words", path)),
        synonyms=synonyms,
        follow_on=tuple(patterns),
        starter_titles=tuple(word_list(raw, "starter_titles", path)),
    )


def word_list(raw: dict[str, object], key: str, path: Path) -> list[str]:
    """A list of words from a vocabulary file, lower case.

    Raises :class:`StoreError` for an entry YAML did not read as text (unquoted ``on``,
    ``no``, ``yes`` and ``off`` are booleans in YAML 1.1).
    """
    items = raw.get(key) or []
    if not isinstance(items, list):
        raise StoreError(f"{path}: {key} must be a list")
    bad = [item for item in items if not isinstance(item, str)]
    if bad:
        raise StoreError(f"{path}: {key} has entries that are not text: {bad!r} (quote them)")
    return [item.lower() for item in items]


def topic_groups(
    topic: str, vocabulary: TopicVocabulary | None = None, limit: int | None = MAX_GROUPS
) -> list[Group]:
    """The groups of alternative phrases for ``topic`` (empty when nothing is left), at
    most ``limit`` (``None``: all).

    Synonym phrases are found first (longest first, so "teaching english as a foreign
    language" is one idea); every other word that is not a stop word is its own group.
    A topic made only of too-broad words ("IT", "business") gives no groups.
    """
    vocab = vocabulary or topic_vocabulary()
    tokens = words(topic)
    groups: list[Group] = []
    i = 0
    while i < len(tokens):
        for n in range(min(vocab.longest_phrase, len(tokens) - i), 0, -1):
            group = vocab.synonyms.get(tuple(tokens[i : i + n]))
            if group is not None:
                groups.append(group)
                i += n
                break
        else:
            token = tokens[i]
            if token not in vocab.stopwords and len(token) > 1:
                groups.append((token,))
            i += 1
    unique = list(dict.fromkeys(groups))
    if all(all(p in vocab.generic for p in g) for g in unique):
        return []
    return unique[:limit]


def is_follow_on(title: str, vocabulary: TopicVocabulary | None = None) -> bool:
    """Whether a title names a follow-on course (part II, a final assessment, ...)."""
    vocab = vocabulary or topic_vocabulary()
    return any(p.search(title) for p in vocab.follow_on)


def is_starter_title(title: str, vocabulary: TopicVocabulary | None = None) -> bool:
    """Whether a title names a first course ("A Beginner's Guide to Scrum", "Introduction
    to ...": any of the vocabulary's starter_titles in it, any case)."""
    vocab = vocabulary or topic_vocabulary()
    lowered = title.lower()
    return any(phrase in lowered for phrase in vocab.starter_titles)


#: A word of a course's text as the full-text index splits it (letters and digits).
_TEXT_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.Stemmer:
    # The Porter stemmer, as SQLite's FTS5 index stems (snowballstemmer: maintained, pure
    # Python, BSD). A rough prefix had made "without" mention "With" and "content" mention
    # "Control" in the why of a course.
    return snowballstemmer.stemmer("porter")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1024)
def _text_words(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[str, ...]]:
    """The words of ``text`` with where each is, and their stems (a course's text is asked
    about each idea of a request in turn)."""
    spans = tuple((m.start(), m.end(), m.group(0).lower()) for m in _TEXT_WORD.finditer(text))
    return spans, tuple(_stem(word) for _, _, word in spans)


def _word_matches(word: str, stem: str, wanted: str, wanted_stem: str, prefix: bool) -> bool:
    stopwords = topic_vocabulary().stopwords
    if word in stopwords and wanted not in stopwords:
        return False  # "12 ans" (French years) stems as "an", but mentions no "An"
    if prefix:  # an indexed stem ("kubernet*"): the start of a word
        return word.startswith(wanted) or stem.startswith(wanted)
    return stem == wanted_stem


def mentioned(text: str | None, group: Group) -> str | None:
    """The words of ``text`` that mention a phrase of ``group`` ("TESOL" for the group of
    "TEFL"), as written there, the longest when several do ("Start Your Own Business", not
    the "Start" of "startup"); ``None`` when it mentions none (for the "why" of a course).
    Words match when they stem alike ("tables" mentions "Table"); a phrase ending in
    PREFIX is a stem that matches the start of a word."""
    if not text:
        return None
    spans, stems = _text_words(text)
    best: str | None = None
    for phrase in group:
        wanted = phrase.removesuffix(PREFIX).lower().split()
        if not wanted:
            continue
        stemmed = [_stem(w) for w in wanted]
        last = len(wanted) - 1
        prefixes = [phrase.endswith(PREFIX) and i == last for i in range(len(wanted))]
        for start in range(len(spans) - last):
            if all(
                _word_matches(spans[start + i][2], stems[start + i], w, st, pre)
                for i, (w, st, pre) in enumerate(zip(wanted, stemmed, prefixes, strict=True))
            ):
                found = text[spans[start][0] : spans[start + last][1]]
                if best is None or len(found) > len(best):
                    best = found
                break
    return best


def mentions(text: str | None, group: Group) -> bool:
    """Whether ``text`` mentions any phrase of ``group``."""
    return mentioned(text, group) is not None


__all__ = [
    "MAX_GROUPS",
    "PREFIX",
    "Group",
    "TopicVocabulary",
    "is_follow_on",
    "is_starter_title",
    "mentioned",
    "mentions",
    "topic_groups",
    "topic_vocabulary",
    "word_list",
    "words",
]
