"""The subject phrases as an index of normalised tokens, and the typo correction that looks
words up in it.

Message and phrases go through the same light normalisation (:func:`norm_token`: US to UK
spelling, plural ``s`` stripped, hyphens split), so "Cyber-Security" finds "cyber security".
A token that is no vocabulary word may be a typo of one (:func:`fuzzy_correct`), only for
the long, distinctive ``fuzzy_keys`` of ``data/vocab/nlu/subjects.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from actions.profile_values import SUBJECTS
from nlu import vocab

TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9+#']*(?:\.[a-z0-9]+)*|\.net|c\+\+|c#|[a-z]\.[a-z]\b")


@dataclass(frozen=True)
class SubjectIndex:
    phrases: dict[tuple[str, ...], tuple[str, str]]  # norm tokens -> (subject, phrase)
    max_len: int
    token_set: frozenset[str]
    fuzzy: dict[str, frozenset[str]]  # first letter -> candidate vocab tokens


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
    token_set = frozenset(t for k in phrases for t in k)
    fuzzy: dict[str, set[str]] = {}
    for t in token_set:
        if t in words.fuzzy_keys or norm_token(t) in words.fuzzy_keys:
            fuzzy.setdefault(t[0], set()).add(t)
    return SubjectIndex(
        phrases=phrases,
        max_len=max(len(k) for k in phrases),
        token_set=token_set,
        fuzzy={k: frozenset(v) for k, v in fuzzy.items()},
    )


def _damerau(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        row_min = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            row_min = min(row_min, cur[j])
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


@lru_cache(maxsize=4096)
def fuzzy_correct(tok: str) -> str | None:
    """A vocabulary token ``tok`` is probably a typo of, or ``None``."""
    idx = subject_index()
    stopwords = subject_words().fuzzy_stopwords
    if len(tok) < 5 or tok in idx.token_set or tok in stopwords or not tok.isalpha():
        return None
    best: tuple[int, str] | None = None
    for cand in idx.fuzzy.get(tok[0], ()):
        if abs(len(cand) - len(tok)) > 1 or len(cand) < 5:
            continue
        if len(cand) <= 6:
            # short words: only a swap of two neighbouring letters ("pyhton")
            if len(cand) != len(tok) or sorted(cand) != sorted(tok):
                continue
            diffs = [i for i in range(len(tok)) if tok[i] != cand[i]]
            if not (len(diffs) == 2 and diffs[1] == diffs[0] + 1):
                continue
            d = 1
        else:
            limit = 2 if len(cand) >= 12 else 1
            d = _damerau(tok, cand, limit)
            if d > limit:
                continue
        if best is None or d < best[0]:
            best = (d, cand)
    return best[1] if best else None
