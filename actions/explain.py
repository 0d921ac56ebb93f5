"""Answers about academic credit and microcredentials, from the knowledge modules."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import CourseAdvisorAction, store_session
from actions.knowledge import credit, microcredentials
from actions.store.search import get_courses


class ActionExplainCredit(CourseAdvisorAction):
    """Explains the credit topic asked about; adds the learner's own numbers when it can."""

    def name(self) -> str:
        return "action_explain_credit"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        answer = credit.explain(credit.detect_topic(text))
        ids = list(tracker.get_slot("last_results") or [])
        personal = None
        if ids:
            with store_session() as session:
                courses = get_courses(session, ids)
            stated = [(c.credits, c.credit_scheme or "CATS") for c in courses if c.credits]
            award = credit.find_award(text)
            if stated and award is None and tracker.get_slot("level") == "postgraduate":
                award = credit.find_award("PG Certificate")
            if stated and award is not None:
                personal = credit.personalised_progress(stated, award)
        if personal is not None:
            # Both texts end with the recognition caveat: say it once, at the end.
            answer = f"{answer.replace(credit.RECOGNITION_CAVEAT, '').strip()}\n\n{personal}"
        dispatcher.utter_message(text=answer)
        return []


class ActionExplainMicrocredentials(CourseAdvisorAction):
    def name(self) -> str:
        return "action_explain_microcredentials"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        dispatcher.utter_message(text=microcredentials.answer(microcredentials.detect_topic(text)))
        return []
