"""How well each course suits each goal, scored once at import (``Course.rank_*``), so a
search orders by an indexed column instead of scoring courses each time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from actions.store.models import CREDIT_CREDENTIALS, Course

CAREER_CREDENTIALS = frozenset(
    {"professional-certificate", "experttrack", "microcredential", "nanodegree"}
)


def rank_scores(course: Mapping[str, Any]) -> dict[str, float]:
    """Goal scores for one course, higher is better; stored in ``Course.rank_*``.

    ``course`` holds the typed catalogue fields plus ``cost_gbp``, ``weekly_hours``
    and ``credit_bearing``. Every goal starts from how complete the facts are, so
    courses with a known cost and length come first among equals.
    """
    cost = course.get("cost_gbp")
    weeks = course.get("duration_weeks")
    weekly = course.get("weekly_hours")
    total_hours = course.get("hours_total")
    if total_hours is None and weeks is not None and weekly is not None:
        total_hours = weeks * weekly
    credential = course.get("credential_type") or ""
    level = course.get("level")
    cpd = bool(course.get("cpd_accredited"))
    credit_bearing = bool(course.get("credit_bearing"))
    has_partner = bool(course.get("partner"))
    evidence = str(course.get("evidence_level") or "")

    base = 0.5 * (cost is not None) + 0.5 * (weeks is not None) + 0.25 * (weekly is not None)

    best = (
        base
        + 0.5 * bool(course.get("description"))
        + 0.5 * evidence.startswith("A_")
        + 0.5 * cpd
        + 0.5 * credit_bearing
    )
    upskill = base + 2.0 * cpd + 0.5 * has_partner
    if weeks is not None:
        upskill += 1.5 if weeks <= 6 else 0.5 if weeks <= 12 else 0.0
    if weekly is not None and weekly <= 5:
        upskill += 0.5
    if credential in ("experttrack", "professional-certificate", "microcredential"):
        upskill += 1.0

    # A career change needs substance: a career credential, then more study hours.
    career = base + 0.5 * has_partner + 0.25 * cpd
    if credential in CAREER_CREDENTIALS:
        career += 3.0
    elif credential in ("micromasters", "microbachelors"):
        career += 2.0
    if total_hours is not None:
        career += min(float(total_hours), 150.0) / 30.0

    explore = base + 1.0 * (level == "introductory") + 1.0 * (credential == "short-course")
    if weeks is not None:
        explore += 2.0 if weeks <= 2 else 1.5 if weeks <= 4 else 0.5 if weeks <= 6 else 0.0
    if cost is not None:
        explore += (
            2.0
            if cost == 0
            else 1.5
            if cost <= 30
            else 1.0
            if cost <= 60
            else 0.5
            if cost <= 100
            else 0.0
        )
    if weekly is not None and weekly <= 3:
        explore += 0.5

    further = base + 3.0 * credit_bearing + 1.0 * (course.get("credits") is not None)
    further += {"postgraduate": 1.5, "undergraduate": 1.0}.get(level or "", 0.0)
    if credential in CREDIT_CREDENTIALS or credential == "microcredential":
        further += 1.0

    return {
        "rank_best": round(best, 3),
        "rank_upskill": round(upskill, 3),
        "rank_career_change": round(career, 3),
        "rank_explore": round(explore, 3),
        "rank_further_study": round(further, 3),
    }


RANK_COLUMN = {
    None: Course.rank_best,
    "upskill": Course.rank_upskill,
    "career_change": Course.rank_career_change,
    "explore": Course.rank_explore,
    "further_study": Course.rank_further_study,
}


__all__ = ["CAREER_CREDENTIALS", "RANK_COLUMN", "rank_scores"]
