"""The subject phrases as an index of normalised tokens, and the typo correction that looks
words up in it.

Message and phrases go through the same light normalisation (:func:`norm_token`: US to UK
spelling, plural ``s`` stripped, hyphens split), so "Cyber-Security" finds "cyber security".
A token that is no vocabulary word may be a typo of one (:func:`fuzzy_correct`), only for
the long, distinctive ``fuzzy_keys`` of ``data/vocab/nlu/subjects.yml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Indel

from actions.profile_values import SUBJECTS
from nlu import vocab

TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9+#']*(?:\.[a-z0-9]+)*|\.net|c\+\+|c#|[a-z]\.[a-z]\b")


@dataclass(frozen=True)
class SubjectIndex:
    phrases: dict[tuple[str, ...], tuple[str, str]]  # norm tokens -> (subject, phrase)
    max_len: int
    token_set: frozenset[str]
    # first letter -> the vocabulary tokens a typo may be corrected to, the preferred first
    # (used by more subject phrases, then alphabetical): see fuzzy_correct
    fuzzy: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class SubjectWords:
    """The subject phrases and their spelling rules (``data/vocab/nlu/subjects.yml``)."""

    phrases: dict[str, str]  # phrase -> subject id, in the order written
    weights: dict[str, float]  # generic phrases -> weight (default 1.0)
    cased_only: frozenset[str]  # acronyms matched only in capitals ("IT")...
    case_free: frozenset[str]  # ... except these
    spelling: dict[str, str]  # US -> UK
    fuzzy_keys: frozenset[str]  # words a typo may be corrected to
    fuzzy_stopwords: frozenset[str]  # words never corrected


@lru_cache(maxsize=1)
def subject_words() -> SubjectWords:
    data = vocab.load(
        "subjects",
        "phrases",
        "weights",
        "cased_only",
        "case_free",
        "spelling",
        "fuzzy_keys",
        "fuzzy_stopwords",
    )
    phrases: dict[str, str] = {}
    for subject, listed in data.grouped_texts("phrases", SUBJECTS).items():
        for phrase in listed:
            if phrase in phrases:
                raise vocab.VocabError(
                    f"{data.path}: phrases[{subject}] lists {phrase!r}, "
                    f"already a phrase of {phrases[phrase]}"
                )
            phrases[phrase] = subject
    return SubjectWords(
        phrases=phrases,
        weights=data.numbers("weights"),
        cased_only=frozenset(data.texts("cased_only")),
        case_free=frozenset(data.texts("case_free")),
        spelling=data.names("spelling"),
        fuzzy_keys=frozenset(data.texts("fuzzy_keys")),
        fuzzy_stopwords=frozenset(data.texts("fuzzy_stopwords")),
    )


def norm_token(tok: str) -> str:
    t = tok.strip("'").lower()
    if t.endswith("'s"):
        t = t[:-2]
    t = subject_words().spelling.get(t, t)
    for us, uk in (
        ("ization", "isation"),
        ("izing", "ising"),
        ("ized", "ised"),
        ("ize", "ise"),
        ("yze", "yse"),
        ("yzing", "ysing"),
    ):
        if t.endswith(us) and len(t) > len(us) + 2:
            t = t[: -len(us)] + uk
            break
    if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is", "ics", "ies")):
        t = t[:-1]
    elif len(t) > 4 and t.endswith("ies"):
        t = t[:-3] + "y"
    return t


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    toks = [m.group(0) for m in TOKEN_RE.finditer(phrase.replace("-", " "))]
    return tuple(norm_token(t) for t in toks)


@lru_cache(maxsize=1)
def subject_index() -> SubjectIndex:
    words = subject_words()
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    for phrase, subject in words.phrases.items():
        key = _phrase_tokens(phrase)
        if key:
            phrases.setdefault(key, (subject, phrase))
    uses = Counter(t for k in phrases for t in set(k))
    fuzzy: dict[str, list[str]] = {}
    for t in sorted(uses, key=lambda t: (-uses[t], t)):
        if t in words.fuzzy_keys or norm_token(t) in words.fuzzy_keys:
            fuzzy.setdefault(t[0], []).append(t)
    return SubjectIndex(
        phrases=phrases,
        max_len=max(len(k) for k in phrases),
        token_set=frozenset(uses),
        fuzzy={k: tuple(v) for k, v in fuzzy.items()},
    )


def _one_swap(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring letters swapped ("pyhton")."""
    if len(a) != len(b):
        return False
    diffs = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diffs) != 2 or diffs[1] != diffs[0] + 1:
        return False
    i = diffs[0]
    return a[i] == b[i + 1] and a[i + 1] == b[i]


def _edits(tok: str, cand: str) -> int | None:
    """The edits from ``tok`` to the vocabulary token ``cand`` if few enough to call it a
    typo, else ``None``. Short words (up to 6 letters) allow only a swap of two
    neighbouring letters; longer ones one edit, from 12 letters two. An edit is a letter
    added, dropped, changed, or two neighbours swapped, each once (rapidfuzz's optimal
    string alignment distance; ``score_cutoff`` stops it early above the limit)."""
    if abs(len(cand) - len(tok)) > 1 or len(cand) < 5:
        return None
    if len(cand) <= 6:
        return 1 if _one_swap(tok, cand) else None
    limit = 2 if len(cand) >= 12 else 1
    edits = OSA.distance(tok, cand, score_cutoff=limit)
    return edits if edits <= limit else None


@lru_cache(maxsize=4096)
def fuzzy_correct(tok: str) -> str | None:
    """A vocabulary token ``tok`` is probably a typo of, or ``None``.

    The candidates are the ``fuzzy_keys`` tokens with ``tok``'s first letter that are within
    :func:`_edits` of it. The closest wins (fewest edits). Of equally close ones, the one
    reached with fewer letters added or dropped when a change counts as two (rapidfuzz's
    Indel distance: "analysi" is "analysis" short of a letter, not "analyst" with one
    changed), then the token more subject phrases use, then the first alphabetically. So
    the answer never depends on set order or the hash seed."""
    idx = subject_index()
    stopwords = subject_words().fuzzy_stopwords
    if len(tok) < 5 or tok in idx.token_set or tok in stopwords or not tok.isalpha():
        return None
    best: tuple[tuple[int, int], str] | None = None
    for cand in idx.fuzzy.get(tok[0], ()):  # most used first: a later tie never wins
        edits = _edits(tok, cand)
        if edits is None:
            continue
        key = (edits, Indel.distance(tok, cand))
        if best is None or key < best[0]:
            best = (key, cand)
    return best[1] if best else None
