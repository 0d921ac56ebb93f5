"""Hand-off to a careers adviser: record a request with a short summary."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PROFILE_SLOTS, CourseAdvisorAction, store_session
from actions.named_topic import search_named_topic
from actions.references import course_names
from actions.shortlist import ActionSaveShortlist
from actions.store.advisers import REFERENCE_KEY, new_reference
from actions.store.learners import create_handoff, get_shortlist, open_handoff

LAST_MESSAGES = 5
MAX_MESSAGE_CHARS = 300


def conversation_summary(tracker: Tracker, shortlist: list[str]) -> dict[str, Any]:
    """What an adviser needs to pick up the conversation."""
    said = [
        (event.get("text") or "")[:MAX_MESSAGE_CHARS]
        for event in tracker.events
        if event.get("event") == "user" and event.get("text")
    ]
    return {
        "profile": {
            slot: tracker.get_slot(slot)
            for slot in PROFILE_SLOTS
            if tracker.get_slot(slot) is not None
        },
        "shortlist": shortlist,
        "last_results": list(tracker.get_slot("last_results") or []),
        "last_messages": said[-LAST_MESSAGES:],
    }


#: How many of the likeliest intents may hold a request to save that comes with the handoff.
SAVE_AMONG = 2


def _also_saves(tracker: Tracker) -> bool:
    """Whether the message asks to save named courses of a list shown as well."""
    ranking = [item.get("name") for item in tracker.latest_message.get("intent_ranking") or []]
    text = tracker.latest_message.get("text") or ""
    return (
        "save_shortlist" in ranking[:SAVE_AMONG]
        and bool(tracker.get_slot("last_results"))
        and bool(course_names(text))
    )


class ActionRequestHandoff(CourseAdvisorAction):
    def name(self) -> str:
        return "action_request_handoff"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if _also_saves(tracker):
            # "Save the electrochemistry one. Could I speak to an adviser?": saved first, so
            # the adviser sees it on the shortlist.
            await ActionSaveShortlist().act(dispatcher, tracker, domain)
        with store_session() as session:
            waiting = open_handoff(session, tracker.sender_id)
            if waiting is not None:
                # "How long will the adviser take?": one request is enough, and no reply
                # time is promised (none is known).
                dispatcher.utter_message(
                    text="Your request is already with the careers advisers (reference "
                    f"{(waiting.summary or {}).get(REFERENCE_KEY, 'on file')}), and they'll "
                    "reply here. I can't say how long that will take: I don't know their "
                    "workload. Meanwhile I can keep looking at courses with you."
                )
                return []
            shortlist = [course.id for course in get_shortlist(session, tracker.sender_id)]
            # A random reference, not the sequential id (actions/store/advisers.py).
            reference = new_reference()
            summary = {REFERENCE_KEY: reference, **conversation_summary(tracker, shortlist)}
            create_handoff(session, tracker.sender_id, summary)
        dispatcher.utter_message(
            text=f"I've asked a careers adviser to pick this up (reference {reference}). "
            "They'll see what you've told me and your shortlist, so you won't need to repeat "
            "yourself, and they'll reply here. Meanwhile you can keep exploring courses with me."
        )
        # "I'd like to talk to someone about nursing courses": the courses on it meanwhile.
        return await search_named_topic(dispatcher, tracker, kept=True) or []
