"""The catalogue's subjects without a database: their ids, labels, and the subjects a
learner's words look most like ("did you mean" suggestions)."""

from __future__ import annotations

import difflib
import re

from actions.profile_values import subject_words
from actions.store.models import SUBJECTS


def subject_ids() -> tuple[str, ...]:
    """The catalogue's 22 subject ids (no database needed)."""
    return tuple(SUBJECTS)


def subject_label(subject_id: str) -> str:
    """The human label of a subject id (the id itself when unknown)."""
    return SUBJECTS.get(subject_id, subject_id)


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", text.lower()) if t and t != "and"]


def closest_subjects(text: str, n: int = 3) -> list[str]:
    """Subject ids that look most like ``text`` (ids, labels, everyday words), best first.

    For "did you mean" buttons: an exact id or label wins; then subjects named by
    a word of ``text`` (or a word prefix, an everyday one-word name of the subject from
    ``data/vocab/nlu/subjects.yml``, a near spelling);
    then ``difflib`` close matches of the whole text.
    """
    query = text.strip().lower()
    if not query or n <= 0:
        return []
    by_name: dict[str, str] = {}
    for sid, label in SUBJECTS.items():
        by_name[sid] = sid
        by_name[label.lower()] = sid
    if query in by_name:
        return [by_name[query]]
    words = [w for w in _tokens(query) if len(w) >= 2]
    everyday = subject_words()
    scores: dict[str, float] = {}
    for sid, label in SUBJECTS.items():
        names = set(_tokens(sid)) | set(_tokens(label))
        for w in words:
            if w in names:
                score = 3.0
            elif everyday.get(w, everyday.get(w.removesuffix("s"))) == sid:
                score = 2.5
            elif len(w) >= 3 and any(name.startswith(w) for name in names):
                score = 2.0
            else:
                close = difflib.get_close_matches(w, names, n=1, cutoff=0.8)
                score = 1.0 if close and len(w) >= 4 else 0.0
            if score:
                scores[sid] = scores.get(sid, 0.0) + score
    found = [sid for sid, _ in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]
    for name in difflib.get_close_matches(query, list(by_name), n=n * 2, cutoff=0.6):
        if by_name[name] not in found:
            found.append(by_name[name])
    return found[:n]


__all__ = ["closest_subjects", "subject_ids", "subject_label"]
