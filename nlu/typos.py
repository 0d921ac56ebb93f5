"""Mistyped words: which word of a list a typed word probably stands for ("carreer" ->
"career", "understnad" -> "understand").

One letter changed, added, dropped or two swapped (rapidfuzz's optimal string alignment),
the same first letter, and the typed word not an English word itself (wordfreq), so
"leading" is never read as "reading". Of equally close words, the one needing fewer
insertions and deletions wins, then the first in alphabetical order.
"""

from __future__ import annotations

from collections.abc import Collection

from rapidfuzz.distance import OSA, Indel

#: Words this common in English are words, not typos (wordfreq's Zipf scale).
ENGLISH_ZIPF = 2.5


def typo_of(word: str, targets: Collection[str]) -> str | None:
    """The word of ``targets`` that ``word`` is probably a mistyping of, or ``None``."""
    if not word or word in targets:
        return None
    close = [t for t in targets if t[:1] == word[:1] and OSA.distance(word, t, score_cutoff=1) <= 1]
    if not close:
        return None
    from wordfreq import zipf_frequency  # on first use: it loads pkg_resources (slow)

    if zipf_frequency(word, "en") >= ENGLISH_ZIPF:
        return None
    return min(close, key=lambda t: (Indel.distance(word, t), t))


__all__ = ["ENGLISH_ZIPF", "typo_of"]
