from __future__ import annotations

from sqlalchemy.orm import Session

from actions.store.credit_floor import smallest_credit_course


def test_the_smallest_credit_course_comes_from_the_catalogue(session: Session) -> None:
    floor = smallest_credit_course(session, "postgraduate")
    assert floor is not None and floor.credits > 0
    assert smallest_credit_course(session, None).credits <= floor.credits  # type: ignore[union-attr]
