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
