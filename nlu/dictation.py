"""Punctuation spoken to a dictation app and typed as words ("... full stop", "comma").

Learners who dictate on their phones send run-on messages in which some keyboards type
the marks they said as words: "the GP says exercise is the answer full stop is there a
course that teaches you the exercises question mark free ideally". Read as written, the
sentence boundaries are lost (the topic ran on into "is there a course") and "full",
"stop", "question" and "mark" became words of the request. This first step of the
pipeline puts the marks back (``data/vocab/nlu/spoken_punctuation.yml``), so the
classifiers, the extractors and the actions (which read the parsed text) all see
sentences. The tracker still stores what the learner sent.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from nlu import vocab
from nlu.rewrite import TextRewriter

#: A mark the learner typed right after the spoken one stands for it.
_ALREADY = frozenset(".,;:!?")


@lru_cache(maxsize=1)
def _marks() -> tuple[re.Pattern[str], vocab.PhraseTable]:
    table = vocab.phrase_table("spoken_punctuation", "marks")
    # The spaces before the words go with them: the mark joins the word before it.
    pattern = re.compile(rf"[ \t]*(?<!\w)({table.alternation})(?!\w)", re.IGNORECASE)
    return pattern, table


def with_marks(text: str) -> str:
    """``text`` with the punctuation said as words put back as marks; button payloads
    ("/intent{...}") are left alone."""
    if not text or text.startswith("/"):
        return text
    pattern, table = _marks()

    def mark(match: re.Match[str]) -> str:
        if text[match.end() : match.end() + 1] in _ALREADY:  # "I won't pay, full stop."
            return ""
        return table.value(match.group(1))

    return pattern.sub(mark, text)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class SpokenPunctuation(TextRewriter):
    """Puts spoken punctuation back (:func:`with_marks`; put it first in the pipeline)."""

    @staticmethod
    def rewrite(text: str) -> str:
        """The text with the marks said as words put back."""
        return with_marks(text)


__all__ = ["SpokenPunctuation", "with_marks"]
