"""The search actions: a list after the form, and a refined list ("cheaper", "more")."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.absent_topic_question import answer_absent_topic_question
from actions.common import CourseAdvisorAction
from actions.content_question import answer_content_question
from actions.explore import send_exploration
from actions.fallback import WHAT_TO_SEARCH, answer_in_scope_question, saves_named_courses
from actions.form_history import just_said, set_back_since_message, set_since_message
from actions.format_question import answer_format_question
from actions.named_topic import named_topic, search_named_topic, titled_in
from actions.outcome_question import answer_outcome_question, asked_outcome, asks_which_of_them
from actions.refine import refine, refine_or_search, refines_last_list
from actions.shortlist import ActionSaveShortlist
from actions.taught_language_question import answer_taught_language_question
from actions.thanks import says_thanks


class ActionRecommendCourses(CourseAdvisorAction):
    """A search for the current profile (after the form completes): subjects to explore
    for a learner with none in mind, a refined list when the message asked for one
    ("money is tight, as cheap as possible"), else a fresh list."""

    def name(self) -> str:
        return "action_recommend_courses"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("exploring") and not tracker.get_slot("subject"):
            return await send_exploration(dispatcher, tracker)
        if answer_absent_topic_question(dispatcher, tracker):
            # "There is no Swahili? The language and culture one, it is not Swahili?" after
            # "I have no course on Swahili": the same no, not a search of "language"
            return set_back_since_message(tracker, only=WHAT_TO_SEARCH)
        if answer_taught_language_question(dispatcher, tracker):
            # "the courses are in portuguese?": how they are taught, not courses on Portuguese
            return set_back_since_message(tracker, only=WHAT_TO_SEARCH)
        if answer_format_question(dispatcher, tracker):
            # "any way to talk with an actual teacher?": how they are given, not teaching
            return set_back_since_message(tracker, only=WHAT_TO_SEARCH)
        if answer_content_question(dispatcher, tracker):
            # "does it teach Connemara Irish?": what the entries of the courses shown say
            return set_back_since_message(tracker, only=WHAT_TO_SEARCH)
        if _only_thanks(tracker):
            # "ok cool thx" after a list, read as a yes with nothing pending: thanks, not a
            # request for the same list again
            dispatcher.utter_message(response="utter_you_are_welcome")
            return []
        if _changes_nothing(tracker) and answer_in_scope_question(dispatcher, tracker):
            # "GI bill cover it?" read as information, with no wish in it: the same list
            # again would not answer it
            return []
        if _asks_what_the_list_gives(tracker) and answer_outcome_question(dispatcher, tracker):
            # "is there a certificate at the end because i want to show to the estate
            # manager", read as a goal: the question is answered and the wishes the form
            # took from it ("manager") are set back.
            return set_back_since_message(tracker)
        return await refine_or_search(dispatcher, tracker)


#: Intents a message that only thanks is read as, besides thank itself.
THANKING_INTENTS = frozenset({"affirm", "inform"})


def _just_said_after_a_list(tracker: Tracker) -> bool:
    """Whether the message was just sent with a list of courses shown."""
    return bool(tracker.get_slot("last_results")) and just_said(tracker)


def _changes_nothing(tracker: Tracker) -> bool:
    """Whether the message just sent, after a list, set no slot."""
    return _just_said_after_a_list(tracker) and not set_since_message(tracker)


def _only_thanks(tracker: Tracker) -> bool:
    """Whether the message just sent, after a list, agrees (or informs) and thanks and
    changes no wish ("Most kind. Kind regards, Kenneth", read as information)."""
    if (tracker.latest_message.get("intent") or {}).get("name") not in THANKING_INTENTS:
        return False
    return says_thanks(tracker.latest_message.get("text") or "") and _changes_nothing(tracker)


def _asks_what_the_list_gives(tracker: Tracker) -> bool:
    """Whether the message just sent asks, in words pointing at the courses shown, what
    finishing them gives (:func:`actions.outcome_question.asked_outcome`)."""
    if not _just_said_after_a_list(tracker):
        return False
    question = asked_outcome(tracker.latest_message.get("text") or "")
    if question is None or not question.pointed:
        return False
    topic = named_topic(tracker, kept=True, outright=True)
    # ("what is the certificate in project management like?" asks for other courses)
    return topic is None or titled_in(topic, list(tracker.get_slot("last_results") or []))


class ActionRefineSearch(CourseAdvisorAction):
    """ "cheaper", "free", "shorter", "lighter", "only with credit", "only online", "more"."""

    def name(self) -> str:
        return "action_refine_search"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if not any(tracker.get_slot(name) for name in ("subject", "topic", "last_results")):
            # (a list found by the words of a request names neither: "anything cheaper?"
            # after it refines it)
            dispatcher.utter_message(
                text="Let's find some courses first. What would you like to learn about?"
            )
            return []
        if (
            _just_said_after_a_list(tracker)
            and asks_which_of_them(tracker.latest_message.get("text") or "")
            and answer_outcome_question(dispatcher, tracker)
        ):
            # "CPD accredited? which ones.": which of those shown are, not a list of only such
            return set_back_since_message(tracker)
        if saves_named_courses(tracker):
            # "save xero + instagram ones" read as a refinement: saved, not a search of
            # "saving"
            return await ActionSaveShortlist().act(dispatcher, tracker, domain)
        return await refine(dispatcher, tracker)


class ActionAnswerNo(CourseAdvisorAction):
    """A "no" with no question pending: "no, I'd rather not spend much" refines the last
    list; a bare "no" gets what the assistant can do."""

    def name(self) -> str:
        return "action_answer_no"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if answer_absent_topic_question(dispatcher, tracker):  # "so no swahili at all?"
            return []
        if refines_last_list(tracker):
            return await refine(dispatcher, tracker)
        dispatcher.utter_message(response="utter_capabilities")
        return []


class ActionCapabilities(CourseAdvisorAction):
    """What the assistant can do, unless the question names something to learn ("What about
    the wedding planning side of things, would that help me?", "What else do you have that
    might help me get my foot in the door at a hospital?"): then the courses on it."""

    def name(self) -> str:
        return "action_capabilities"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if not tracker.active_loop.get("name"):
            found = await search_named_topic(dispatcher, tracker, kept=True)
            if found is not None:
                return found
        dispatcher.utter_message(response="utter_capabilities")
        return []
