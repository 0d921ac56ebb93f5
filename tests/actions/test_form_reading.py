"""How the profile form reads a message: skips, vague answers, list questions, topics."""

from __future__ import annotations

from actions.form_reading import (
    asks_for_a_list,
    gives_up,
    searchable_topic,
    skips_subject,
    states_a_concrete_wish,
)
from tests.actions.conftest import make_tracker

BUDGET = {"entity": "budget", "value": 50}


def test_a_searchable_topic_has_specific_words() -> None:
    assert searchable_topic("kubernetes")
    assert not searchable_topic("IT")
    assert not searchable_topic(None)


def test_a_skip_gives_up_the_question_asked_and_no_other() -> None:
    asked = {"requested_slot": "goal"}
    assert gives_up(make_tracker("skip", intent="skip", slots=asked), "goal")
    assert not gives_up(make_tracker("skip", intent="skip", slots=asked), "subject")
    # a question about credit interrupts the question; it does not leave it open
    assert not gives_up(make_tracker("what is a credit?", intent="ask_credit", slots=asked), "goal")


def test_a_skip_with_a_wish_answers_another_question() -> None:
    plain = make_tracker("skip", intent="skip")
    assert skips_subject(plain)
    with_budget = make_tracker("skip, under £50", intent="skip", entities=[BUDGET])
    assert states_a_concrete_wish(with_budget)
    assert not skips_subject(with_budget)


def test_a_list_question_before_any_list_asks_for_one() -> None:
    question = "how long is the first one?"
    assert asks_for_a_list(make_tracker(question, intent="course_details"))
    shown = {"last_results": ["x"]}
    assert not asks_for_a_list(make_tracker(question, intent="course_details", slots=shown))
