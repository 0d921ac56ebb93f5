"""The learner profile form: asks only for what is missing and matters.

Goal and subject are required. The optional refinements (budget, weekly hours, length,
level, credit) are offered once, in one question the learner can skip, and only when the
learner has not already given any of them.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker, ValidationAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.store.search import closest_subjects, subject_ids, subject_label

OPTIONAL_SLOTS = ("budget", "hours_per_week", "max_weeks", "level", "credit_bearing")
GOALS = ("upskill", "career_change", "explore", "further_study")
LEVELS = ("introductory", "undergraduate", "postgraduate")
DELIVERY = ("online", "blended")
# Intents that answer the "anything else?" question (anything else is an interruption).
ANSWERS_TO_REFINEMENTS = {
    "skip",
    "affirm",
    "deny",
    "inform",
    "find_course",
    "refine_search",
    "state_goal",
}
MAX_BUDGET_GBP = 1_000_000
MAX_HOURS_PER_WEEK = 80
MAX_WEEKS = 520


class ValidateLearnerProfileForm(FormValidationAction):
    """Validates ``learner_profile_form`` (the name binds it to the form)."""

    def name(self) -> str:
        return "validate_learner_profile_form"

    async def extract_refinements_done(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Done once the learner has given any optional wish, or answered the question."""
        if tracker.get_slot("refinements_done"):
            return {}
        if any(tracker.get_slot(slot) is not None for slot in OPTIONAL_SLOTS):
            return {"refinements_done": True}
        if tracker.get_slot("requested_slot") != "refinements_done":
            return {}
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        return {"refinements_done": True} if intent in ANSWERS_TO_REFINEMENTS else {}

    def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"goal": value if value in GOALS else None}

    def validate_subject(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if isinstance(value, str) and value in subject_ids():
            return {"subject": value}
        typed = str(value or "").strip()[:80]
        suggestions = closest_subjects(typed, n=3) if typed else []
        buttons = [
            {"title": subject_label(subject), "payload": f'/inform{{"subject":"{subject}"}}'}
            for subject in suggestions
        ]
        if buttons:
            dispatcher.utter_message(
                text=f'I don\'t have a subject called "{typed}". Did you mean one of these?',
                buttons=buttons,
            )
        else:
            dispatcher.utter_message(
                text="I couldn't match that to a subject in the catalogue. "
                "Try a field such as marketing, nursing, data science or teaching."
            )
        return {"subject": None}


class ValidateGlobalSlots(ValidationAction):
    """Checks every wish whenever it is set, in or out of the form."""

    def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"goal": value if value in GOALS else None}

    def validate_level(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"level": value if value in LEVELS else None}

    def validate_delivery(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"delivery": value if value in DELIVERY else None}

    def validate_credit_bearing(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if isinstance(value, str):
            value = {"true": True, "false": False}.get(value.strip().lower())
        return {"credit_bearing": value if isinstance(value, bool) else None}

    def validate_course_index(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"course_index": value}

    def validate_budget(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        amount = _as_float(value)
        if amount is None or amount < 0:
            dispatcher.utter_message(text="A budget can't be negative; I've left it unset.")
            return {"budget": None}
        if amount > MAX_BUDGET_GBP:
            dispatcher.utter_message(
                text="That's more than any course here costs, so I'll search with no budget limit."
            )
            return {"budget": None}
        return {"budget": amount}

    def validate_hours_per_week(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        hours = _as_float(value)
        if hours is None or hours <= 0 or hours > MAX_HOURS_PER_WEEK:
            dispatcher.utter_message(
                text=f"Weekly study time should be between 0 and {MAX_HOURS_PER_WEEK} hours; "
                "I've left it unset."
            )
            return {"hours_per_week": None}
        return {"hours_per_week": hours}

    def validate_max_weeks(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        weeks = _as_float(value)
        if weeks is None or weeks <= 0 or weeks > MAX_WEEKS:
            dispatcher.utter_message(
                text="A course length should be between 1 week and 10 years; I've left it unset."
            )
            return {"max_weeks": None}
        return {"max_weeks": weeks}


def _as_float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
