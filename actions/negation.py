"""Whether a word the learner wrote is one they do NOT want ("education, not leadership").

The cue lists are data (``data/vocab/negations.yml``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrases

NEGATIONS_PATH = VOCAB_DIR / "negations.yml"
#: How far back (characters) a cue may sit before the word it negates.
WINDOW = 40


@lru_cache(maxsize=2)
def _negated_left(path: Path = NEGATIONS_PATH) -> re.Pattern[str]:
    raw = load_yaml(path)
    cues = alternation(phrases(raw, "before", path))
    fillers = alternation(phrases(raw, "fillers", path))
    return re.compile(cues + r"\s+(?:" + fillers + r"\s+){0,3}$")


@lru_cache(maxsize=2)
def _lacking_before(path: Path = NEGATIONS_PATH) -> re.Pattern[str]:
    raw = load_yaml(path)
    return re.compile(alternation(phrases(raw, "lacking_before", path)) + r"\s*$")


def negated(text: str, start: int) -> bool:
    """Whether the word starting at ``start`` in ``text`` follows a negation cue (not one
    saying what the learner lacks: "I speak no Spanish")."""
    left = text[max(0, start - WINDOW) : start].lower()
    cue = _negated_left().search(left)
    return cue is not None and _lacking_before().search(left[: cue.start()]) is None


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def without_negated(text: str) -> str:
    """``text`` with each word the learner does not want blanked out ("free or cheap, no
    exam pls" -> "free or cheap, no      pls"): what a request is about, for ranking by its
    words. Offsets are kept."""
    out = list(text)
    for m in _WORD.finditer(text):
        if negated(text, m.start()):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)
