"""Messages read as out of scope: answered as such, unless they name something to learn,
state a wish outright, or (while the profile form waits) answer the question asked."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.absent_topic_question import answer_absent_topic_question
from actions.answers import asks_a_question, kept_values, said_outright
from actions.beyond_scope_question import answer_beyond_scope_question
from actions.common import CourseAdvisorAction
from actions.fallback import answer_in_scope_question
from actions.foreign_budget import say_foreign_budget
from actions.form_history import FORM_NAME
from actions.named_topic import named_topic, search_named_topic
from actions.profile_values import WISH_SLOTS
from actions.refine import refine, refine_or_search_with, refines_last_list


class ActionOutOfScope(CourseAdvisorAction):
    """Out of scope, unless the message names something to learn: then search it."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if answer_absent_topic_question(dispatcher, tracker) or answer_in_scope_question(
            dispatcher, tracker
        ):  # "so no swahili at all?", "im 17 can i even sign up"
            return []
        if refines_last_list(tracker) and not tracker.active_loop.get("name"):
            # "can you show the cheapest and shortest? rent is due and mama needs her meds":
            # the story around it read as out of scope, but it asks to change the list.
            return await refine(dispatcher, tracker)
        in_form = bool(tracker.active_loop.get("name"))
        shown = tracker.get_slot("last_results") and not in_form
        wishes = _stated_wishes(tracker) if not in_form else {}
        asked_for = named_topic(tracker, outright=True)
        if wishes and shown and asked_for is None:
            # "only nap times lol so like 2hrs a week" after a list: the aside read as out of
            # scope, but the wish in it changes the search.
            return await refine_or_search_with(dispatcher, tracker, wishes)
        if wishes and asked_for is not None:
            # "While I think of it, is there anything about the history of Jamaica or the
            # West Indies? My late husband Winston was mad for the cricket.": courses on what
            # it asks for, with the wishes said (a subject), not the last list again.
            searching = tracker.copy()
            searching.slots.update(wishes)
            events = await search_named_topic(dispatcher, searching) or []
            return [*(SlotSet(name, value) for name, value in wishes.items()), *events]
        found = await search_named_topic(dispatcher, tracker)
        if found is not None:
            return found
        if wishes:
            # "The maximum I can invest is €800." before any list: a wish, not a question
            # beyond courses; kept, and the profile form asks for the rest.
            return [*_noted(dispatcher, wishes), FollowupAction(FORM_NAME)]
        if any(e.get("entity") == "budget_currency" for e in _entities(tracker)):
            # "i have like 500 kwacha. and lots of time lol": how the amount was read (no
            # rate for kwacha), not "I can only help with choosing courses"
            say_foreign_budget(dispatcher, tracker)
            return []
        dispatcher.utter_message(response="utter_out_of_scope")
        return []


class ActionFormOutOfScope(CourseAdvisorAction):
    """Out of scope while the form waits for an answer, unless the message states a wish
    outright in words the intent classifier did not take as one ("upskill for my biz" read
    as out of scope at the refinements question): then the wish is taken and the form goes
    on, instead of "I can only help with choosing courses"."""

    def name(self) -> str:
        return "action_form_out_of_scope"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        topic = _topic_answered(tracker)
        if topic is not None:
            # "The old Norse sagas." to "Which subject?": read as the answer it is, though
            # it looked out of scope; the search goes by it.
            return [SlotSet("topic", topic), SlotSet("subject", None)]
        wishes = _stated_wishes(tracker)
        if not wishes:
            if not answer_beyond_scope_question(dispatcher, tracker):  # "do I need a visa?"
                dispatcher.utter_message(response="utter_out_of_scope")
            return []
        return _noted(dispatcher, wishes)


def _topic_answered(tracker: Tracker) -> str | None:
    """The topic a message sent while the form asks "Which subject?" answers with (kept
    aside by the NLU for an out-of-scope message, see ``answer_topic_intents`` in
    :class:`nlu.components.ProfileEntityExtractor`); none for a question."""
    if tracker.get_slot("requested_slot") != "subject":
        return None
    if asks_a_question(tracker.latest_message.get("text") or ""):
        return None
    return named_topic(tracker, kept=True)


def _noted(dispatcher: CollectingDispatcher, wishes: dict[str, Any]) -> list[dict[str, Any]]:
    """Says the wishes are noted; their slot events."""
    dispatcher.utter_message(response="utter_noted")
    return [SlotSet(name, value) for name, value in wishes.items()]


def _entities(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("entities") or [])


def _stated_wishes(tracker: Tracker) -> dict[str, Any]:
    """Wishes the message states outright (:func:`said_outright`) that its intent kept
    aside; none when the message asks something."""
    if asks_a_question(tracker.latest_message.get("text") or ""):
        return {}
    entities = [e for e in tracker.latest_message.get("entities") or [] if said_outright(e)]
    return kept_values(entities, WISH_SLOTS)
