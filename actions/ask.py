"""The learner profile form's questions, with their quick-reply buttons.

They are actions rather than ``utter_ask_*`` responses because Rasa fills ``{...}`` in
response texts and buttons from slots, and a button payload such as
``/inform{"goal":"upskill"}`` is not a slot name (Rasa would log an error at every question).
The form calls ``action_ask_<slot>`` when it exists.
"""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


def inform_button(title: str, **entities: Any) -> dict[str, str]:
    """A button that sends ``inform`` with the given entities, as if the learner said them."""
    return {"title": title, "payload": "/inform" + json.dumps(entities, separators=(",", ":"))}


class ActionAskGoal(Action):
    def name(self) -> str:
        return "action_ask_goal"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="What's your main goal?",
            buttons=[
                inform_button("Upskill in my job", goal="upskill"),
                inform_button("Change career", goal="career_change"),
                inform_button("Explore a subject", goal="explore"),
                inform_button("Study towards a qualification", goal="further_study"),
            ],
        )
        return []


class ActionAskSubject(Action):
    def name(self) -> str:
        return "action_ask_subject"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="Which subject are you interested in? For example data science, cyber "
            "security, marketing, nursing, project management, teaching, or tell me in your "
            "own words.",
            buttons=[
                inform_button("Data science & AI", subject="data-science-ai"),
                inform_button("Cyber security", subject="cybersecurity"),
                inform_button("Business & management", subject="business-management"),
                inform_button("Health & social care", subject="health-social-care"),
            ],
        )
        return []


class ActionAskRefinementsDone(Action):
    def name(self) -> str:
        return "action_ask_refinements_done"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="Anything else that matters? You can tell me a budget, hours a week, a maximum "
            "length, a level, or whether you want academic credit, all in one message. "
            "Or skip.",
            buttons=[
                {"title": "Skip, show me courses", "payload": "/skip"},
                inform_button("Free courses only", budget=0),
                inform_button("With academic credit", credit_bearing=True),
                inform_button("Under 3 hours a week", hours_per_week=3),
            ],
        )
        return []
