"""Credit-bearing courses in the catalogue: the least study that leads to credit (for
impossible wishes) and every course that states its credit (for stacking plans).

"Postgraduate credit in under 4 weeks" cannot be met: the reply says how small the
smallest credit-bearing course is, from the catalogue, not from a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from actions.store.models import Course


@dataclass(frozen=True)
class CreditFloor:
    credits: float
    credit_scheme: str | None
    duration_weeks: float | None
    title: str


def smallest_credit_course(session: Session, level: str | None = None) -> CreditFloor | None:
    """The credit-bearing course with the fewest credits (then the shortest), at ``level``
    when given (``introductory``, ``undergraduate``, ``postgraduate``)."""
    query = select(Course).where(Course.credit_bearing.is_(True), Course.credits > 0)
    if level is not None:
        query = query.where(Course.level == level)
    # Compared in UK credits: 10 ECTS (20 UK credits) is more than 15 CATS credits.
    uk_credits = case((Course.credit_scheme == "ECTS", Course.credits * 2), else_=Course.credits)
    query = query.order_by(
        uk_credits, Course.duration_weeks.is_(None), Course.duration_weeks, Course.id
    ).limit(1)
    course = session.execute(query).scalars().first()
    if course is None or course.credits is None:
        return None
    return CreditFloor(
        float(course.credits), course.credit_scheme, course.duration_weeks, course.title
    )


def credit_courses_within(
    session: Session,
    level: str | None,
    max_weeks: float | None,
    hours_per_week: float | None,
) -> int:
    """How many credit-bearing courses (at ``level``) fit the learner's time wishes."""
    query = select(func.count()).select_from(Course).where(Course.credit_bearing.is_(True))
    if level is not None:
        query = query.where(Course.level == level)
    if max_weeks is not None:
        query = query.where(Course.duration_weeks <= float(max_weeks))
    if hours_per_week is not None:
        query = query.where(Course.weekly_hours <= float(hours_per_week))
    return int(session.execute(query).scalar_one())


def credit_bearing_courses(session: Session) -> list[Course]:
    """Every course that leads to academic credit and states how much."""
    query = select(Course).where(Course.credit_bearing.is_(True), Course.credits > 0)
    return list(session.execute(query.order_by(Course.id)).scalars())
