"""The learner's wishes as SQL: whether a course meets each (budget, weekly hours,
length, level, credit, delivery), how far it misses when relaxed, which wishes to relax
when too few courses meet them all, and the order the goal gives."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, literal

from actions.profile_values import GOALS
from actions.store.models import DELIVERIES, LEVELS, SUBJECTS, Course
from actions.store.ranking import RANK_COLUMN
from actions.store.results import LearnerProfile, ProfileError
from actions.store.subjects import closest_subjects

SORTS: tuple[str, ...] = ("best", "cheapest", "shortest", "lightest")
MAX_LIMIT = 50
#: Without a subject, only this many courses (highest rank_best) are ranked.
NO_SUBJECT_POOL = 2_000

#: Penalty of a relaxed wish whose value is unknown: like missing by 100 %.
UNKNOWN_PENALTY = 1.0
#: Largest penalty of a known miss (missing by 500 % or more).
MAX_PENALTY = 5.0
#: Smallest budget used to scale "how far over", so a £0 budget still ranks misses.
MIN_BUDGET_SCALE = 50.0
#: Relaxation preference: earlier wishes give way first when several would do.
RELAX_ORDER: tuple[str, ...] = (
    "delivery",
    "level",
    "credit",
    "max_weeks",
    "hours_per_week",
    "budget",
)


@dataclass(frozen=True)
class Wish:
    key: str
    met: Any  # SQL boolean expression: known and within the wish
    # Builds the SQL expression "how far from the wish": 0 when met, else the relative
    # overshoot (unknown -> UNKNOWN_PENALTY). Built only when the wish is relaxed.
    penalty: Callable[[], Any]


def _miss(met: Any) -> Any:
    return case((met, literal(0.0)), else_=literal(1.0))


def _capped(expr: Any) -> Any:
    return case((expr > MAX_PENALTY, literal(MAX_PENALTY)), else_=expr)


def _limit_wish(key: str, column: Any, limit: float, scale: float) -> Wish:
    # Tiny tolerance so that £600.00 converted as 599.999... still fits £600.
    within = and_(column.isnot(None), column <= limit + 1e-6)

    def penalty() -> Any:
        return case(
            (column.is_(None), literal(UNKNOWN_PENALTY)),
            (column <= limit + 1e-6, literal(0.0)),
            else_=_capped((column - limit) / scale),
        )

    return Wish(key, within, penalty)


def profile_wishes(profile: LearnerProfile) -> list[Wish]:
    wishes: list[Wish] = []
    if profile.budget_gbp is not None:
        budget = float(profile.budget_gbp)
        wishes.append(_limit_wish("budget", Course.cost_gbp, budget, max(budget, MIN_BUDGET_SCALE)))
    if profile.hours_per_week is not None:
        hours = float(profile.hours_per_week)
        wishes.append(_limit_wish("hours_per_week", Course.weekly_hours, hours, max(hours, 1.0)))
    if profile.max_weeks is not None:
        weeks = float(profile.max_weeks)
        wishes.append(_limit_wish("max_weeks", Course.duration_weeks, weeks, max(weeks, 1.0)))
    if profile.level is not None:
        wanted = LEVELS.index(profile.level)

        # A follow-on course ("Intermediate Spanish", "Part 2") listed as introductory is
        # no beginner's course: it misses the wish by one level.
        follow_on = Course.follow_on.is_(True) if profile.level == LEVELS[0] else None

        def distance() -> Any:
            steps = [] if follow_on is None else [(follow_on, literal(0.5))]
            return case(
                *steps,
                *(
                    (Course.level == lvl, literal(abs(rank - wanted) * 0.5))
                    for rank, lvl in enumerate(LEVELS)
                ),
                else_=literal(UNKNOWN_PENALTY),
            )

        level_met = Course.level == profile.level
        if follow_on is not None:
            level_met = level_met & Course.follow_on.is_not(True)
        wishes.append(Wish("level", level_met, distance))
    if profile.credit_wanted:
        credit = Course.credit_bearing.is_(True)
        wishes.append(Wish("credit", credit, lambda: _miss(credit)))
    if profile.delivery is not None:
        delivery = Course.delivery == profile.delivery
        wishes.append(Wish("delivery", delivery, lambda: _miss(delivery)))
    return wishes


def check_profile(profile: LearnerProfile, sort: str, limit: int, offset: int) -> None:
    if profile.subject is not None and profile.subject not in SUBJECTS:
        hints = closest_subjects(profile.subject)
        hint = f" (did you mean {', '.join(hints)}?)" if hints else ""
        raise ProfileError(f"unknown subject {profile.subject!r}{hint}")
    if profile.goal is not None and profile.goal not in GOALS:
        raise ProfileError(f"unknown goal {profile.goal!r}; expected one of {', '.join(GOALS)}")
    if profile.level is not None and profile.level not in LEVELS:
        raise ProfileError(f"unknown level {profile.level!r}; expected one of {', '.join(LEVELS)}")
    if profile.delivery is not None and profile.delivery not in DELIVERIES:
        raise ProfileError(
            f"unknown delivery {profile.delivery!r}; expected one of {', '.join(DELIVERIES)}"
        )
    for name in ("budget_gbp", "hours_per_week", "max_weeks"):
        value = getattr(profile, name)
        if value is not None and (not isinstance(value, (int, float)) or value < 0):
            raise ProfileError(f"{name} must be a number >= 0, not {value!r}")
    if sort not in SORTS:
        raise ProfileError(f"unknown sort {sort!r}; expected one of {', '.join(SORTS)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise ProfileError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise ProfileError(f"offset must be >= 0, not {offset}")


def order_keys(profile: LearnerProfile, sort: str) -> list[Any]:
    rank = RANK_COLUMN[profile.goal]
    if sort == "cheapest":
        return [Course.cost_gbp.is_(None), Course.cost_gbp, rank.desc()]
    if sort in ("shortest", "lightest"):  # fewest weeks or hours a week, then fewest hours
        column = Course.duration_weeks if sort == "shortest" else Course.weekly_hours
        return [
            column.is_(None),
            column,
            Course.hours_total.is_(None),
            Course.hours_total,
            rank.desc(),
        ]
    return [rank.desc()]


def choose_relaxation(
    keys: Sequence[str], groups: Mapping[tuple[bool, ...], int], needed: int
) -> frozenset[str]:
    """The smallest set of wishes to relax so that ``needed`` courses remain.

    ``groups`` maps "which wishes a course meets" to how many courses do so. Among
    sets of equal size, the one relaxing wishes earliest in ``RELAX_ORDER`` wins.
    Relaxing everything is the fallback when even that is not enough.
    """
    order = {key: RELAX_ORDER.index(key) for key in keys}
    candidates: list[tuple[int, list[int], frozenset[str]]] = []
    for size in range(1, len(keys) + 1):
        for combo in itertools.combinations(keys, size):
            candidates.append((size, sorted(order[k] for k in combo), frozenset(combo)))
    candidates.sort(key=lambda c: (c[0], c[1]))
    for _, _, relaxed in candidates:
        count = sum(
            n
            for met, n in groups.items()
            if all(ok or key in relaxed for key, ok in zip(keys, met, strict=True))
        )
        if count >= needed:
            return relaxed
    return frozenset(keys)


__all__ = [
    "MAX_LIMIT",
    "NO_SUBJECT_POOL",
    "RELAX_ORDER",
    "SORTS",
    "Wish",
    "check_profile",
    "choose_relaxation",
    "order_keys",
    "profile_wishes",
]
