"""Tests for nlu.evaluate_context (a scripted conversation stands in for the servers)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from nlu.evaluate_context import (
    DEFAULT_DATA,
    QUESTIONS,
    Answer,
    converse,
    format_errors,
    format_summary,
    judge,
    load_answers,
    main,
    opening,
    summarise,
    times_asked,
)


def test_the_independent_answers_load_and_cover_every_question():
    answers = load_answers(DEFAULT_DATA)
    assert len(answers) == 510
    counts = Counter(a.question for a in answers)
    assert set(counts) == set(QUESTIONS)
    assert min(counts.values()) >= 150
    assert any(a.open for a in answers)


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("version: 1\n", "'answers' list"),
        ("answers:\n  - {question: level, text: hi}\n", "unknown question"),
        ("answers:\n  - {question: goal, text: x, slots: {goal: promotion}}\n", "goal="),
        ("answers:\n  - {question: goal, text: x, slots: {colour: red}}\n", "unknown slot"),
        ("answers:\n  - {question: goal, text: x, slots: {goal: upskill}, open: true}\n", "open"),
        ("answers:\n  - {question: goal, text: ''}\n", "no text"),
    ],
)
def test_load_answers_rejects_bad_labels(tmp_path, yaml_text, message):
    path = tmp_path / "answers.yml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_answers(path)


def test_openings_get_each_question_asked_without_the_answers_own_values():
    assert opening(Answer("goal", "x")) == "/find_course"
    assert opening(Answer("subject", "x")) == '/find_course{"goal":"upskill"}'
    assert opening(Answer("subject", "x", {"goal": "upskill"})) == '/find_course{"goal":"explore"}'
    assert (
        opening(Answer("refinements", "x", {"subject": "business-management"}))
        == '/find_course{"goal":"upskill","subject":"marketing"}'
    )


def test_times_asked_reads_the_asked_slot():
    assert times_asked({"asked": "goal:2"}, "goal") == 2
    assert times_asked({"asked": "subject:1"}, "goal") == 0
    assert times_asked({}, "goal") == 0


def test_judge_wants_the_labelled_values_and_no_other_wish_changed():
    before = {"goal": "upskill", "budget": None}
    answer = Answer("refinements", "£200, beginner", {"budget": 200, "level": "introductory"})
    after = {"goal": "upskill", "budget": 200.0, "level": "introductory"}
    assert judge(answer, before, after) == {}
    assert judge(answer, before, {**after, "goal": "career_change"}) == {
        "goal": ["upskill", "career_change"]
    }
    assert judge(answer, before, {**after, "budget": None}) == {"budget": [200, None]}
    assert judge(answer, before, {**after, "hours_per_week": 3.0}) == {
        "hours_per_week": [None, 3.0]
    }


class Script:
    """A fake conversation: each message moves the form to the next (requested, asked) state."""

    def __init__(self, states: list[dict[str, Any]]) -> None:
        self.states = states
        self.sent: list[str] = []

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        self.sent.append(message)
        return [{"text": f"reply {len(self.sent)}"}]

    def slots_of(self, sender: str) -> dict[str, Any]:
        return self.states[min(len(self.sent), len(self.states)) - 1]


def test_an_answer_with_slots_is_read_when_its_slots_are_set():
    script = Script(
        [
            {"requested_slot": "goal", "asked": "goal:1"},
            {"requested_slot": "subject", "asked": "subject:1", "goal": "career_change"},
        ]
    )
    answer = Answer("goal", "sick of retail", {"goal": "career_change"})
    outcome = converse(script.say, script.slots_of, answer, "s")
    assert script.sent == ["/find_course", "sick of retail"]
    assert outcome.asked and outcome.read and outcome.moved_on


def test_an_opening_that_asks_something_else_is_not_scored_as_read():
    script = Script([{"requested_slot": "refinements_done"}])
    outcome = converse(script.say, script.slots_of, Answer("goal", "x", {"goal": "explore"}), "s")
    assert not outcome.asked and not outcome.read


def test_an_open_answer_may_be_asked_twice_but_not_three_times():
    moved_on_second_time = Script(
        [
            {"requested_slot": "goal", "asked": "goal:1"},
            {"requested_slot": "goal", "asked": "goal:2"},
            {"requested_slot": "subject", "asked": "subject:1", "goal": "any"},
        ]
    )
    outcome = converse(
        moved_on_second_time.say,
        moved_on_second_time.slots_of,
        Answer("goal", "dunno", open=True),
        "s",
    )
    assert outcome.read and not outcome.moved_on and outcome.asks == 2
    assert moved_on_second_time.sent == ["/find_course", "dunno", "dunno"]

    asked_again = Script(
        [
            {"requested_slot": "goal", "asked": "goal:1"},
            {"requested_slot": "goal", "asked": "goal:2"},
            {"requested_slot": "goal", "asked": "goal:3"},
        ]
    )
    outcome = converse(
        asked_again.say, asked_again.slots_of, Answer("goal", "dunno", open=True), "s"
    )
    assert not outcome.read and outcome.asks == 3


def test_summary_and_errors_are_printed_per_question():
    read = Script(
        [
            {"requested_slot": "goal", "asked": "goal:1"},
            {"requested_slot": "subject", "goal": "explore"},
        ]
    )
    missed = Script([{"requested_slot": "goal", "asked": "goal:1"}, {"requested_slot": "subject"}])
    outcomes = [
        converse(read.say, read.slots_of, Answer("goal", "curious", {"goal": "explore"}), "a"),
        converse(missed.say, missed.slots_of, Answer("goal", "promo", {"goal": "upskill"}), "b"),
    ]
    rows = summarise(outcomes)
    assert [r.question for r in rows] == ["goal", "subject", "refinements", "all"]
    assert rows[0].read == 1 and rows[0].asked == 2 and rows[-1].rate == 0.5
    assert "goal" in format_summary(rows)
    assert "'promo': goal: expected 'upskill', got None" in format_errors(outcomes, 10)


def test_main_refuses_a_missing_model(tmp_path, capsys):
    assert main(["--model", str(tmp_path / "none.tar.gz")]) == 2
    assert "no model" in capsys.readouterr().err
