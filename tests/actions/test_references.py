"""The learner names a course of the last list by a quality or a name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from actions.references import referenced_ids
from actions.store.search import Recommendation


def _course(cid: str, title: str, provider: str, cost: float, weeks: float) -> Recommendation:
    base = Recommendation(
        id=cid,
        title=title,
        provider=provider,
        platform="FutureLearn",
        subject="x",
        subject_label="X",
        credential_type="short-course",
        level=None,
        duration_weeks=weeks,
        hours_per_week=None,
        weekly_hours=None,
        hours_total=None,
        price=cost,
        currency="GBP",
        price_model="one-off",
        price_as_of=None,
        cost_gbp=cost,
        cost_rule="",
        monthly_gbp=None,
        credits=None,
        credit_scheme=None,
        credit_level=None,
        credit_bearing=False,
        cpd_accredited=False,
        delivery="online",
        url=None,
        description=None,
    )
    return replace(base)


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
