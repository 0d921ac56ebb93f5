"""Subjects without a database: ids, labels and "did you mean" suggestions."""

from __future__ import annotations

import pytest

from actions.profile_values import subject_words
from actions.store.subjects import closest_subjects, subject_label


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("data-science-ai", "data-science-ai"),
        ("Data science and AI", "data-science-ai"),
        ("data", "data-science-ai"),
        ("AI", "data-science-ai"),
        ("cyber", "cybersecurity"),
        ("nursing", "health-social-care"),
        ("helth", "health-social-care"),
        ("leadrship", "leadership"),
        ("python coding", "computing-it"),
        ("photo", "photography-media"),
    ],
)
def test_closest_subjects(text: str, first: str) -> None:
    found = closest_subjects(text)
    assert found[0] == first and len(found) <= 3


def test_every_everyday_subject_word_finds_its_subject_first() -> None:
    words = {w: sid for w, sid in subject_words().items() if w.isalpha()}
    assert len(words) > 300
    wrong = {
        w: closest_subjects(w)[:1] for w, sid in words.items() if closest_subjects(w)[:1] != [sid]
    }
    assert not wrong


def test_closest_subjects_can_find_nothing() -> None:
    assert closest_subjects("xyz") == [] and closest_subjects("") == []


def test_a_label_for_every_id_and_the_id_for_an_unknown_one() -> None:
    assert subject_label("data-science-ai") == "Data science and AI"
    assert subject_label("astrology") == "astrology"
