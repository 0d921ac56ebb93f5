"""The stacking planner on the real catalogue (data/catalogue/courses.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from actions.knowledge.credit import RECOGNITION_CAVEAT
from actions.knowledge.planner import (
    PlanCourse,
    asks_for_plan,
    best_plan,
    describe_plan,
    target_award,
)

CSV = Path(__file__).resolve().parents[3] / "data" / "catalogue" / "courses.csv"


def _num(value: str) -> float | None:
    return float(value) if value else None


@pytest.fixture(scope="module")
def catalogue() -> list[PlanCourse]:
    with CSV.open(encoding="utf-8") as handle:
        return [
            PlanCourse(
                id=row["id"],
                title=row["title"],
                provider=row["provider"] or None,
                credits=float(row["credits"]),
                scheme=row["credit_scheme"] or "CATS",
                level=row["level"] or None,
                cost_gbp=_num(row["price"]) if row["currency"] == "GBP" else None,
                hours_total=_num(row["hours_total"]),
                subject=row["subject"],
            )
            for row in csv.DictReader(handle)
            if row["credits"]
        ]


def test_a_pg_certificate_plan_stacks_one_providers_postgraduate_modules(catalogue) -> None:
    plan = best_plan(catalogue, "PG Cert")
    assert plan is not None
    assert len({c.provider for c in plan.courses}) == 1
    assert {c.scheme for c in plan.courses} == {"ECTS"}
    assert {c.level for c in plan.courses} == {"postgraduate"}
    assert plan.total == 60 and plan.missing == 0
    text = describe_plan(catalogue, "PG Cert")
    assert text.startswith("A possible plan towards a PG Certificate (60 credits): 3 courses")
    assert "10 ECTS = 20 UK credits" in text
    assert "Together 60 UK credits" in text
    assert "about 600 hours of study" in text
    assert "may not be UK awards" in text
    assert "Stacking is never automatic" in text
    assert text.endswith(RECOGNITION_CAVEAT)


def test_a_masters_plan_says_what_is_missing(catalogue) -> None:
    text = describe_plan(catalogue, "master's")
    assert text.startswith("I can't make a full plan for a taught master's degree (180 credits)")
    assert "120 UK credits, so 60 would still be missing" in text


def test_an_honest_answer_when_the_subject_has_nothing(catalogue) -> None:
    text = describe_plan(
        catalogue, "PG Cert", subject="computing-it", subject_label="Computing and IT"
    )
    assert text.startswith("I can't plan a PG Certificate from the catalogue")
    assert "in Computing and IT" in text
    assert "needs 60 credits" in text


def test_undergraduate_courses_never_make_a_postgraduate_plan(catalogue) -> None:
    plan = best_plan(catalogue, "PG Cert")
    assert plan is not None
    assert all(c.level == "postgraduate" for c in plan.courses)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("I want a PG Cert eventually", True),
        ("how could I build up to 60 credits?", True),
        ("what is a PG Cert", False),
    ],
)
def test_asks_for_plan(text: str, asks: bool) -> None:
    assert asks_for_plan(text) is asks


def test_a_credit_target_without_an_award(catalogue) -> None:
    target = target_award("how could I build up to 60 credits?", postgraduate=True)
    assert target is not None and target.credits == 60 and target.postgraduate
    assert "Together 60 UK credits" in describe_plan(catalogue, target)
