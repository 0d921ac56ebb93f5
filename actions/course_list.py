"""Details and comparison of courses in the last list ("the second one", "compare 1 and 3")."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    CourseAdvisorAction,
    course_line,
    course_list_payload,
    explain_courses,
    format_credits,
    format_price,
    indices_from_tracker,
    link_line,
    profile_from_tracker,
    resolve_positions,
    store_session,
)
from actions.course_wording import credential_label, how_the_price_adds_up, level_label, pounds
from actions.references import referenced_ids
from actions.refine import LIST_REFINEMENTS, refine, requested_refinements
from actions.store.search import Recommendation

NO_LIST = (
    "I haven't shown you any courses yet. Tell me what you'd like to learn and I'll find some."
)


def _which_one_buttons(ids: list[str], intent: str) -> list[dict[str, str]]:
    return [
        {"title": f"Course {i}", "payload": f'/{intent}{{"course_index":{i}}}'}
        for i in range(1, len(ids) + 1)
    ]


def _named(tracker: Tracker, ids: list[str]) -> list[str]:
    """Courses of the last list the message names ("the OU one", "the cheaper one")."""
    with store_session() as session:
        courses = explain_courses(session, ids, profile_from_tracker(tracker))
    return referenced_ids(tracker.latest_message.get("text") or "", courses)


def _details(course: Recommendation) -> str:
    lines = [course_line(1, course).split("\n", 1)[0][3:]]
    if course.description:
        lines.append(course.description)
    lines.append(
        f"Type: {credential_label(course.credential_type)}. Level: {level_label(course.level)}."
    )
    lines.append(f"Price: {format_price(course)}.")
    adds_up = how_the_price_adds_up(course)
    if adds_up:
        lines.append(f"{adds_up}.")
    lines.append(f"Credit: {format_credits(course)}.")
    if course.reasons_met:
        lines.append("Fits: " + "; ".join(course.reasons_met) + ".")
    if course.reasons_missed:
        lines.append("Watch out: " + "; ".join(course.reasons_missed) + ".")
    lines.append(link_line(course))
    return "\n".join(lines)


class ActionCourseDetails(CourseAdvisorAction):
    def name(self) -> str:
        return "action_course_details"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        ids = list(tracker.get_slot("last_results") or [])
        if not ids:
            dispatcher.utter_message(text=NO_LIST)
            return []
        asked = indices_from_tracker(tracker)
        chosen = resolve_positions(asked, ids)
        if asked and not chosen:
            # "the second one" when the last list had one course: say so, don't guess.
            dispatcher.utter_message(
                text=f"The last list had only {len(ids)} "
                f"{'course' if len(ids) == 1 else 'courses'}. Which one do you mean?",
                buttons=_which_one_buttons(ids, "course_details"),
            )
            return [SlotSet("course_index", None)]
        if not chosen and LIST_REFINEMENTS & set(requested_refinements(tracker)):
            # "is there anything free?" read as a question about a course: refine the list.
            return await refine(dispatcher, tracker)
        if not chosen and len(ids) > 1:
            chosen = _named(tracker, ids)
        if not chosen and len(ids) > 1:
            dispatcher.utter_message(
                text="Which course would you like to know more about?",
                buttons=_which_one_buttons(ids, "course_details"),
            )
            return [SlotSet("course_index", None)]
        chosen = chosen or ids[:1]
        with store_session() as session:
            courses = explain_courses(session, chosen, profile_from_tracker(tracker))
        for course in courses:
            dispatcher.utter_message(
                text=_details(course), json_message=course_list_payload([course], [])
            )
        return [SlotSet("course_index", None)]


class ActionCompareCourses(CourseAdvisorAction):
    def name(self) -> str:
        return "action_compare_courses"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        ids = list(tracker.get_slot("last_results") or [])
        if len(ids) < 2:
            dispatcher.utter_message(
                text=NO_LIST if not ids else "There's only one course to look at."
            )
            return []
        chosen = resolve_positions(indices_from_tracker(tracker), ids)
        if len(chosen) < 2:
            named = _named(tracker, ids)
            chosen = named if len(named) >= 2 else ids
        with store_session() as session:
            courses = explain_courses(session, chosen, profile_from_tracker(tracker))
        positions = [ids.index(course.id) + 1 for course in courses]
        rows = [
            ("Provider", lambda c: c.provider or "not stated"),
            ("Length", lambda c: f"{c.duration_weeks:g} weeks" if c.duration_weeks else "unknown"),
            ("Hours/week", lambda c: f"{c.hours_per_week:g}" if c.hours_per_week else "unknown"),
            ("Price", format_price),
            ("Credit", format_credits),
            ("Type", lambda c: credential_label(c.credential_type)),
            ("Level", lambda c: level_label(c.level)),
        ]
        lines = ["Side by side:"]
        for pos, course in zip(positions, courses, strict=True):
            lines.append(f"\n{pos}. {course.title}")
            lines += [f"   {label}: {render(course)}" for label, render in rows]
            lines.append(f"   Why: {course.why}")
        cheapest = [c for c in courses if c.cost_gbp is not None]
        if cheapest:
            best = min(cheapest, key=lambda c: (c.cost_gbp, c.id))
            total = "free" if not best.cost_gbp else f"about {pounds(best.cost_gbp)}"
            lines.append(f"\nCheapest overall: {best.title} ({total}).")
        dispatcher.utter_message(text="\n".join(lines))
        return [SlotSet("course_index", None)]
