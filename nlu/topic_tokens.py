"""The words of a message as the topic reader sees them: lower-cased, a mistyped cue word
fixed ("understnad"), and where punctuation ends a topic (:mod:`nlu.topic`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlu.topic_cues import MIN_TYPO_WORD, topic_cues
from nlu.typos import typo_of

# Letters with accents too ("Débutant", "Māori"): \w less the underscore.
_TOKEN = re.compile(r"[^\W_][\w+#'’]*(?:-[^\W_]+)*|[&/]")
#: Punctuation (or a dash between spaces) that ends a topic and a clause.
BREAK = re.compile(r"[.,;:!?()\[\]\n]|\s[-–—]+\s|[–—]")


@dataclass(frozen=True)
class Token:
    norm: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group(0).rstrip("'’")
        norm = re.sub(r"['’]s$", "", word.lower()).replace("'", "").replace("’", "")
        out.append(Token(cue_typo(norm) or norm, m.start(), m.start() + len(word)))
    return out


@lru_cache(maxsize=4096)
def cue_typo(word: str) -> str | None:
    """The cue word ``word`` is probably a mistyping of ("understnad" -> "understand";
    :mod:`nlu.typos`), for typed words of :data:`MIN_TYPO_WORD` letters or more."""
    if len(word) < MIN_TYPO_WORD or not word.isalpha():
        return None
    return typo_of(word, topic_cues().cue_words)


def breaks(text: str, a: Token, b: Token) -> bool:
    """Whether punctuation between two tokens ends a topic."""
    return BREAK.search(text[a.end : b.start]) is not None


__all__ = ["BREAK", "Token", "breaks", "cue_typo", "tokens"]
