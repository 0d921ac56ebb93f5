"""Goal scores computed at import: what each goal favours."""

from __future__ import annotations

from typing import Any

from actions.store.ranking import RANK_COLUMN, rank_scores

BASE: dict[str, Any] = {
    "cost_gbp": 40.0,
    "duration_weeks": 4.0,
    "weekly_hours": 3.0,
    "credential_type": "short-course",
    "level": "introductory",
}


def test_a_career_credential_ranks_higher_for_a_career_change() -> None:
    plain = rank_scores(BASE)
    career = rank_scores({**BASE, "credential_type": "professional-certificate"})
    assert career["rank_career_change"] > plain["rank_career_change"]


def test_credit_ranks_higher_for_further_study_and_a_free_taster_for_exploring() -> None:
    credit = rank_scores({**BASE, "credit_bearing": True, "credits": 15, "level": "postgraduate"})
    assert credit["rank_further_study"] > rank_scores(BASE)["rank_further_study"]
    free = rank_scores({**BASE, "cost_gbp": 0.0})
    assert free["rank_explore"] > rank_scores(BASE)["rank_explore"]


def test_unknown_facts_score_lower_for_every_goal() -> None:
    known = rank_scores(BASE)
    unknown = rank_scores({**BASE, "cost_gbp": None, "duration_weeks": None})
    assert all(unknown[k] < known[k] for k in known)


def test_every_goal_and_no_goal_has_a_column() -> None:
    assert set(RANK_COLUMN) == {None, "upskill", "career_change", "explore", "further_study"}
    assert set(rank_scores(BASE)) == {column.key for column in RANK_COLUMN.values()}
