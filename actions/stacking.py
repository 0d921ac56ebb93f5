"""Stacking plans from real catalogue courses ("I want a PG Cert eventually").

Used by the credit explainer and by the profile form, so that a goal stated as a plan
("I'd like to work towards a PG Cert by stacking microcredentials") gets one at once.
"""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.common import store_session
from actions.knowledge import credit, planner
from actions.knowledge.awards import detect_nation
from actions.store.credit_courses import credit_bearing_courses
from actions.store.search import subject_label


def stackable_courses() -> list[planner.PlanCourse]:
    """Every catalogue course that states its credit, as the planner's records."""
    with store_session() as session:
        rows = credit_bearing_courses(session)
        return [
            planner.PlanCourse(
                id=c.id,
                title=c.title,
                provider=c.provider_name,
                credits=float(c.credits),
                scheme=c.credit_scheme or "CATS",
                level=c.level,
                cost_gbp=c.cost_gbp,
                hours_total=c.hours_total,
                subject=c.subject_id,
            )
            for c in rows
        ]


def plan_reply(tracker: Tracker, text: str) -> str | None:
    """A stacking plan from the catalogue when the learner asks how to build up to an award."""
    if not planner.asks_for_plan(text):
        return None
    nation = detect_nation(text)
    target: credit.Award | str | None = text if credit.find_award(text) is not None else None
    if target is None:
        nation = None
        target = planner.target_award(text, tracker.get_slot("level") == "postgraduate")
    if target is None:
        return None
    subject = tracker.get_slot("subject")
    label = subject_label(subject) if subject else None
    return planner.describe_plan(stackable_courses(), target, nation, subject, label)
