"""Which language a word leans to, and whether it is everyday English: read by the topic
finder (:mod:`nlu.topic`) to trim words of another language, adverbs of manner and stray
short words off a topic, with wordfreq's Zipf scale."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from actions.store.topics import topic_vocabulary
from nlu.topic_cues import topic_cues


class _Normed(Protocol):
    """A token with its normalised (lower-case) text."""

    @property
    def norm(self) -> str: ...


#: The base of an "-ly" word at or above this on wordfreq's Zipf scale is everyday English
#: ("official" 5.1, "quick" 5.0), so the word is an adverb made from it; "elder" (4.1)
#: is not, and "elderly" stays a topic word.
ADVERB_BASE_ZIPF = 4.3


def manner_adverb(word: str) -> bool:
    """Whether ``word`` is an adverb made from an everyday word ("officially", "seriously",
    "easily", "basically"): it says how, never what about ("move into project management
    officially"). A word the topic vocabulary knows ("friendly" in "eco friendly") is not."""
    if len(word) < 6 or not word.endswith("ly") or _known_topic_word(word):
        return False
    from wordfreq import zipf_frequency  # on first use: it loads pkg_resources (slow)

    bases = [word[:-2]]
    if word.endswith("ily"):
        bases.append(word[:-3] + "y")  # easily
    if word.endswith("ally"):
        bases.append(word[:-4])  # basically
    return any(zipf_frequency(base, "en") >= ADVERB_BASE_ZIPF for base in bases)


@lru_cache(maxsize=1)
def _topic_phrase_words() -> frozenset[str]:
    return frozenset(word for phrase in topic_vocabulary().synonyms for word in phrase)


def _known_topic_word(word: str) -> bool:
    return word in _topic_phrase_words()


#: A word at least FOREIGN_MARGIN more common (wordfreq's Zipf scale) in one of the topic
#: cues' ``foreign_languages`` than in English, and at least FOREIGN_AT_LEAST there, leans
#: to that language ("mau" 3.1 in English, 6.3 in Indonesian; "donne"; "il"). Frequency
#: alone cannot tell "git", "rust", "Tableau" or "SIA" from "sih" or "rin", so such a word
#: counts as another language's only next to another word leaning the same way: mixed-in
#: words come in runs ("halo kak", "mau belajar", "il donne un", "rin po bang").
FOREIGN_MARGIN = 1.0
FOREIGN_AT_LEAST = 3.5
#: ... and a word this much more common there is another language's even on its own, after
#: an English stop word or a greeting ("hola! necesito ...": "necesito" 1.5 in English, 5.1
#: in Spanish, margin 3.7; "quiero" 3.4), while "SIA" (3.1), "rin" (3.2), "tableau" (1.9)
#: and "AI" (2.2) still need a run.
CLEARLY_FOREIGN_MARGIN = 3.3
#: A word at or above this on wordfreq's Zipf scale is everyday English ("flat" 5.0).
EVERYDAY_ZIPF = 4.5
#: A letter of the Latin script (with its accented forms).
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]")


#: A message with this many words leaning to another language is partly written in it
#: ("raga 74 euro costa troppo, c'è qualcosa di più cheap?"): any word leaning the same
#: way is that language's, alone or not ("raga").
MIXED_IN_WORDS = 3


#: A word of a chat alphabet, the digits Arabic uses for letters English lacks ("7aga",
#: "3ayez", "ya3ni"): a digit before three letters or more, or inside a word with two
#: letters or more after it. Not "3D", "k8s", "b2b", "h2o", "mp3" or "COVID-19".
_CHAT_ALPHABET = re.compile(r"[235789][a-z]{3,}|[a-z]+[235789][a-z]{2,}")


def stray_short_word(word: str) -> bool:
    """Whether ``word``, a topic on its own, is a short lower-case word no field uses ("fe",
    "ya"): short topics are names written in capitals ("AI", "UX", "R") or a field's own word
    ("ai", "ux")."""
    from nlu.extraction.subject_index import norm_token, subject_index  # imports this module

    return len(word) <= 2 and word.islower() and norm_token(word) not in subject_index().token_set


def foreign_at(toks: Sequence[_Normed], k: int) -> bool:
    """Whether token ``k`` is a word of another language: written in a chat alphabet, in a
    run of such words, in a message with several, or on its own when it is clearly one
    ("necesito", "quiero")."""
    if _CHAT_ALPHABET.fullmatch(toks[k].norm):
        return True
    if not leans_foreign(toks[k].norm):
        return False
    if not _LATIN.search(toks[k].norm) or leans_foreign(toks[k].norm, CLEARLY_FOREIGN_MARGIN):
        return True
    if (k > 0 and leans_foreign(toks[k - 1].norm)) or (
        k + 1 < len(toks) and leans_foreign(toks[k + 1].norm)
    ):
        return True
    from nlu.extraction.subject_index import subject_index  # nlu.extraction imports this

    if toks[k].norm in subject_index().token_set:
        return False  # a field's own word ("hindi", "mandarin") says what to learn
    return sum(1 for t in toks if leans_foreign(t.norm)) >= MIXED_IN_WORDS


@lru_cache(maxsize=8192)
def everyday(word: str) -> bool:
    """Whether ``word`` is everyday English (wordfreq's Zipf scale at or above
    EVERYDAY_ZIPF): one such word in quotes is said with a wink ('flat', 'fun'), a name or a
    field in quotes is not ('Kubernetes', 'GDPR')."""
    from wordfreq import zipf_frequency  # on first use: it loads pkg_resources (slow)

    return bool(zipf_frequency(word, "en") >= EVERYDAY_ZIPF)


@lru_cache(maxsize=8192)
def leans_foreign(word: str, margin: float = FOREIGN_MARGIN) -> bool:
    """Whether ``word`` is at least ``margin`` more common in one of the foreign languages
    than in English (never an English stop word such as "im", nor a single letter)."""
    if not word.isalpha() or word in topic_vocabulary().stopwords:
        return False
    if not _LATIN.search(word):
        # Another script ("음", "배우고", "спасибо"): the catalogue is in English, so such a
        # word names nothing it could search, even a one-letter one.
        return True
    if len(word) < 2:
        return False
    from wordfreq import zipf_frequency  # on first use: it loads pkg_resources (slow)

    english = zipf_frequency(word, "en")
    other = max(
        (zipf_frequency(word, lang) for lang in topic_cues().foreign_languages), default=0.0
    )
    return other >= FOREIGN_AT_LEAST and other - english >= margin


__all__ = [
    "CLEARLY_FOREIGN_MARGIN",
    "EVERYDAY_ZIPF",
    "FOREIGN_AT_LEAST",
    "FOREIGN_MARGIN",
    "MIXED_IN_WORDS",
    "everyday",
    "foreign_at",
    "leans_foreign",
    "manner_adverb",
    "stray_short_word",
]
