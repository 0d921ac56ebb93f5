"""Why a course fits or not, in the words the bot shows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.store.models import Course
from actions.store.reasons import describe, missed_keys
from actions.store.results import LearnerProfile


def _priced(session: Session) -> Course:
    course = session.execute(
        select(Course).where(Course.cost_gbp > 50, Course.weekly_hours.isnot(None)).limit(1)
    ).scalar_one()
    return course


def test_a_met_budget_and_a_missed_one_are_said_with_the_numbers(session: Session) -> None:
    course = _priced(session)
    assert course.cost_gbp is not None
    fits = describe(course, LearnerProfile(budget_gbp=course.cost_gbp + 100))
    assert fits.meets_all and "within your £" in fits.why
    over = describe(course, LearnerProfile(budget_gbp=10))
    assert not over.meets_all and " — but " in over.why
    assert missed_keys(course, LearnerProfile(budget_gbp=10)) == ["budget"]


def test_without_wishes_the_why_names_the_credential_and_subject(session: Session) -> None:
    course = _priced(session)
    plain = describe(course)
    assert plain.why and plain.why[0].isupper()
    assert plain.reasons_missed == [] and plain.id == course.id
    assert plain.link  # a page or a labelled search on the platform
