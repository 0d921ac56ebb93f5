"""An amount taken back and said again: the later one is meant."""

from __future__ import annotations

import pytest

from nlu.extraction import as_dict, extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Courses under £200... actually no, £150, the wife'll kill me.", {"budget": 150}),
        ("£300, no wait, make it £450. And 4 hours a week.", {"budget": 450, "hours_per_week": 4}),
        ("around 4 hours a week, actually make that 6, my rota changes", {"hours_per_week": 6}),
        ("10 HOURS IN WEEK, EVENINGS. WAIT, SATURDAY ALSO, SO 14.", {"hours_per_week": 14}),
        (
            "about 3 hours a week, maybe 4 in the school holidays, so let's say 4?",
            {"hours_per_week": 4},
        ),
        ("I can do 6 weeks max, wait, make it 8", {"max_weeks": 8}),
        # in the learner's language, and after a summary ("so 5 hours a week")
        ("unas 6 horas por semana, no, mejor 8, y máximo 10 semanas", {"hours_per_week": 8}),
        (
            "shifts of 8 hours, so 5 hours a week for study, não, espera, make it 3",
            {"hours_per_week": 3},
        ),
        # more ways to take an amount back
        ("six hours a week, no - 5, the kids need me", {"hours_per_week": 5}),
        ("no longer than 2 months, sorry, 3 months", {"max_weeks": 12}),
        ("£500 or so, no, let us stay with £400", {"budget": 400}),
        ("7 hours a week, no, let's say 5 because of the farm", {"hours_per_week": 5}),
        ("3 hrs on a good week, say 4 a week max", {"hours_per_week": 4}),
        ("5 hours a week... no, make it 4", {"hours_per_week": 4}),
    ],
)
def test_the_amount_after_a_correction_is_meant(text: str, expected: dict) -> None:
    found = as_dict(extract(text))
    assert {key: found.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number of something else after the cue corrects nothing.
        ("£300 budget. Actually, I have 2 kids so 5 hours a week", {"budget": 300}),
        ("5 hours a week, actually I have 3 kids.", {"hours_per_week": 5}),
        # A bare number belongs to the wish said just before it, not one of another line.
        (
            "Budget: about forty quid. Hours: fewer than my editor thinks I have. Call it three.",
            {"budget": 40},
        ),
        # "make it" is no income: "I make £2000 a month" still is.
        ("I make £2000 a month, can spend £100", {"budget": 100}),
    ],
)
def test_what_is_not_a_correction_changes_nothing(text: str, expected: dict) -> None:
    found = as_dict(extract(text))
    assert {key: found.get(key) for key in expected} == expected


def test_a_goal_taken_back_gives_way_to_the_one_after() -> None:
    text = "Upskill - no wait, actually I want to move out of HR completely. Career change."
    assert as_dict(extract(text))["goal"] == "career_change"
    assert as_dict(extract("I want to change career, actually I mean get promoted"))["goal"] == (
        "upskill"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range said as "X, maybe Y" counts by its top
        ("10 hours a week no problem, maybe 12", {"hours_per_week": 12}),
        ("£80, perhaps £100 for a really good one", {"budget": 100}),
        # a lower amount after "maybe" is no top of a range
        ("8 hours a week, maybe 6 in winter", {"hours_per_week": 8}),
        # nor is one in another sentence or after another label
        ("Budget: £0, honestly. Hours: maybe 3 a week.", {"budget": 0, "hours_per_week": 3}),
    ],
)
def test_a_higher_amount_after_maybe_is_the_top_of_a_range(text: str, expected: dict) -> None:
    found = as_dict(extract(text))
    assert {key: found.get(key) for key in expected} == expected
