from __future__ import annotations

from sqlalchemy.orm import Session

from actions.store.credit_courses import credit_bearing_courses, smallest_credit_course


def test_the_smallest_credit_course_comes_from_the_catalogue(session: Session) -> None:
    floor = smallest_credit_course(session, "postgraduate")
    assert floor is not None and floor.credits > 0
    assert smallest_credit_course(session, None).credits <= floor.credits  # type: ignore[union-attr]


def test_credit_bearing_courses_all_state_their_credit(session: Session) -> None:
    courses = credit_bearing_courses(session)
    assert courses and all(c.credit_bearing and c.credits > 0 for c in courses)


def test_the_smallest_is_compared_in_uk_credits(session: Session) -> None:
    floor = smallest_credit_course(session, "postgraduate")
    assert floor is not None
    uk = floor.credits * (2 if floor.credit_scheme == "ECTS" else 1)
    assert uk <= 15  # the Open University's 15-credit postgraduate microcredentials
