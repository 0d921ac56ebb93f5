"""Courses named by their whole title inside a message (both backends)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from actions.store.titles import courses_titled_in


def test_a_whole_title_in_a_message_names_that_course(session: Session) -> None:
    said = "tell me more about INTRODUCTION TO SUSTAINABILITY — cuánto cuesta?"
    assert courses_titled_in(session, said) == ["mooc-fi-introduction-to-sustainability"]


def test_words_of_a_title_are_not_the_title(session: Session) -> None:
    assert courses_titled_in(session, "sustainability please, something introductory") == []
    assert courses_titled_in(session, "python") == []


def test_a_course_named_by_words_of_its_title(session: Session) -> None:
    """ "the star carr one", "the come rain or shine one" (both backends: LIKE)."""
    from actions.store.titles import courses_titled_with

    assert courses_titled_with(session, ["star", "carr"]) == [
        "fl-exploring-stone-age-archaeology-the-mysteries-of-s-university-of-york"
    ]
    assert len(courses_titled_with(session, ["weather"], limit=5)) > 1
    assert courses_titled_with(session, ["or", "of"]) == []  # no word long enough
