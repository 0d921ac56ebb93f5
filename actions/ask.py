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
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

#: Slot that remembers which question was asked and how many times in a row ("goal:2").
ASKED_SLOT = "asked"
#: A question is asked at most this many times in a row; after that it is left open.
MAX_ASKS = 2


def inform_button(title: str, **entities: Any) -> dict[str, str]:
    """A button that sends ``inform`` with the given entities, as if the learner said them."""
    return {"title": title, "payload": "/inform" + json.dumps(entities, separators=(",", ":"))}


def skip_button(title: str = "Skip this question") -> dict[str, str]:
    return {"title": title, "payload": "/skip"}


def times_asked(tracker: Tracker, slot: str) -> int:
    """How many times in a row the question for ``slot`` has been asked."""
    raw = tracker.get_slot(ASKED_SLOT)
    if not isinstance(raw, str) or ":" not in raw:
        return 0
    name, _, count = raw.rpartition(":")
    return int(count) if name == slot and count.isdigit() else 0


def count_ask(tracker: Tracker, slot: str) -> tuple[int, dict[str, Any]]:
    """This ask's number in a row (1 = first), and the event that records it."""
    number = times_asked(tracker, slot) + 1
    return number, SlotSet(ASKED_SLOT, f"{slot}:{number}")


class ActionAskGoal(Action):
    def name(self) -> str:
        return "action_ask_goal"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        number, event = count_ask(tracker, "goal")
        text = (
            "What's your main goal?"
            if number == 1
            else "I didn't catch a goal. It only changes the order I show courses in: "
            "upskilling in your job, changing career, exploring a subject, or studying "
            "towards a qualification. Tap one, or skip and I'll leave it open."
        )
        dispatcher.utter_message(
            text=text,
            buttons=[
                inform_button("Upskill in my job", goal="upskill"),
                inform_button("Change career", goal="career_change"),
                inform_button("Explore a subject", goal="explore"),
                inform_button("Study towards a qualification", goal="further_study"),
                skip_button("Not sure, skip"),
            ],
        )
        return [event]


class ActionAskSubject(Action):
    def name(self) -> str:
        return "action_ask_subject"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        number, event = count_ask(tracker, "subject")
        text = (
            "Which subject are you interested in? For example data science, cyber "
            "security, marketing, nursing, project management, teaching, or tell me in your "
            "own words."
            if number == 1
            else "Tell me a field (such as accounting, nursing or web design) or a topic in "
            "your own words (such as Excel or dementia care). If you're not sure yet, tap "
            "\"I'm not sure\" and I'll help you find one."
        )
        dispatcher.utter_message(
            text=text,
            buttons=[
                inform_button("Data science & AI", subject="data-science-ai"),
                inform_button("Cyber security", subject="cybersecurity"),
                inform_button("Business & management", subject="business-management"),
                inform_button("Health & social care", subject="health-social-care"),
                skip_button("I'm not sure"),
            ],
        )
        return [event]


class ActionAskRefinementsDone(Action):
    def name(self) -> str:
        return "action_ask_refinements_done"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        number, event = count_ask(tracker, "refinements_done")
        dispatcher.utter_message(
            text="Anything else that matters? You can tell me a budget, hours a week, a maximum "
            "length, a level, or whether you want academic credit, all in one message. "
            "Or skip."
            if number == 1
            else 'For example "under £200, 5 hours a week" or "with academic credit". '
            "Or tap skip and I'll show you courses now.",
            buttons=[
                {"title": "Skip, show me courses", "payload": "/skip"},
                inform_button("Free courses only", budget=0),
                inform_button("With academic credit", credit_bearing=True),
                inform_button("Under 3 hours a week", hours_per_week=3),
            ],
        )
        return [event]
