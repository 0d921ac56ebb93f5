"""Which wishes give way when too few courses meet them all, and refused profiles."""

from __future__ import annotations

import pytest

from actions.store.results import LearnerProfile, ProfileError
from actions.store.wishes import RELAX_ORDER, check_profile, choose_relaxation, profile_wishes

KEYS = ("budget", "hours_per_week", "level")


def test_the_smallest_set_of_wishes_is_relaxed() -> None:
    # (budget met, hours met, level met) -> courses
    groups = {(True, True, False): 1, (True, False, True): 5, (False, True, True): 5}
    # Relaxing the level alone leaves 1 course; the hours alone leave 5.
    assert choose_relaxation(KEYS, groups, needed=3) == frozenset({"hours_per_week"})
    # Two wishes: of the pairs that leave 6, the one relaxing earliest in RELAX_ORDER.
    assert RELAX_ORDER.index("level") < RELAX_ORDER.index("budget")
    assert choose_relaxation(KEYS, groups, needed=6) == frozenset({"level", "hours_per_week"})


def test_everything_is_relaxed_when_nothing_else_will_do() -> None:
    assert choose_relaxation(KEYS, {(False, False, False): 1}, needed=3) == frozenset(KEYS)


def test_one_sql_wish_per_profile_value() -> None:
    profile = LearnerProfile(budget_gbp=100, hours_per_week=5, credit_wanted=True)
    assert [w.key for w in profile_wishes(profile)] == ["budget", "hours_per_week", "credit"]
    assert profile_wishes(LearnerProfile()) == []


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        (LearnerProfile(subject="astrology"), "unknown subject 'astrology'"),
        (LearnerProfile(goal="fame"), "unknown goal 'fame'"),
        (LearnerProfile(budget_gbp=-1), "budget_gbp must be a number >= 0"),
    ],
)
def test_values_outside_the_vocabulary_are_refused(profile: LearnerProfile, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        check_profile(profile, "best", 3, 0)
