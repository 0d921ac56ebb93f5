"""The language a course is taught in is asked about, never a topic or a subject."""

from __future__ import annotations

import pytest

from nlu.extraction import extract


def _read(text: str) -> dict[str, object]:
    return {e.entity: e.value for e in extract(text)}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("is the first one taught in Arabic?", "Arabic"),
        ("are the courses in portuguese?", "Portuguese"),
        ("the courses are in portuguese? and it count as horas complementares", "Portuguese"),
        ("Is there any discount, or some version in Arabic language?", "Arabic"),
        ("do they have spanish subtitles", "Spanish"),
        ("Is it available in French?", "French"),
        ("do you have it in French?", "French"),
        ("is the second one in English?", "English"),
        ("los cursos son en español?", "Spanish"),  # glossed "taught in Spanish"
    ],
)
def test_the_language_asked_for_is_no_topic(text: str, language: str) -> None:
    read = _read(text)
    assert read.get("taught_language") == language
    assert "topic" not in read and "subject" not in read


@pytest.mark.parametrize(
    "text",
    [
        "is there a course in Spanish?",  # as often Spanish to learn
        "I want a course in Spanish for my job",
        "Polish-English translation",
        "I must start giving my lectures in English next year",
        "Is Python in demand?",
    ],
)
def test_a_language_to_learn_or_a_job_is_not_asked_as_taught(text: str) -> None:
    assert "taught_language" not in _read(text)


def test_a_search_keeps_its_topic_beside_the_language() -> None:
    read = _read("Tienen cursos de emprendimiento en español?")
    assert read.get("topic") == "entrepreneurship"
    assert read.get("taught_language") == "Spanish"
