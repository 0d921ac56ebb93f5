"""Typo correction of subject words (nlu/extraction/subject_index.py) with rapidfuzz."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nlu.extraction import as_dict, extract
from nlu.extraction.subject_index import _edits, fuzzy_correct

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("pyhton", "python"),  # short word: a swap of neighbours only
        ("nursign", "nursing"),
        ("accountancyy", "accountancy"),  # a letter too many
        ("physotheropy", "physiotherapy"),  # 12 letters and more: two edits
    ],
)
def test_typo_is_corrected(typed: str, meant: str) -> None:
    assert fuzzy_correct(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "pythom",  # short words: a changed letter is not a typo
        "nurrsign",  # two edits on a word under 12 letters
        "python",  # a vocabulary word itself
        "ython",  # the first letter must match
    ],
)
def test_not_a_typo(typed: str) -> None:
    assert fuzzy_correct(typed) is None


def test_swap_of_neighbours_counts_once() -> None:
    # optimal string alignment: "accoutnancy" is one edit from "accountancy", not two
    assert _edits("accoutnancy", "accountancy") == 1
    assert _edits("acocutnancy", "accountancy") is None  # two edits, 11 letters


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        # one edit from both "analysis" and "analyst": a missing letter beats a changed one
        ("analysi", "analysis"),
        ("analyss", "analysis"),
        ("analysit", "analyst"),  # a letter too many beats a changed one
        ("analytis", "analytics"),
        # one missing letter from both: the one more phrases use, then alphabetical
        ("journalis", "journalism"),
    ],
)
def test_equally_close_candidates_are_chosen_by_rule(typed: str, meant: str) -> None:
    assert fuzzy_correct(typed) == meant


def test_choice_does_not_depend_on_hash_seed() -> None:
    code = (
        "from nlu.extraction.subject_index import fuzzy_correct\n"
        "print([fuzzy_correct(t) for t in ('analysi', 'analyss', 'journalis', 'analytis')])"
    )
    answers = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "2", "3")
    }
    assert len(answers) == 1


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # "teaches" is a word never corrected, also once normalised ("teache" ~ "teacher")
        ("is there a course that teaches you the exercises", None),
        ("who teaches the second one?", None),
        ("I want to teach english abroad", "teaching-education"),
    ],
)
def test_a_word_never_corrected_stays_so_after_normalising(text: str, subject: str | None) -> None:
    assert as_dict(extract(text)).get("subject") == subject
