"""Words stretched for emphasis ("brokeeee", "pleaseeee", "freeee", "sooo") read as the
words they stretch.

A letter typed three or more times in a row is never English spelling, but the rules and
the classifiers look words up as spelled, so "free pls im brokeeee" lost its budget of
nothing. Each run of one letter is cut to two letters, or to one, whichever makes a word
wordfreq knows as English ("cooool" -> "cool", "brokeeee" -> "broke"); a word neither
makes is cut to two letters. Roman numerals ("Part III") and web addresses ("www.") stay.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from nlu.rewrite import TextRewriter

#: A cut word at or above this on wordfreq's Zipf scale is English ("broke" 4.6).
KNOWN_ZIPF = 3.0
_STRETCHED = re.compile(r"(?<![\w./@])[^\W\d_]*([^\W\d_])\1\1[^\W\d_]*(?![\w./@])")
_RUN = re.compile(r"([^\W\d_])\1{2,}")
_ROMAN = re.compile(r"[ivxlcdm]+", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _known(word: str) -> bool:
    from wordfreq import zipf_frequency  # a large word list: read on first use only

    return zipf_frequency(word, "en") >= KNOWN_ZIPF


@lru_cache(maxsize=4096)
def unstretched_word(word: str) -> str:
    """``word`` with its stretched letters cut (see the module docstring)."""
    if _ROMAN.fullmatch(word):
        return word
    two = _RUN.sub(lambda m: m.group(1) * 2, word)
    if _known(two.lower()):
        return two
    one = _RUN.sub(lambda m: m.group(1), word)
    return one if _known(one.lower()) else two


def unstretched(text: str) -> str:
    """``text`` with every stretched word cut (:func:`unstretched_word`)."""
    if not text:
        return text
    return _STRETCHED.sub(lambda m: unstretched_word(m.group(0)), text)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class StretchedWords(TextRewriter):
    """Cuts stretched words (:func:`unstretched`; put it first in the pipeline)."""

    @staticmethod
    def rewrite(text: str) -> str:
        """The text with stretched words cut."""
        return unstretched(text)


__all__ = ["StretchedWords", "unstretched", "unstretched_word"]
