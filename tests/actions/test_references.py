"""The learner names a course of the last list by a quality or a name."""

from __future__ import annotations

import pytest

from actions.references import referenced_ids, unmatched_name, unmatched_names
from actions.store.search import Recommendation
from tests.actions.conftest import make_recommendation


def _course(cid: str, title: str, provider: str, cost: float, weeks: float) -> Recommendation:
    return make_recommendation(
        id=cid,
        title=title,
        provider=provider,
        credential_type="short-course",
        level=None,
        duration_weeks=weeks,
        price=cost,
        price_model="one-off",
        cost_gbp=cost,
    )


COURSES = [
    _course("a", "Introduction to Cyber Security", "The Open University", 0.0, 8),
    _course("b", "UX Design Fundamentals", "University of Leeds", 300.0, 4),
    _course("c", "Data Analysis with Python", "Coursera", 120.0, 12),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tell me more about the cheaper one", ["a"]),
        ("the most expensive one?", ["b"]),
        ("the shortest", ["b"]),
        ("the OU one", ["a"]),
        ("what about the cyber one", ["a"]),
        ("the python course", ["c"]),
        ("tell me more", []),
    ],
)
def test_courses_named_by_quality_or_name(text, expected) -> None:
    assert referenced_ids(text, COURSES) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok the pivot one. how long", "pivot"),
        ("is the Glasgow course online?", "glasgow"),
        ("what about the cyber one", None),
        ("the OU one", None),
        ("the other one", None),
        ("tell me about the first one", None),
        ("how long is it", None),
    ],
)
def test_a_name_no_course_of_the_list_has(text, expected) -> None:
    assert unmatched_name(text, COURSES) == expected


def test_courses_named_one_by_one_each_pick_their_best_fit() -> None:
    courses = [
        _course("w", "How to Pass IELTS: Writing", "Sentinel", 64.0, 6),
        _course("s", "Improve your IELTS Speaking score", "Macquarie University", 21.0, 2),
        _course("x", "Discovering Science: Science Writing", "University of Leeds", 21.0, 4),
    ]
    # "writing" fits two courses: the higher in the list is meant, not the whole list
    text = "please save the writing course and the speaking course"
    assert referenced_ids(text, courses) == ["w", "s"]
    assert referenced_ids("the science writing one and the speaking one", courses) == ["x", "s"]


def test_names_the_list_does_not_fit_pick_nothing() -> None:
    courses = [
        _course("e", "Learn English Through TV Drama", "Chasing Time", 12.0, 4),
        _course("i", "Intellectual Property Management in the Food Sector", "EIT Food", 21.0, 4),
    ]
    # one word of three ("food") is no fit: nothing is picked, so nothing is saved by mistake
    text = "save the launch one and the food safety and hygiene one for me"
    assert referenced_ids(text, courses) == []
    assert unmatched_name(text, courses) == "launch"


def test_each_name_the_list_lacks_is_reported_even_beside_one_it_has() -> None:
    """ "compare the cyber one and the risk assessment one": the cyber one is listed, the
    risk assessment one is not, and that is said (not compared with another course)."""
    text = "compare the cyber one and the risk assessment one"
    assert unmatched_names(text, COURSES) == ["risk assessment"]
    assert unmatched_names("save the ux one and the python course", COURSES) == []


def test_a_quoted_name_of_several_words_is_read_whole() -> None:
    text = "how does that compare with the 'working in the french-speaking world' one?"
    assert unmatched_names(text, COURSES) == ["french speaking world"]


def test_a_name_whose_word_every_course_shares_picks_the_one_with_most_of_it() -> None:
    courses = [
        _course("a", "Discovering Science: Atmospheric Chemistry", "University of Leeds", 21, 3),
        _course("m", "Discovering Science: Medicinal Chemistry", "University of Leeds", 21, 3),
        _course("b", "Building Products and Chemistry", "Parsons", 21, 4),
    ]
    assert referenced_ids("Details on the medicinal chemistry one please", courses) == ["m"]
    assert referenced_ids("is the chemistry one online?", courses) == []


def test_a_demonstrative_is_no_name() -> None:
    text = "What is the difference between this one and the UX one? Which is better"
    assert unmatched_names(text, COURSES) == []
    assert referenced_ids(text, COURSES) == ["b"]


def test_plural_and_intro_names() -> None:
    # "the 2 universiti malaya ones" names courses the list lacks: said, never the list saved
    assert unmatched_names("ok save the 2 universiti malaya ones", COURSES) == ["universiti malaya"]
    # "intro" names the introduction course ("save the ux one and the intro one")
    assert referenced_ids("save the ux one and the intro one", COURSES) == ["b", "a"]
