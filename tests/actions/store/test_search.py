"""Recommendations from the real catalogue: filters, relaxing, ranking and look-ups."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.orm import Session

from actions.store.models import SUBJECTS
from actions.store.search import (
    LearnerProfile,
    ProfileError,
    get_course,
    get_courses,
    list_subjects,
    recommend,
    subject_ids,
)
from tests.actions.store.conftest import ROOT

README = (ROOT / "data" / "catalogue" / "README.md").read_text(encoding="utf-8")


def test_issue_acceptance_example(session: Session) -> None:
    profile = LearnerProfile(
        goal="career_change", subject="data-science-ai", budget_gbp=600, hours_per_week=6
    )
    result = recommend(session, profile)
    assert len(result.courses) == 3
    assert result.exact and result.relaxed == []
    assert result.total_matching >= 3
    for course in result.courses:
        assert course.subject == "data-science-ai"
        assert course.cost_gbp is not None and course.cost_gbp <= 600
        assert course.weekly_hours is not None and course.weekly_hours <= 6
        assert course.reasons_missed == []
        assert any("within your £600 budget" in r or r == "free" for r in course.reasons_met)
        assert any(re.fullmatch(r"needs [\d.]+ h/week, you have 6", r) for r in course.reasons_met)
        assert course.why and course.cost_rule
    # career change favours career credentials
    assert result.courses[0].credential_type in {
        "professional-certificate",
        "experttrack",
        "microcredential",
        "nanodegree",
    }
    assert "suits a career change" in result.courses[0].why


def test_impossible_profile_returns_labelled_near_misses(session: Session) -> None:
    profile = LearnerProfile(subject="cybersecurity", budget_gbp=0, max_weeks=1, credit_wanted=True)
    result = recommend(session, profile)
    assert not result.exact
    assert result.total_matching == 0
    assert result.courses, "near-misses, not nothing"
    assert result.relaxed and len(result.relaxed) == len(result.relaxed_keys)
    assert set(result.relaxed_keys) <= {"budget", "max_weeks", "credit"}
    assert any(m.startswith("budget (") for m in result.relaxed)
    for course in result.courses:
        assert course.subject == "cybersecurity"
        assert course.reasons_missed
        assert " — but " in course.why


def test_relaxed_budget_says_how_near(session: Session) -> None:
    result = recommend(session, LearnerProfile(subject="cybersecurity", budget_gbp=0))
    assert result.relaxed == ["budget (nearest is £20.84 over)"]
    first = result.courses[0]
    assert first.cost_gbp == pytest.approx(20.84)
    assert first.reasons_missed == ["£20.84 over your £0 budget"]


def test_only_the_wishes_that_block_are_relaxed(session: Session) -> None:
    # Plenty of online data-science courses; none costs £5 or less.
    profile = LearnerProfile(subject="data-science-ai", budget_gbp=5, delivery="online")
    result = recommend(session, profile)
    assert result.relaxed_keys == ["budget"]
    assert all(c.delivery == "online" for c in result.courses)
    assert all("online" in c.reasons_met for c in result.courses)


def test_unknown_prices_rank_below_known_and_never_count_as_free(session: Session) -> None:
    profile = LearnerProfile(subject="cybersecurity", budget_gbp=25)
    result = recommend(session, profile, limit=25)
    costs = [c.cost_gbp for c in result.courses]
    within = [c for c in costs if c is not None and c <= 25]
    assert within and costs[: len(within)] == within  # known fits first
    first_unknown = costs.index(None)
    assert all(c is None or c > 25 for c in costs[first_unknown:])
    for course in result.courses:
        if course.cost_gbp is None:
            assert "price not published" in course.reasons_missed
            assert all("budget" not in r for r in course.reasons_met)
    # A £0 budget never matches a course whose price is unknown.
    free = recommend(session, LearnerProfile(budget_gbp=0), limit=50)
    assert free.exact and all(c.cost_gbp == 0 for c in free.courses)


def test_unknown_length_and_hours_are_misses(session: Session) -> None:
    result = recommend(session, LearnerProfile(subject="cybersecurity", max_weeks=1), limit=25)
    unknown = [c for c in result.courses if c.duration_weeks is None]
    assert unknown
    assert all("length unknown" in c.reasons_missed for c in unknown)
    assert result.courses.index(unknown[0]) > 0


def test_results_are_deterministic(session: Session) -> None:
    profile = LearnerProfile(subject="health-social-care", goal="upskill", budget_gbp=100)
    runs = [[c.id for c in recommend(session, profile, limit=10).courses] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


@pytest.mark.parametrize(
    ("sort", "key"),
    [("cheapest", "cost_gbp"), ("shortest", "duration_weeks"), ("lightest", "weekly_hours")],
)
def test_sorts(session: Session, sort: str, key: str) -> None:
    profile = LearnerProfile(subject="computing-it")
    courses = recommend(session, profile, limit=50, sort=sort).courses
    values = [getattr(c, key) for c in courses]
    known = [v for v in values if v is not None]
    assert known == sorted(known)
    assert values[: len(known)] == known  # unknowns last


def test_lighter_than_is_a_hard_limit_on_hours_a_week(session: Session) -> None:
    profile = LearnerProfile(subject="computing-it", hours_per_week=10)
    courses = recommend(session, profile, limit=20, sort="lightest", lighter_than=3).courses
    assert courses
    assert all(c.weekly_hours is not None and c.weekly_hours < 3 for c in courses)


def test_cheapest_with_unknowns_puts_them_last(session: Session) -> None:
    courses = recommend(session, LearnerProfile(subject="cybersecurity"), limit=25, sort="cheapest")
    values = [c.cost_gbp for c in courses.courses]
    assert values[-1] is None and values[0] is not None


def test_offset_and_exclude_page_through_the_same_ranking(session: Session) -> None:
    profile = LearnerProfile(subject="marketing", goal="explore", budget_gbp=200)
    six = [c.id for c in recommend(session, profile, limit=6).courses]
    first = recommend(session, profile, limit=3)
    second = recommend(session, profile, limit=3, offset=3)
    assert [c.id for c in first.courses] + [c.id for c in second.courses] == six
    assert first.has_more
    excluded = recommend(session, profile, limit=3, exclude_ids=[c.id for c in first.courses])
    assert [c.id for c in excluded.courses] == six[3:]


def test_more_results_relax_once_the_exact_matches_run_out(session: Session) -> None:
    profile = LearnerProfile(subject="design", budget_gbp=30, hours_per_week=2, max_weeks=2)
    exact = recommend(session, profile, limit=50)
    n = exact.total_matching
    assert 0 < n < 50
    page = recommend(session, profile, limit=3, offset=n - 1)
    assert page.courses[0].id == exact.courses[n - 1].id and page.courses[0].reasons_missed == []
    assert page.courses[1].reasons_missed and not page.exact


@pytest.mark.parametrize(
    ("goal", "check"),
    [
        ("further_study", lambda c: c.credit_bearing),
        ("explore", lambda c: c.duration_weeks is not None and c.duration_weeks <= 4),
        ("upskill", lambda c: c.cpd_accredited),
        (
            "career_change",
            lambda c: (
                c.credential_type
                in {"professional-certificate", "experttrack", "microcredential", "nanodegree"}
            ),
        ),
    ],
)
def test_goal_shapes_the_ranking(session: Session, goal: str, check: object) -> None:
    result = recommend(session, LearnerProfile(subject="environment-sustainability", goal=goal))
    assert all(check(c) for c in result.courses), [c.id for c in result.courses]  # type: ignore[operator]


def test_level_credit_and_delivery_wishes(session: Session) -> None:
    profile = LearnerProfile(
        subject="data-science-ai", level="postgraduate", credit_wanted=True, goal="further_study"
    )
    result = recommend(session, profile)
    assert result.exact
    for course in result.courses:
        assert course.level == "postgraduate" and course.credit_bearing
        assert "postgraduate level" in course.reasons_met
    blended = recommend(session, LearnerProfile(subject="data-science-ai", delivery="blended"))
    assert blended.relaxed == ["delivery (none blended)"]
    assert all(c.reasons_missed == ["online, not blended"] for c in blended.courses)


def test_no_wishes_at_all(session: Session) -> None:
    result = recommend(session, LearnerProfile())
    assert result.exact and result.total_matching == 1608 and len(result.courses) == 3


@pytest.mark.parametrize(
    ("profile", "kwargs", "message"),
    [
        (LearnerProfile(subject="data-science"), {}, "did you mean data-science-ai"),
        (LearnerProfile(goal="fun"), {}, "unknown goal"),
        (LearnerProfile(level="beginner"), {}, "unknown level"),
        (LearnerProfile(budget_gbp=-1), {}, "budget_gbp must be a number >= 0"),
        (LearnerProfile(), {"sort": "random"}, "unknown sort"),
        (LearnerProfile(), {"limit": 0}, "limit must be between"),
    ],
)
def test_bad_profiles_are_refused(
    session: Session, profile: LearnerProfile, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ProfileError, match=message):
        recommend(session, profile, **kwargs)  # type: ignore[arg-type]


# -- look-ups ------------------------------------------------------------------------


def test_subject_ids_match_the_catalogue_readme() -> None:
    ids = subject_ids()
    assert len(ids) == 22 and set(ids) == set(SUBJECTS)
    for sid in ids:
        assert f"| {sid} |" in README


def test_list_subjects_counts_match_the_readme(session: Session) -> None:
    subjects = list_subjects(session)
    assert len(subjects) == 22
    assert sum(n for _, _, n in subjects) == 1608
    for sid, label, n in subjects:
        assert f"| {sid} | {n} |" in README
        assert label == SUBJECTS[sid]
    assert ("data-science-ai", "Data science and AI", 89) in subjects


def test_get_course_and_get_courses(session: Session) -> None:
    course = get_course(session, "edx-micromasters-program-in-cybersecurity")
    assert course is not None and course.subject_id == "cybersecurity"
    assert get_course(session, "no-such-course") is None
    ids = ["mooc-fi-climate-now", "nope", "futurelearn-aws-solutions-architect-microcredential"]
    assert [c.id for c in get_courses(session, ids)] == [ids[0], ids[2]]
