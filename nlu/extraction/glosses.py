"""Wishes half said in Spanish, French or Portuguese: "3 horas al día máximo y principiante".

Learners who write mostly in English often state their limits in their first language. The
rules read English, so :func:`glossed` rewrites those words (``data/vocab/nlu/glosses.yml``)
into English before the rules run, and keeps a map back to the learner's own text so that
every value found still points at what they wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlu import vocab


@dataclass(frozen=True)
class Glossed:
    """A message with foreign words of wishes replaced by English ones."""

    text: str
    #: For each character of ``text`` (and one past its end), where it comes from in the
    #: original: a glossed word maps onto the word it replaced.
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        return first, max(first, last)


@lru_cache(maxsize=1)
def _glosses() -> tuple[re.Pattern[str], vocab.PhraseTable]:
    table = vocab.phrase_table("glosses", "glosses")
    # A phrase ending in an apostrophe ("pas plus d'") runs straight into the next word.
    pattern = re.compile(rf"(?<!\w)(?:{table.alternation})(?:(?<=')|(?![\w']))", re.IGNORECASE)
    return pattern, table


def glossed(text: str) -> Glossed | None:
    """``text`` with its foreign wish words in English, or ``None`` when it has none."""
    pattern, table = _glosses()
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    parts: list[str] = []
    origin: list[int] = []
    at = 0
    for m in matches:
        parts.append(text[at : m.start()])
        origin.extend(range(at, m.start()))
        english = table.value(m.group(0))
        if m.group(0).endswith("'"):
            english += " "
        parts.append(english)
        width = m.end() - m.start()
        # Spread the English over the foreign word; its last letter is the word's last.
        spread = [m.start() + i * width // len(english) for i in range(len(english))]
        spread[-1] = m.end() - 1
        origin.extend(spread)
        at = m.end()
    parts.append(text[at:])
    origin.extend(range(at, len(text) + 1))
    return Glossed("".join(parts), tuple(origin))


__all__ = ["Glossed", "glossed"]
