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


@lru_cache(maxsize=2)
def _clause_joiners(path: Path = NEGATIONS_PATH) -> frozenset[str]:
    return frozenset(phrases(load_yaml(path), "clause_joiners", path))


def negated(text: str, start: int) -> bool:
    """Whether the word starting at ``start`` in ``text`` follows a negation cue (not one
    saying what the learner lacks: "I speak no Spanish")."""
    left = text[max(0, start - WINDOW) : start].lower()
    cue = _negated_left().search(left)
    return cue is not None and _lacking_before().search(left[: cue.start()]) is None


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


#: Most words after a negated one that its clause may still hold ("not software agile.").
PHRASE_TAIL = 2
#: Endings of a negated word that make it a verb, whose object is still wanted.
_VERB_ENDINGS = ("ing", "ed")
#: Where a clause ends: a punctuation mark, or the end of the text.
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?()]|$)")


def without_negated(text: str) -> str:
    """``text`` with each word the learner does not want blanked out ("free or cheap, no
    exam pls" -> "free or cheap, no      pls"): what a request is about, for ranking by its
    words. A negated word's clause is blanked with it when it ends within PHRASE_TAIL more
    words ("classical approach, not software agile." drops "agile" too; "not python but
    excel" and "not burning pasta" keep "excel" and "pasta"). Offsets are kept."""
    out = list(text)
    words = list(_WORD.finditer(text))
    for k, m in enumerate(words):
        if not negated(text, m.start()):
            continue
        last = k
        # A negated verb keeps its object: "not burning pasta" still wants cooking pasta.
        tail = 0 if m.group().lower().endswith(_VERB_ENDINGS) else PHRASE_TAIL
        for j in range(k + 1, min(k + 1 + tail, len(words))):
            between = text[words[j - 1].end() : words[j].start()]
            if between.strip() or words[j].group().lower() in _clause_joiners():
                break  # the clause ended ("not python, excel") or goes on to what is wanted
            if _CLAUSE_END.match(text, words[j].end()):
                last = j
                break
        for w in words[k : last + 1]:
            out[w.start() : w.end()] = " " * (w.end() - w.start())
    return "".join(out)
