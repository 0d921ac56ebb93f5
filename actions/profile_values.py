"""The values of the learner profile's wishes, defined once in ``data/profile.yml``: the goals,
the catalogue's subjects (id -> label), the levels and the deliveries.

The NLU, the profile form and the course store all read them from here; the subjects' one-word
names in the learner's words come from the NLU's subject phrases (:func:`subject_words`). The
files are read on first use (cached): the module-level names are read-only views that read
it the first time they are looked into, so importing this module (or
:mod:`actions.store.models`) reads nothing. No SQLAlchemy here, so the NLU can import it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, overload

import yaml

from actions.phrases import load_yaml

PROFILE_PATH = Path(__file__).resolve().parents[1] / "data" / "profile.yml"
#: The subjects in the learner's words (subject id -> phrases); the NLU reads the same file.
SUBJECT_PHRASES_PATH = PROFILE_PATH.parent / "vocab" / "nlu" / "subjects.yml"
#: The slots (domain.yml) that hold the learner's wishes about the courses, in the order the
#: form and the evaluation list them. The NLU emits an entity of the same name for each.
WISH_SLOTS: tuple[str, ...] = (
    "goal",
    "subject",
    "budget",
    "hours_per_week",
    "max_weeks",
    "level",
    "credit_bearing",
    "delivery",
)
#: The ways a learner can change the list just shown, in the order they are applied and
#: reported: the NLU's ``refinement`` entity values (phrases in ``data/vocab/refinements.yml``),
#: applied by ``actions/refine.py``. "lighter" is fewer hours a week, "shorter" fewer weeks.
REFINEMENTS: tuple[str, ...] = ("free", "cheaper", "shorter", "lighter", "credit", "online")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class ProfileValues:
    goals: tuple[str, ...]
    subjects: dict[str, str]  # id -> label shown to learners, in the file's order
    levels: tuple[str, ...]  # lowest first
    deliveries: tuple[str, ...]


@lru_cache(maxsize=2)
def profile_values(path: Path = PROFILE_PATH) -> ProfileValues:
    """The checked contents of ``data/profile.yml``; errors name the file and the entry."""
    try:
        raw = load_yaml(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot be read: {exc}") from exc
    expected = {"goals", "subjects", "levels", "deliveries"}
    if set(raw) != expected:
        raise ValueError(f"{path}: expected exactly the keys {sorted(expected)}, got {sorted(raw)}")
    subjects = raw["subjects"]
    if not isinstance(subjects, dict) or not subjects:
        raise ValueError(f"{path}: subjects must be a mapping of id -> label")
    for sid, label in subjects.items():
        _check_id(sid, f"{path}: subjects[{sid!r}]")
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"{path}: subjects[{sid}] has no label (got {label!r})")
    return ProfileValues(
        goals=_ids(raw["goals"], f"{path}: goals"),
        subjects=dict(subjects),
        levels=_ids(raw["levels"], f"{path}: levels"),
        deliveries=_ids(raw["deliveries"], f"{path}: deliveries"),
    )


@lru_cache(maxsize=2)
def subject_words(path: Path = SUBJECT_PHRASES_PATH) -> dict[str, str]:
    """The one-word phrases of the subjects in the learner's words ("nursing" ->
    health-social-care), lower case; errors name the file and the entry."""
    try:
        raw = load_yaml(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot be read: {exc}") from exc
    phrases = raw.get("phrases")
    if not isinstance(phrases, dict):
        raise ValueError(f"{path}: phrases must be a mapping of subject id -> phrases")
    known = profile_values().subjects
    words: dict[str, str] = {}
    for sid, listed in phrases.items():
        if sid not in known:
            raise ValueError(f"{path}: phrases[{sid!r}] is not a subject of {PROFILE_PATH}")
        if not isinstance(listed, list):
            raise ValueError(f"{path}: phrases[{sid}] must be a list")
        for phrase in listed:
            if isinstance(phrase, str) and phrase.strip() and " " not in phrase.strip():
                words.setdefault(phrase.strip().lower(), sid)
    return words


def _ids(items: Any, where: str) -> tuple[str, ...]:
    if not isinstance(items, list) or not items:
        raise ValueError(f"{where} must be a non-empty list")
    for i, item in enumerate(items):
        _check_id(item, f"{where}[{i}]")
    if len(set(items)) != len(items):
        raise ValueError(f"{where} lists a value twice")
    return tuple(items)


def _check_id(value: Any, where: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(
            f"{where} = {value!r} is not a lower-case id (quote it if YAML misread it)"
        )


class _Names(Sequence[str]):
    """A read-only tuple from ``data/profile.yml``, read when first looked into."""

    def __init__(self, field: str) -> None:
        self._field = field

    def _values(self) -> tuple[str, ...]:
        values: tuple[str, ...] = getattr(profile_values(), self._field)
        return values

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self._values()[index]

    def __len__(self) -> int:
        return len(self._values())

    def __iter__(self) -> Iterator[str]:
        return iter(self._values())

    def __contains__(self, value: object) -> bool:
        return value in self._values()

    def __repr__(self) -> str:
        return repr(self._values())


class _SubjectLabels(Mapping[str, str]):
    """The subjects of ``data/profile.yml`` (id -> label), read when first looked into."""

    def __getitem__(self, subject_id: str) -> str:
        return profile_values().subjects[subject_id]

    def __iter__(self) -> Iterator[str]:
        return iter(profile_values().subjects)

    def __len__(self) -> int:
        return len(profile_values().subjects)

    def __repr__(self) -> str:
        return repr(profile_values().subjects)


#: Why the learner studies.
GOALS: Sequence[str] = _Names("goals")
#: The catalogue's 22 subject ids, with the label shown to learners.
SUBJECTS: Mapping[str, str] = _SubjectLabels()
#: Study levels, lowest first.
LEVELS: Sequence[str] = _Names("levels")
#: How a course is taught.
DELIVERIES: Sequence[str] = _Names("deliveries")

__all__ = [
    "DELIVERIES",
    "GOALS",
    "LEVELS",
    "PROFILE_PATH",
    "SUBJECTS",
    "ProfileValues",
    "profile_values",
    "subject_words",
]
