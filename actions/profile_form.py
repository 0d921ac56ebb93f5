"""The learner profile form: asks only for what is missing and matters.

Goal and subject are required, unless the learner named a topic precise enough to
search ("Kubernetes", "Excel pivot tables"): then neither is asked, and an answer to the
subject question that is not one of the subjects is taken as the topic. The optional
refinements (budget, weekly hours, length,
level, credit) are offered once, in one question the learner can skip, and only when the
learner has not already given any of them.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.store.search import closest_subjects, subject_ids, subject_label
from actions.store.topics import topic_groups

OPTIONAL_SLOTS = ("budget", "hours_per_week", "max_weeks", "level", "credit_bearing")
GOALS = ("upskill", "career_change", "explore", "further_study")
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


def searchable_topic(topic: Any) -> bool:
    """Whether ``topic`` has words specific enough to search by (not just "IT")."""
    return isinstance(topic, str) and bool(topic_groups(topic))


class ValidateLearnerProfileForm(FormValidationAction):
    """Validates ``learner_profile_form`` (the name binds it to the form)."""

    def name(self) -> str:
        return "validate_learner_profile_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """A searchable topic makes the goal and subject questions unnecessary."""
        if searchable_topic(tracker.get_slot("topic")):
            return [slot for slot in domain_slots if slot not in ("goal", "subject")]
        return list(domain_slots)

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
        if searchable_topic(typed):
            # Not a subject but something to search for ("kubernetes"): the topic.
            return {"subject": None, "topic": typed}
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
