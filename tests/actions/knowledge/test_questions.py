"""Credit questions with numbers: read, computed, answered with the figure first."""

from __future__ import annotations

import pytest

from actions.knowledge.credit import RECOGNITION_CAVEAT
from actions.knowledge.questions import answer_question, award_size, read_question


@pytest.mark.parametrize(
    ("text", "courses", "award"),
    [
        ("I've done three 15-credit microcredentials", ((15, "CATS"),) * 3, None),
        ("3 x 15 credits towards a PG Cert", ((15, "CATS"),) * 3, "pg_certificate"),
        ("two courses of 20 credits each", ((20, "CATS"),) * 2, None),
        ("I have 10 ECTS and 15 UK credits", ((10, "ECTS"), (15, "CATS")), None),
        ("4 semester hours", ((4, "US"),), None),
        ("10 ECTS credits", ((10, "ECTS"),), None),
        ("480 SCQF credits for a Scottish honours degree", ((480, "SCQF"),), "bachelors"),
        ("how could I build up to 60 credits?", (), None),
    ],
)
def test_read_question(text: str, courses: tuple[tuple[float, str], ...], award: str) -> None:
    question = read_question(text)
    assert question.courses == courses
    assert question.award_key == award


def test_plain_credits_in_scotland_are_read_as_scqf() -> None:
    assert read_question("I study in Scotland and have 60 credits").courses == ((60, "SCQF"),)


@pytest.mark.parametrize(
    ("text", "start", "fragments"),
    [
        (
            "I've done three 15-credit microcredentials, how far am I from a PG Certificate?",
            "Adding up these 3 courses: 3 x 15 credits = 45 of the 60 credits for a PG "
            "Certificate (15 still to go).",
            ["at least 40 credits at FHEQ level 7", "I took 'credits' to mean UK (CATS)"],
        ),
        (
            "How many hours of study is 10 credits?",
            "10 credits is about 100 hours of study.",
            [],
        ),
        (
            "how many hours is 5 ECTS?",
            "5 ECTS is about 125–150 hours of study.",
            ["convention", "2 UK credits are about 20 hours"],
        ),
        (
            "what is 10 UK credits in ECTS",
            "10 credits = 5 ECTS.",
            ["convention for converting credit, not an equal amount of work"],
        ),
        (
            "I have 480 SCQF credits, is that enough for a Scottish honours degree?",
            "480 credits: exactly the 480 credits for a bachelor's degree with honours.",
            ["at least 90 credits at SCQF level 10", "That is the size in Scotland."],
        ),
        (
            "how many credits is 150 hours",
            "150 hours of study is about 15 UK credits",
            [],
        ),
        (
            "how many credits is an MRes?",
            "A research master's degree (MRes or MPhil) is not typically credit-rated",
            [],
        ),
        (
            "I have 10 undergraduate credits, do they count towards a PG Cert?",
            "10 credits is 10 of the 60 credits for a PG Certificate (50 still to go).",
            ["10 of these credits are undergraduate credits"],
        ),
        (
            "3 courses of 15 credits, how many hours is that",
            "3 courses of 15 credits make 45 credits, about 450 hours of study.",
            [],
        ),
    ],
)
def test_answer_starts_with_the_computed_figure(
    text: str, start: str, fragments: list[str]
) -> None:
    answer = answer_question(text)
    assert answer is not None
    assert answer.startswith(start)
    for fragment in fragments:
        assert fragment in answer
    assert answer.endswith(RECOGNITION_CAVEAT)


def test_the_calculator_refuses_slips_with_a_reason() -> None:
    assert "more than any UK award needs" in (answer_question("3 x 900 credits, masters?") or "")
    assert "too small" in (answer_question("how many hours is 0.001 credits") or "")


@pytest.mark.parametrize(
    "text", ["what is ECTS?", "how does stacking work", "", "how many hours is one credit"]
)
def test_nothing_to_compute_gives_none(text: str) -> None:
    assert answer_question(text) is None


def test_award_size_names_the_nation_or_asks() -> None:
    asked = award_size("bachelors", None)
    assert asked.startswith("It depends on where you study.")
    assert "Where are you studying?" in asked
    assert "ordinary degree) is 300 (at least 60 credits at FHEQ level 6)" in asked
    scotland = award_size("bachelors", "scotland")
    assert scotland.startswith("A bachelor's degree with honours is 480 credits in Scotland")
    assert "ordinary degree) is 360" in scotland
    assert award_size("pg_certificate", None).startswith(
        "A PG Certificate is 60 credits across the UK, with at least 40 credits at FHEQ level 7"
    )
