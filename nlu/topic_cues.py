"""The topic cue lists (``data/vocab/topic_cues.yml``), loaded once: the words that
introduce a topic, end it, or say it is none (read by :mod:`nlu.topic`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from actions.store.topics import topic_vocabulary, word_list

CUES_PATH = Path(__file__).resolve().parents[1] / "data" / "vocab" / "topic_cues.yml"
STRENGTHS = {"strong": 3, "medium": 2, "weak": 1}
#: Shortest typed word read as a mistyped cue ("understnad", "intrested"); shorter ones
#: ("lerning", "cources") are as often part of the topic or next to a verb read as one.
MIN_TYPO_WORD = 8


def _compounds(listed: list[str]) -> frozenset[tuple[str, str]]:
    """The last two words of each compound: those listed, and every phrase of the topic
    vocabulary whose last word is a stop word ("leading people", "computer skills"): the
    vocabulary names it as one phrase, so the finder keeps its last word."""
    vocabulary = topic_vocabulary()
    phrases = [phrase.split() for phrase in listed]
    phrases += [list(key) for key in vocabulary.synonyms if key[-1] in vocabulary.stopwords]
    return frozenset((words[-2], words[-1]) for words in phrases if len(words) >= 2)


@dataclass(frozen=True)
class TopicCues:
    # (cue words, strength) by the cue's first word, longest first: a token is compared only
    # with the cues it could begin (a scan of every cue at every token was most of the NLU's
    # time).
    by_first_word: Mapping[str, tuple[tuple[tuple[str, ...], int], ...]]
    cue_words: frozenset[str]  # the cues' long words, which a typo may stand for
    after: frozenset[str]
    boundaries: frozenset[str]
    joiners: frozenset[str]
    stopwords: frozenset[str]
    not_topics: frozenset[str]
    present_verbs: frozenset[str]
    doers: frozenset[str]
    done_verbs: frozenset[str]
    possessives: frozenset[str]
    own_ventures: frozenset[str]
    audiences: frozenset[str]
    compounds: frozenset[tuple[str, str]]
    bare_max_words: int
    wish_words: frozenset[str]
    foreign_languages: tuple[str, ...]
    foreign_joiners: frozenset[str]
    object_pronouns: frozenset[str]
    cue_objects: frozenset[str]
    question_openers: frozenset[str]
    what_is: frozenset[str]
    hedges: frozenset[str]
    labels: frozenset[str]
    fillers: frozenset[str]
    teaching_languages: frozenset[str]
    preferences: frozenset[str]
    taught_nouns: frozenset[str]
    determiners: frozenset[str]
    verb_markers: frozenset[str]
    indefinites: frozenset[str]
    example_markers: frozenset[str]
    only_new: frozenset[str]
    aspect_words: frozenset[str]
    acquiring_verbs: frozenset[str]
    held_roles: frozenset[str]
    third_persons: frozenset[str]
    alternative_joiners: frozenset[str]
    alternative_hedges: frozenset[str]
    course_verbs: frozenset[str]


@lru_cache(maxsize=2)
def topic_cues(path: Path = CUES_PATH) -> TopicCues:
    """Load the cue lists (cached)."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    cues: dict[tuple[str, ...], int] = {}
    for level, phrases in (raw.get("before") or {}).items():
        if level not in STRENGTHS:
            raise ValueError(f"{path}: unknown cue strength {level!r}; use {sorted(STRENGTHS)}")
        for phrase in phrases or []:
            cues[tuple(str(phrase).lower().split())] = STRENGTHS[level]
    before = sorted(cues.items(), key=lambda item: (-len(item[0]), item[0]))
    by_first_word: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for cue, strength in before:
        by_first_word.setdefault(cue[0], []).append((cue, strength))
    return TopicCues(
        by_first_word={word: tuple(found) for word, found in by_first_word.items()},
        cue_words=frozenset(w for cue in cues for w in cue if len(w) >= MIN_TYPO_WORD - 1),
        after=frozenset(word_list(raw, "after", path)),
        boundaries=frozenset(word_list(raw, "boundaries", path)),
        joiners=frozenset(word_list(raw, "joiners", path)),
        stopwords=topic_vocabulary().stopwords,
        not_topics=frozenset(word_list(raw, "not_topics", path)),
        present_verbs=frozenset(word_list(raw, "present_verbs", path)),
        doers=frozenset(word_list(raw, "doers", path)),
        done_verbs=frozenset(word_list(raw, "done_verbs", path)),
        possessives=frozenset(word_list(raw, "possessives", path)),
        own_ventures=frozenset(word_list(raw, "own_ventures", path)),
        audiences=frozenset(word_list(raw, "audiences", path)),
        compounds=_compounds(word_list(raw, "compounds", path)),
        bare_max_words=int(raw.get("bare_max_words") or 0),
        wish_words=frozenset(word_list(raw, "wish_words", path)),
        foreign_languages=tuple(word_list(raw, "foreign_languages", path)),
        foreign_joiners=frozenset(word_list(raw, "foreign_joiners", path)),
        object_pronouns=frozenset(word_list(raw, "object_pronouns", path)),
        cue_objects=frozenset(word_list(raw, "cue_objects", path)),
        question_openers=frozenset(word_list(raw, "question_openers", path)),
        what_is=frozenset(word_list(raw, "what_is", path)),
        hedges=frozenset(word_list(raw, "hedges", path)),
        labels=frozenset(word_list(raw, "labels", path)),
        fillers=frozenset(word_list(raw, "fillers", path)),
        teaching_languages=frozenset(word_list(raw, "teaching_languages", path)),
        preferences=frozenset(word_list(raw, "preferences", path)),
        taught_nouns=frozenset(word_list(raw, "taught_nouns", path)),
        determiners=frozenset(word_list(raw, "determiners", path)),
        verb_markers=frozenset(word_list(raw, "verb_markers", path)),
        indefinites=frozenset(word_list(raw, "indefinites", path)),
        example_markers=frozenset(word_list(raw, "example_markers", path)),
        only_new=frozenset(word_list(raw, "only_new", path)),
        aspect_words=frozenset(word_list(raw, "aspect_words", path)),
        acquiring_verbs=frozenset(word_list(raw, "acquiring_verbs", path)),
        held_roles=frozenset(word_list(raw, "held_roles", path)),
        third_persons=frozenset(word_list(raw, "third_persons", path)),
        alternative_joiners=frozenset(word_list(raw, "alternative_joiners", path)),
        alternative_hedges=frozenset(word_list(raw, "alternative_hedges", path)),
        course_verbs=frozenset(word_list(raw, "course_verbs", path)),
    )


__all__ = ["CUES_PATH", "MIN_TYPO_WORD", "STRENGTHS", "TopicCues", "topic_cues"]
