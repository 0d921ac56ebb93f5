"""Title flags computed at import from the topic vocabulary (data/catalogue/topics.yml)."""

from __future__ import annotations

import pytest

from actions.store.topics import is_follow_on, is_starter_title, mentioned


@pytest.mark.parametrize(
    ("title", "starter"),
    [
        ("A Beginner's Guide to Scrum", True),
        ("Introduction to Cyber Security", True),
        ("Python BASICS for data analysis", True),
        ("Getting Started with Xero", True),
        ("Advanced Agile with Scrum and Kanban", False),
        ("Introductory Spanish", False),  # not one of the starter phrases
    ],
)
def test_a_first_course_is_known_by_its_title(title: str, starter: bool) -> None:
    assert is_starter_title(title) is starter


@pytest.mark.parametrize(
    ("title", "follow_on"),
    [
        ("Intermediate Spanish", True),
        ("Learn Spanish 4: Daily routines", True),
        ("Learn Spanish 1: Basics, meeting people and describing places", False),
    ],
)
def test_a_follow_on_course_is_known_by_its_title(title: str, follow_on: bool) -> None:
    assert is_follow_on(title) is follow_on


def test_the_longest_mention_in_a_title_is_named() -> None:
    group = ("startup", "start your own business")  # "startup" alone would find "Start"
    assert mentioned("Start Your Own Business: Your Idea", group) == "Start Your Own Business"
    assert mentioned("Introduction to Studying Business", group) is None


@pytest.mark.parametrize(
    ("title", "phrase", "said"),
    [
        ("Collaborative Coding with Git", "without", None),  # had been "with"
        ("Quality Control in Manufacturing", "content", None),  # had been "Control"
        ("Genetics and Genomics", "general", None),
        ("Climate Change: An Introduction", "ans", None),  # French "12 ans" stems as "an"
        (
            "Teaching English as a Foreign Language",
            "english as a foreign language",
            "English as a Foreign Language",
        ),
        ("Excel: Pivot Tables for All", "pivot table", "Pivot Tables"),
        ("History of the Country House", "countries", "Country"),
        ("Nurses in Practice", "nursing", "Nurses"),
        ("Kubernetes for Developers", "kubernet*", "Kubernetes"),  # an indexed stem
    ],
)
def test_a_mention_is_a_word_stemmed_alike(title: str, phrase: str, said: str | None) -> None:
    assert mentioned(title, (phrase,)) == said
