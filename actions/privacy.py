""" "Forget me" and "start again", each only after the learner confirms.

"Forget me" deletes the shortlist and adviser requests here; the conversation itself is
deleted from the tracker store by the Rasa server when it saves a turn in which
``action_forget_me`` ran (``bot/tracker_store.py``). "Start again" clears the search
(profile and last list) but keeps the shortlist.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PROFILE_SLOTS, CourseAdvisorAction, store_session
from actions.store.learners import forget_learner

#: What "start again" clears: the search, not the shortlist.
SEARCH_SLOTS = (
    *PROFILE_SLOTS,
    "course_index",
    "refinements_done",
    "last_results",
    "search_sort",
    "shown_ids",
    "seen_ids",
    "absent_topic",
    "asked",
    "exploring",
    "by_request",
    "described_request",
    "explore_background",
    "explore_enjoy",
)
_STORED_LABELS = {"shortlist_items": "saved course", "handoff_requests": "adviser request"}


#: The slot holding the question that waits for yes or no (domain.yml).
CONFIRMING = "confirming"


def _asking(tracker: Tracker, what: str) -> list[dict[str, Any]]:
    """Remember the question and stop the form if one was running (always said, so that
    the rules read the same inside and outside the form)."""
    return [SlotSet(CONFIRMING, what), ActiveLoop(None)]


def _yes_no(yes: str, no: str) -> list[dict[str, str]]:
    return [{"title": yes, "payload": "/affirm"}, {"title": no, "payload": "/deny"}]


class ActionConfirmForgetMe(Action):
    """Asks before deleting anything (a change of mind must never wipe a profile)."""

    def name(self) -> str:
        return "action_confirm_forget_me"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="Delete everything I know about you? That is this conversation, your "
            "wishes, your shortlist and any adviser requests. This can't be undone.",
            buttons=_yes_no("Yes, delete everything", "No, keep it"),
        )
        return _asking(tracker, "forget_me")


class ActionForgetMe(CourseAdvisorAction):
    def name(self) -> str:
        return "action_forget_me"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        with store_session() as session:
            deleted = forget_learner(session, tracker.sender_id)
        removed = ["our conversation (everything you typed here)", "your wishes"]
        for what, count in deleted.items():
            label = _STORED_LABELS.get(what, what.replace("_", " "))
            removed.append(f"{count} {label}{'s' if count != 1 else ''}")
        dispatcher.utter_message(
            text=f"Done. I've deleted {', '.join(removed[:-1])} and {removed[-1]}. "
            "We can start afresh whenever you like."
        )
        return [AllSlotsReset()]


class ActionConfirmRestart(Action):
    def name(self) -> str:
        return "action_confirm_restart"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="Start a new search from scratch? I'll forget your wishes and the last list "
            "but keep your shortlist.",
            buttons=_yes_no("Yes, start again", "No, carry on"),
        )
        return _asking(tracker, "start_again")


class ActionRestartSearch(Action):
    def name(self) -> str:
        return "action_restart_search"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_restart")
        return [SlotSet(slot, None) for slot in SEARCH_SLOTS] + [SlotSet(CONFIRMING, "none")]


class ActionKeepEverything(Action):
    """The learner said no to "forget me" or "start again"."""

    def name(self) -> str:
        return "action_keep_everything"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="OK, I've kept everything. What would you like to do next?",
            buttons=[
                {"title": "Show more courses", "payload": "/refine_search"},
                {"title": "Show my shortlist", "payload": "/show_shortlist"},
            ],
        )
        return [SlotSet(CONFIRMING, "none")]
