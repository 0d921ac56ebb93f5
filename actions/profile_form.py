"""The learner profile form: asks only for what is missing and matters, and never traps.

Goal and subject are asked unless the learner named a topic precise enough to search
("Kubernetes", "Excel pivot tables"); an answer to the subject question that is not one
of the subjects is taken as the topic. The optional refinements (budget, weekly hours,
length, level, credit) are offered once, in one question the learner can skip.

Every question can be skipped or answered vaguely ("not sure", "whatever"), and none is
asked more than twice in a row (the second time explains the choices, see
:mod:`actions.ask`): a goal left open ranks courses neutrally; a subject left open starts
the exploration questions (:mod:`actions.explore`) instead.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import ANSWERED_BY, asks, inferred_only, said
from actions.ask import MAX_ASKS, times_asked
from actions.common import topic_inferred
from actions.fallback import answer_in_scope_question
from actions.foreign_budget import say_foreign_budget
from actions.form_history import (
    goal_said_before,
    just_said,
    set_since_message,
    value_before_message,
)
from actions.form_reading import (
    INTERRUPTIONS,
    SKIPS,
    answer_to_question,
    asks_for_a_list,
    gives_up,
    goal_only_guessed,
    intent_of,
    message_names_something,
    says,
    searchable_topic,
    skips_subject,
    states_a_concrete_wish,
    subject_left_open,
    text_names_something,
)
from actions.profile_values import GOALS
from actions.request_context import DESCRIBED_REQUEST
from actions.stacking import plan_reply
from actions.store.db import StoreError
from actions.store.search import closest_subjects, subject_ids, subject_label
from actions.story import story_events
from actions.vague import is_vague

logger = logging.getLogger(__name__)

OPTIONAL_SLOTS = ("budget", "hours_per_week", "max_weeks", "level", "credit_bearing")
#: The goal slot's value when the learner leaves it open (a neutral ranking).
NO_GOAL = "any"
#: The exploration answers' value when the learner skips them.
SKIPPED = "skipped"
EXPLORE_SLOTS = ("explore_background", "explore_enjoy")
#: Slots that are not asked for but decide which questions the form asks.
STEERING_SLOTS = ("exploring", "topic", "by_request")
# Intents that answer the "anything else?" question (anything else is an interruption);
# a thank-you there ("nothing else, thanks", "c'est tout, merci") means nothing more.
ANSWERS_TO_REFINEMENTS = {
    "skip",
    "thank",
    "affirm",
    "deny",
    "inform",
    "find_course",
    "refine_search",
    "state_goal",
}
# Messages that state a goal or wish and may ask for a stacking plan on the way.
PLAN_INTENTS = {"state_goal", "find_course", "inform"}
# Interruptions a vague answer is read through: "i dont know, what do people my age
# usually do?" may be classified as a question about the assistant, but it answers
# "which subject?" with "no idea".
VAGUE_WINS_OVER = {"ask_capabilities", "greet", "thank"}
#: Most words of an answer to the subject question that is only a topic phrase
#: ("kubernetes", "python for data analysis"); a longer one describes what the learner is
#: after ("For the past eleven years I have co-chaired an interfaith forum ... I should like
#: to deepen my understanding of Islam") and is the request when its words name something.
LONGEST_TOPIC_ANSWER = 6


def _sets_a_slot(events: list[EventType]) -> bool:
    """Whether ``events`` set a slot other than the question asked: what keeps Rasa from
    rejecting the form's validation."""
    return any(e.get("event") == "slot" and e.get("name") != "requested_slot" for e in events)


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
        """A searchable topic makes the goal and subject questions unnecessary; a learner
        with no subject in mind is asked what they did and enjoy instead. Once courses were
        shown, the goal is not asked again: it only orders them, and "What's your main goal?"
        after a list had answered "also the health inspector things" (a learner can still
        say a goal)."""
        usual = [slot for slot in domain_slots if slot not in EXPLORE_SLOTS]
        if tracker.get_slot("seen_ids"):
            usual = [slot for slot in usual if slot != "goal"]
        if tracker.get_slot("exploring") and not tracker.get_slot("subject"):
            return [slot for slot in usual if slot == "goal"] + list(EXPLORE_SLOTS)
        if searchable_topic(tracker.get_slot("topic")):
            return [slot for slot in usual if slot not in ("goal", "subject")]
        if tracker.get_slot("by_request") and not tracker.get_slot("subject"):
            return [slot for slot in usual if slot != "subject"]
        return usual

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Also clears a subject slot holding free text: when the same answer made the
        topic searchable ("kubernetes"), the subject is no longer a form slot, so
        ``validate_subject`` is not called for it."""
        events = list(await super().get_validation_events(dispatcher, tracker, domain))
        self._plan_if_asked(dispatcher, tracker)
        # rasa_sdk returns only the form's own slots: keep what the extract_ methods set
        # for the slots that steer the form (it would forget "exploring" otherwise).
        returned = {e.get("name") for e in events if e.get("event") == "slot"}
        changed = tracker.slots_to_validate()
        if tracker.get_slot("requested_slot") in EXPLORE_SLOTS and "topic" in changed:
            # "Organising and leading" answers what they enjoy; it is not a course topic.
            events.append(SlotSet("topic", None))
            returned.add("topic")
        if tracker.get_slot("requested_slot") == "explore_background" and "subject" in changed:
            # "... mostly stock control and some bookkeeping" answers what they have done:
            # the work done, no field wanted; the exploration questions go on (whether or
            # not validate_subject took it as the subject and ended them)
            events += [SlotSet("subject", None), SlotSet("exploring", True)]
            returned |= {"subject", "exploring"}
        for name in (*STEERING_SLOTS, "subject"):
            if name in changed and name not in returned:
                events.append(SlotSet(name, tracker.get_slot(name)))
        asked_for = ANSWERED_BY.get(tracker.get_slot("requested_slot") or "", frozenset())
        guessed = goal_only_guessed(tracker)
        for name, value in answer_to_question(tracker).items():
            # The answer's other wishes ("two grand, and with credit"); a wish said before
            # is changed only by an answer to the question about it, and a goal only guessed
            # from an answer to another question is no goal ("No need credits").
            if name == "goal" and name not in asked_for and guessed:
                continue
            if name not in returned and (name in asked_for or tracker.get_slot(name) is None):
                events.append(SlotSet(name, value))
        kept = self._keep_a_goal_said_before(tracker)
        if kept is not None:
            events.append(SlotSet("goal", kept))
        kept_topic = self._keep_a_topic_said_before(tracker)
        if kept_topic is not None:
            events.append(SlotSet("topic", kept_topic))
        if just_said(tracker):  # "I'm a staff nurse ...": the job told about is no subject
            events += story_events(tracker)
        subject = tracker.get_slot("subject")
        for event in events:
            if event.get("event") == "slot" and event.get("name") == "subject":
                subject = event.get("value")
        if "subject" in changed and subject is not None and subject not in subject_ids():
            events.append(SlotSet("subject", None))
        events += await self._other_wishes(dispatcher, tracker, domain, events)
        return events + self._answer_a_question_instead(dispatcher, tracker, events)

    @staticmethod
    def _answer_a_question_instead(
        dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType]
    ) -> list[EventType]:
        """A question answering nothing asked ("im 16 is that ok" to "What's your main
        goal?"): answered when the bot can, and the question asked again. Rasa rejects a
        form whose validation sets none of its slots, and the fallback had answered "Sorry,
        I didn't get that"; setting the question's slot again keeps the form going."""
        requested = tracker.get_slot("requested_slot")
        if requested is None or _sets_a_slot(events) or not just_said(tracker):
            return []
        if not answer_in_scope_question(dispatcher, tracker):
            return []
        return [SlotSet(requested, tracker.get_slot(requested))]

    async def _other_wishes(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        events: list[EventType],
    ) -> list[EventType]:
        """A message answering a question other than "anything else?" with other wishes
        ("only weekends, maybe 4 hours", "max 40 francs per month"): the wishes are kept
        (the slot mappings set them) and the question is asked again. Rasa rejects a form
        whose validation sets none of its slots, and the fallback then answered "Sorry, I
        didn't get that" to a message whose wish had been taken; setting the wishes again
        here keeps the form going. An amount in a currency with no rate is said to be
        unused when the form asks on (the search says it when the list follows)."""
        requested = tracker.get_slot("requested_slot")
        if requested in (None, "refinements_done") or not just_said(tracker):
            return []
        entities = said(tracker.latest_message.get("entities") or [])
        unread = any(e.get("entity") == "budget_currency" for e in entities)
        if _sets_a_slot(events):
            if unread and await self._asks_on(dispatcher, tracker, domain, events):
                say_foreign_budget(dispatcher, tracker)
            return []
        changed = set_since_message(tracker)
        given = [name for name in (*OPTIONAL_SLOTS, "delivery") if name in changed]
        if not given and not unread:
            return []
        if given:
            dispatcher.utter_message(response="utter_noted")
        if unread:
            say_foreign_budget(dispatcher, tracker)
            given = list(dict.fromkeys([*given, "budget"]))
        return [SlotSet(name, tracker.get_slot(name)) for name in given]

    async def _asks_on(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        events: list[EventType],
    ) -> bool:
        """Whether the form still has a question to ask once ``events`` are applied."""
        after = copy.deepcopy(tracker)
        after.add_slots(events)
        required = await self.required_slots(self.domain_slots(domain), dispatcher, after, domain)
        return any(after.get_slot(name) is None for name in required)

    @staticmethod
    def _keep_a_goal_said_before(tracker: Tracker) -> str | None:
        """The goal said earlier, when a message answering another question only implies a
        different one ("SCQF 9 with credit" suggests further study to an upskiller)."""
        if tracker.get_slot("requested_slot") in (None, "goal"):
            return None
        return goal_said_before(tracker, given_only=False)

    @staticmethod
    def _keep_a_topic_said_before(tracker: Tracker) -> str | None:
        """The topic asked for earlier ("excel pivot tables"), when a later message only
        names a subject in passing ("upskilling for my job. office admin"): the job told
        about is not a new topic. An answer to the subject question still replaces it, and
        so does any later topic when the earlier one was only inferred too."""
        if tracker.get_slot("requested_slot") == "subject" or not just_said(tracker):
            return None
        if not inferred_only(tracker.latest_message.get("entities") or [], "topic"):
            return None
        before = value_before_message(tracker, "topic")
        if not searchable_topic(before) or before == tracker.get_slot("topic"):
            return None
        if topic_inferred(tracker, before):
            return None  # only guessed itself ("... kids are in school now"): no better
        return str(before)

    @staticmethod
    def _plan_if_asked(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """ "I'd like to work towards a PG Cert by stacking microcredentials": a stacking
        plan from the catalogue now, while the form goes on to find courses."""
        if intent_of(tracker) not in PLAN_INTENTS or not just_said(tracker):
            return
        try:
            plan = plan_reply(tracker, tracker.latest_message.get("text") or "")
        except StoreError:
            logger.warning("No stacking plan: the course store failed", exc_info=True)
            return
        if plan:
            dispatcher.utter_message(text=plan)

    async def extract_goal(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("goal") or says(tracker, "goal"):
            return {}
        answered = answer_to_question(tracker)
        asked = tracker.get_slot("requested_slot") == "goal"
        if "goal" in answered and (asked or not goal_only_guessed(tracker)):
            return {"goal": answered["goal"]}
        if not gives_up(tracker, "goal"):
            return {}
        dispatcher.utter_message(
            text="That's fine, I'll leave the goal open and rank courses on the rest."
        )
        return {"goal": NO_GOAL}

    async def extract_subject(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A skipped or vague subject question starts the exploration questions, unless the
        learner's request named something specific: then the search goes by its words."""
        if tracker.get_slot("requested_slot") != "subject" or says(tracker, "subject"):
            return {}
        answered = answer_to_question(tracker)
        if "subject" in answered:
            return {"subject": answered["subject"], "exploring": False}
        if searchable_topic(tracker.get_slot("topic")) or says(tracker, "topic"):
            return {}
        if skips_subject(tracker) or (
            intent_of(tracker) not in INTERRUPTIONS - VAGUE_WINS_OVER
            and not states_a_concrete_wish(tracker)
            and is_vague(tracker.latest_message.get("text") or "")
        ):
            return subject_left_open(tracker)
        return {}

    async def extract_explore_background(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._explore_skip(tracker, "explore_background")

    async def extract_explore_enjoy(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._explore_skip(tracker, "explore_enjoy")

    @staticmethod
    def _explore_skip(tracker: Tracker, slot: str) -> dict[str, Any]:
        if tracker.get_slot(slot) or tracker.get_slot("requested_slot") != slot:
            return {}
        intent = intent_of(tracker)
        if intent in SKIPS or (intent not in INTERRUPTIONS and times_asked(tracker, slot) >= 2):
            return {slot: SKIPPED}
        return {}

    async def extract_refinements_done(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Done once the learner has given any optional wish, or answered the question."""
        if tracker.get_slot("refinements_done"):
            return {}
        if any(tracker.get_slot(slot) is not None for slot in OPTIONAL_SLOTS):
            return {"refinements_done": True}
        if answer_to_question(tracker):
            return {"refinements_done": True}
        if tracker.get_slot("requested_slot") != "refinements_done":
            return {}
        if intent_of(tracker) in ANSWERS_TO_REFINEMENTS or gives_up(tracker, "refinements_done"):
            return {"refinements_done": True}
        return {}

    def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"goal": value if value in (*GOALS, NO_GOAL) else None}

    def validate_subject(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if isinstance(value, str) and value in subject_ids():
            return {"subject": value, "exploring": False}
        said = str(value or "").strip()
        typed = said[:80]
        wish = states_a_concrete_wish(tracker)
        if not says(tracker, "topic") and (
            wish
            or ((asks_for_a_list(tracker) or asks(typed)) and not message_names_something(tracker))
        ):
            # "anything free? im broke till payday": a wish (kept by its own slot and
            # acknowledged), not a topic to search; the question stays open, as often as
            # wishes come ("maybe two or three hours", then "no more than 30 euro", then
            # the dementia course). "do i get a cert at the end" asks something and names
            # nothing to search: the question stays open, but is not asked a third time.
            if wish:
                dispatcher.utter_message(response="utter_noted")
            elif times_asked(tracker, "subject") >= MAX_ASKS:
                return subject_left_open(tracker)
            return {"subject": None}
        longer = len(said.split()) > LONGEST_TOPIC_ANSWER
        if longer and text_names_something(said, or_described=True):
            # A description, not a topic phrase: the search goes by the request, which it
            # now is (actions.request_context; the whole message had become the topic: "I
            # have no course on For the past eleven years ...").
            return {
                "subject": None,
                "exploring": False,
                "by_request": True,
                DESCRIBED_REQUEST: said,
            }
        if longer and not wish:
            # More than a topic phrase, naming nothing ("dunno really. maybe work as a TA one
            # day but mostly for him" after "my little brother is autistic ... understand it
            # better"): the earlier request, else the exploration questions.
            return subject_left_open(tracker)
        if searchable_topic(typed):
            # Not a subject but something to search for ("kubernetes"): the topic.
            return {"subject": None, "topic": typed}
        if tracker.get_slot("exploring") or (
            is_vague(typed) and not states_a_concrete_wish(tracker)
        ):
            return {"subject": None, "exploring": True}
        if times_asked(tracker, "subject") >= MAX_ASKS:
            # A third miss: search the request's words, or help them find a subject,
            # rather than ask again.
            return subject_left_open(tracker)
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
        return {"subject": None}
