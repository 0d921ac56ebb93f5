"""A stacking planner: real catalogue courses whose credits could build towards an award.

Credit stacks only under one awarding body's rules (credit_facts §8), so a plan uses
courses from one provider, in one credit scheme and at one level (postgraduate courses
for a postgraduate award). It reports total credit, cost and study time, and what is still
missing; when the catalogue cannot make a plan it says so, with the best it has. The
courses come in as plain :class:`PlanCourse` records, so this module needs no database.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from actions.knowledge.awards import Award
from actions.knowledge.progress import capitalise, plural, resolve_award
from actions.knowledge.units import (
    HOURS_PER_CREDIT,
    RECOGNITION_CAVEAT,
    SCHEMES,
    format_number,
    to_uk_credits,
)

_PLAN_WORDS = re.compile(
    r"\bbuild (?:it )?(?:up )?(?:to|towards|into)\b|\beventually\b|\bplan\b"
    r"|\bwork (?:up )?towards\b|\bpath(?:way)? (?:to|towards)\b"
    r"|\bstack (?:up )?(?:to|towards|into)\b"
    r"|\bget (?:up )?to \d+ credits\b",
    re.I,
)
_TARGET_CREDITS = re.compile(
    r"\b(?:up to|to|towards|reach) (\d{2,3}) (?:uk |cats )?credits\b", re.I
)


def asks_for_plan(text: str) -> bool:
    """Whether a message asks how to build up to an award ("I want a PG Cert eventually")."""
    return bool(_PLAN_WORDS.search(text or ""))


def target_award(text: str, postgraduate: bool) -> Award | None:
    """The credit target a planning question names without an award ("up to 60 credits")."""
    match = _TARGET_CREDITS.search(text or "")
    if match is None:
        return None
    credits = int(match.group(1))
    return Award(
        key="target",
        name=f"total of {credits} credits",
        short=f"{credits} credits",
        credits=credits,
        level=7 if postgraduate else None,
    )


@dataclass(frozen=True)
class PlanCourse:
    """A credit-bearing catalogue course, as the planner needs it."""

    id: str
    title: str
    provider: str | None
    credits: float
    scheme: str
    level: str | None
    cost_gbp: float | None = None
    hours_total: float | None = None
    subject: str | None = None

    @property
    def uk_credits(self) -> float:
        return to_uk_credits(self.credits, self.scheme)


@dataclass(frozen=True)
class Plan:
    """The courses chosen from one provider, scheme and level, and what they add up to."""

    award: Award
    provider: str
    courses: tuple[PlanCourse, ...]

    @property
    def total(self) -> float:
        return sum(c.uk_credits for c in self.courses)

    @property
    def missing(self) -> float:
        return max(self.award.credits - self.total, 0.0)


def _wanted_level(award: Award) -> str:
    return "postgraduate" if award.postgraduate else "undergraduate"


def _groups(
    courses: Sequence[PlanCourse], level: str, subject: str | None
) -> dict[tuple[str, str], list[PlanCourse]]:
    groups: dict[tuple[str, str], list[PlanCourse]] = defaultdict(list)
    for course in courses:
        if course.credits <= 0 or course.level != level or not course.provider:
            continue
        if subject is not None and course.subject != subject:
            continue
        groups[(course.provider, course.scheme)].append(course)
    return groups


def best_plan(
    courses: Sequence[PlanCourse],
    award: Award | str,
    nation: str | None = None,
    subject: str | None = None,
) -> Plan | None:
    """The stack from one provider and scheme that goes furthest towards ``award``.

    Within it, the cheapest courses (unknown prices last) are taken until the award's
    credit is reached. ``None`` when no course of the right level stacks at all.
    """
    target, _ = resolve_award(award, nation)
    groups = _groups(courses, _wanted_level(target), subject)
    if not groups:
        return None
    (provider, _scheme), members = max(
        groups.items(), key=lambda item: (sum(c.uk_credits for c in item[1]), item[0])
    )
    chosen: list[PlanCourse] = []
    for course in sorted(members, key=lambda c: (c.cost_gbp is None, c.cost_gbp or 0.0, c.title)):
        if sum(c.uk_credits for c in chosen) >= target.credits:
            break
        chosen.append(course)
    return Plan(award=target, provider=provider, courses=tuple(chosen))


def _course_line(course: PlanCourse) -> str:
    amount = f"{format_number(course.credits)} {SCHEMES[course.scheme].label}"
    if course.scheme not in ("CATS", "SCQF"):
        amount += f" = {format_number(course.uk_credits)} UK credits"
    return f"{course.title} ({amount})"


def describe_plan(
    courses: Sequence[PlanCourse],
    award: Award | str,
    nation: str | None = None,
    subject: str | None = None,
    subject_label: str | None = None,
) -> str:
    """A chat reply: a plan from the catalogue, or an honest account of why there is none."""
    target, _ = resolve_award(award, nation)
    level = _wanted_level(target)
    plan = best_plan(courses, target, nation, subject)
    where = f" in {subject_label or subject}" if subject else ""
    if plan is None:
        return (
            f"I can't plan {target.with_article} from the catalogue: it has no credit-bearing "
            f"{level} courses{where} from a named provider that state their credit. "
            f"{capitalise(target.with_article)} "
            f"needs {target.credits} credits. An adviser can help you look at universities' own "
            f"programmes. {RECOGNITION_CAVEAT}"
        )
    total = format_number(plan.total)
    lines = "; ".join(_course_line(c) for c in plan.courses)
    scheme = plan.courses[0].scheme
    if plan.missing:
        head = (
            f"I can't make a full plan for {target.with_article} ({target.credits} credits) "
            "from the catalogue: the most that could stack is "
            f"{plural(len(plan.courses), 'course')}{where} from {plan.provider}, {total} UK "
            f"credits, so {format_number(plan.missing)} "
            f"would still be missing: {lines}."
        )
    else:
        head = (
            f"A possible plan towards {target.with_article} ({target.credits} credits): "
            f"{plural(len(plan.courses), 'course')} from {plan.provider}, all {level}, in "
            f"{SCHEMES[scheme].label}: {lines}. Together {total} UK credits."
        )
    costs = [c.cost_gbp for c in plan.courses if c.cost_gbp is not None]
    unknown_cost = len(plan.courses) - len(costs)
    facts = []
    if costs:
        facts.append(
            f"cost £{format_number(sum(costs))}"
            + (
                f" plus {plural(unknown_cost, 'course')} with no price in the catalogue"
                if unknown_cost
                else ""
            )
        )
    else:
        facts.append("no prices in the catalogue")
    # A course's own hours where the catalogue has them, else 10 notional hours a UK credit.
    study = sum(
        c.hours_total if c.hours_total is not None else c.uk_credits * HOURS_PER_CREDIT
        for c in plan.courses
    )
    facts.append(f"about {format_number(study)} hours of study")
    notes = [f"{capitalise(', '.join(facts))}."]
    if scheme == "ECTS":
        notes.append(
            f"These are ECTS credits from {plan.provider}: they stack towards its own awards, "
            "which may not be UK awards."
        )
    notes.append(
        f"Stacking is never automatic: {plan.provider} (or the university you apply to) decides "
        "what counts, at which level and for how long."
    )
    return " ".join([head, *notes, RECOGNITION_CAVEAT])
