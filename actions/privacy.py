""" "Forget me": delete what the store holds about this learner and reset the profile."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import AllSlotsReset
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import CourseAdvisorAction, store_session
from actions.store.learners import forget_learner


class ActionForgetMe(CourseAdvisorAction):
    def name(self) -> str:
        return "action_forget_me"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        with store_session() as session:
            deleted = forget_learner(session, tracker.sender_id)
        labels = {"shortlist_items": "saved course", "handoff_requests": "adviser request"}
        removed = [
            f"{count} {labels.get(what, what)}{'s' if count != 1 else ''}"
            for what, count in deleted.items()
            if count
        ]
        stored = f"and deleted {', '.join(removed)}" if removed else "(nothing else was stored)"
        dispatcher.utter_message(
            text=f"Done: I've forgotten what you told me {stored}. "
            "We can start afresh whenever you like."
        )
        return [AllSlotsReset()]
