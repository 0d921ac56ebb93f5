"""Whether an answer is vague ("not sure", "whatever"): data in data/vocab/vague_answers.yml."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrases

VAGUE_PATH = VOCAB_DIR / "vague_answers.yml"


@lru_cache(maxsize=2)
def _vague(path: Path = VAGUE_PATH) -> re.Pattern[str]:
    return re.compile(alternation(phrases(load_yaml(path), "phrases", path)))


def is_vague(text: str) -> bool:
    """Whether ``text`` (a short answer) says the learner has no preference or no idea."""
    return bool(text) and _vague().search(text[:300].lower().replace("’", "'")) is not None


@lru_cache(maxsize=2)
def _wish_words(path: Path = VAGUE_PATH) -> dict[str, re.Pattern[str]]:
    raw = load_yaml(path).get("wish_words") or {}
    return {name: re.compile(alternation(map(str, words))) for name, words in raw.items()}


MAX_UNDECIDED_WORDS = 15  # a longer message says more than "not sure about X"


def undecided_wish(text: str) -> str | None:
    """The name of the one wish a short vague message is about ("for the hours I am not
    sure": "weekly hours"), else ``None``."""
    if len(text.split()) > MAX_UNDECIDED_WORDS or not is_vague(text):
        return None
    lowered = text[:300].lower()
    named = [name for name, pattern in _wish_words().items() if pattern.search(lowered)]
    return named[0] if len(named) == 1 else None
