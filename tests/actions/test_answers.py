"""Answer first: kept values are read only as the answer to the question the form asked."""

from __future__ import annotations

from typing import Any

import pytest

from actions.answers import (
    ANSWER_ROLE,
    answer_values,
    asks,
    asks_a_question,
    asks_about_the_course_shown,
    inferred_only,
    said,
    said_outright,
)


def _kept(**values: Any) -> list[dict[str, Any]]:
    return [{"entity": k, "value": v, "role": ANSWER_ROLE} for k, v in values.items()]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("how many credits is a masters?", True),
        ("What's a microcredential?", True),
        ("is there anything free?", True),
        ("12 weeks is my limit?", False),
        ("how many credits is a masters", False),  # no question mark: may be an answer
        ("two grand tops", False),
    ],
)
def test_a_question_opens_and_ends_like_one(text: str, question: bool) -> None:
    assert asks_a_question(text) is question


@pytest.mark.parametrize(
    ("text", "about_it"),
    [
        ("Is it a live class with a lecturer at a set time, or do I work through it?", True),
        ("does that one have an exam", True),
        ("are they all 2 weeks??", True),
        ("what languages do ye actually have then, just the main ones", False),
        ("is there anything on Python?", False),
        ("it is for my job", False),
    ],
)
def test_a_yes_no_question_about_the_course_shown(text: str, about_it: bool) -> None:
    assert asks_about_the_course_shown(text) is about_it


def test_a_kept_value_answers_only_its_own_question() -> None:
    entities = _kept(budget=2000.0)
    assert answer_values(entities, "two grand tops", "refinements_done") == {"budget": 2000.0}
    assert answer_values(entities, "two grand tops", "goal") == {}
    assert answer_values(entities, "two grand tops", None) == {}


def test_an_answer_brings_its_other_kept_wishes() -> None:
    entities = _kept(goal="upskill", max_weeks=6.0)
    assert answer_values(entities, "Upskill. Max 6 weeks", "goal") == {
        "goal": "upskill",
        "max_weeks": 6.0,
    }


def test_a_question_is_not_read_as_an_answer() -> None:
    entities = _kept(credit_bearing=True)
    text = "how many credits do I need for a masters?"
    assert answer_values(entities, text, "refinements_done") == {}


def test_values_said_outright_are_not_kept_ones() -> None:
    outright = {"entity": "budget", "value": 100.0}
    entities = [outright, *_kept(level="introductory")]
    assert said(entities) == [outright]
    assert answer_values([outright], "under £100", "refinements_done") == {}


@pytest.mark.parametrize(
    ("entity", "outright"),
    [
        ({"entity": "goal", "value": "career_change", "confidence": 0.95}, True),
        ({"entity": "goal", "value": "further_study", "confidence": 0.55}, False),
        (
            {
                "entity": "goal",
                "value": "explore",
                "confidence": 0.97,
                "extractor": "GoalClassifier",
            },
            False,
        ),
    ],
)
def test_a_learned_guess_is_never_said_outright(entity: dict[str, Any], outright: bool) -> None:
    assert said_outright(entity) is outright
    assert inferred_only([entity], "goal") is not outright
    assert inferred_only([entity], "subject") is False  # not given at all


def test_the_guessing_extractor_is_the_goal_classifiers_name() -> None:
    from actions.answers import GUESSING_EXTRACTORS
    from nlu.goal_classifier import GoalClassifier

    assert GoalClassifier.__name__ in GUESSING_EXTRACTORS


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("não tem nada de japonês mesmo?? 😭", True),
        ("any free ones? 🙏🏽", True),
        ("is the chef one online?👩‍🍳", True),
        ("ok 👍", False),
    ],
)
def test_emoji_after_the_question_mark_still_ask(text: str, asked: bool) -> None:
    assert asks(text) is asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("forget photography, what about pottery? my wife does it. we have a kiln", True),
        ("ok thanks? that's all", True),
        ("I'm 40?! and still learning", False),  # no sentence ends with the mark alone
        ("pottery please. evenings", False),
    ],
)
def test_a_sentence_ending_with_a_question_mark_inside_a_message_asks(
    text: str, asked: bool
) -> None:
    assert asks(text) is asked
