"""Low NLU confidence: ask to rephrase, offering the likeliest intents as buttons."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

# How each intent reads as a suggestion; intents not listed are never suggested.
SUGGESTIONS = {
    "find_course": "Find me a course",
    "state_goal": "Tell you about my goal",
    "ask_credit": "How does academic credit work?",
    "ask_microcredentials": "What is a microcredential?",
    "refine_search": "Show me other courses",
    "course_details": "Tell me more about a course",
    "compare_courses": "Compare courses",
    "save_shortlist": "Save these courses",
    "show_shortlist": "Show my shortlist",
    "human_handoff": "Talk to a careers adviser",
    "ask_capabilities": "What can you do?",
}
MAX_SUGGESTIONS = 3


class ActionAskRephrase(Action):
    def name(self) -> str:
        return "action_ask_rephrase"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        ranking = tracker.latest_message.get("intent_ranking") or []
        likely = [item["name"] for item in ranking if item.get("name") in SUGGESTIONS]
        for fallback in ("find_course", "ask_microcredentials", "human_handoff"):
            if len(likely) >= MAX_SUGGESTIONS:
                break
            if fallback not in likely:
                likely.append(fallback)
        dispatcher.utter_message(
            text="Sorry, I'm not sure I understood. Did you mean one of these?",
            buttons=[
                {"title": SUGGESTIONS[name], "payload": f"/{name}"}
                for name in likely[:MAX_SUGGESTIONS]
            ],
        )
        return []
