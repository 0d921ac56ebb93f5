"""Messages the assistant is unsure of: ask to rephrase, or search a topic they name.

Low NLU confidence gets the likeliest intents as buttons, led by "Courses on <topic>"
when the message names one. A message read as out of scope that still names a topic to
learn ("how to build iPhone apps with Swift") is searched, so the learner hears whether
there is a course on it; anything else gets the out-of-scope answer.
"""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.absent_topic_question import answer_absent_topic_question
from actions.answers import (
    asks,
    asks_about_the_course_shown,
    kept_values,
    said,
)
from actions.assessment_question import answer_assessment_question
from actions.beyond_scope_question import answer_beyond_scope_question
from actions.common import CourseAdvisorAction, store_session
from actions.content_question import answer_content_question
from actions.cost_question import answer_cost_question
from actions.course_list import ActionCourseDetails, named_courses
from actions.enrol_question import answer_enrol_question
from actions.form_history import FORM_NAME, set_back_since_message
from actions.form_reading import searchable_topic
from actions.format_question import answer_format_question
from actions.length_question import answer_length_question
from actions.list_question import likely_list_question
from actions.named_topic import named_topic
from actions.negation import without_negated
from actions.outcome_question import answer_outcome_question
from actions.price_question import answer_price_question
from actions.references import course_names
from actions.refine import refine_or_search, refine_or_search_with
from actions.request_context import ELABORATED_SLOT, REQUEST_INTENTS, elaborates_the_request
from actions.results import answer_further_study_question
from actions.shortlist import ActionSaveShortlist
from actions.standing_question import answer_standing_question
from actions.start_question import answer_start_question
from actions.store.semantic_ranking import described_courses
from actions.taught_language_question import answer_taught_language_question
from actions.thanks import thanks_without_question
from actions.unrecorded_question import answer_unrecorded_question
from actions.vague import undecided_wish

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
#: Intents that close a conversation, and their replies: when the two likeliest intents of
#: an unsure message are both of these ("Ok thanks, that is all for now": goodbye 0.45,
#: thank 0.43), either reply fits, so the likelier is given instead of suggestions.
CLOSING_REPLIES = {"goodbye": "utter_goodbye", "thank": "utter_you_are_welcome"}
#: How much of the probability the two closing intents must hold together.
CLOSING_SHARE = 0.6


def answer_in_scope_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer a question about the courses shown that the intent did not catch (their
    prices in another currency or how they are paid, what finishing them gives, whether
    the learner can enrol, how they are assessed, how long they take in all, who offers
    them, whether they count for a professional body), or one about what the bot cannot
    help with (a visa, how to pay, funding) with who can, or when they start (which the
    catalogue does not record); whether it did."""
    return (
        answer_price_question(dispatcher, tracker)
        or answer_cost_question(dispatcher, tracker)
        or answer_outcome_question(dispatcher, tracker)
        or answer_further_study_question(dispatcher, tracker)
        or answer_enrol_question(dispatcher, tracker)
        or answer_assessment_question(dispatcher, tracker)
        or answer_length_question(dispatcher, tracker)
        or answer_start_question(dispatcher, tracker)
        or answer_taught_language_question(dispatcher, tracker)
        or answer_format_question(dispatcher, tracker)
        or answer_standing_question(dispatcher, tracker)
        or answer_beyond_scope_question(dispatcher, tracker)
        or answer_content_question(dispatcher, tracker)
    )


#: The slots a question answered (not searched) sets back: what to search, not the wishes
#: said with it ("is it one payment? I can do 3 hours a week").
WHAT_TO_SEARCH = ("topic", "subject")


class ActionAskRephrase(CourseAdvisorAction):
    def name(self) -> str:
        return "action_ask_rephrase"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if answer_absent_topic_question(dispatcher, tracker) or answer_in_scope_question(
            dispatcher, tracker
        ):  # "There is no Swahili?", "how much is that in dollars"
            return set_back_since_message(tracker, only=WHAT_TO_SEARCH)
        if _changes_a_wish(tracker):
            # "under 500 quid, evenings" after a list: the slots already hold the new
            # wishes (domain mappings), so search again instead of asking to rephrase.
            return await refine_or_search(dispatcher, tracker)
        kept = _kept_wishes(tracker)
        if kept:
            # "mum's credit card but not more than 300, and 20 hours a week": the likeliest
            # intent (a credit question) kept the wishes aside, but it was too unsure to
            # decide anything: take them as the wishes they are.
            return await refine_or_search_with(dispatcher, tracker, kept)
        if saves_named_courses(tracker):
            # "Can you save the costing one and the food safety one? And is there an actual
            # person I could talk to?": save those, and offer the adviser asked about too.
            events = await ActionSaveShortlist().act(dispatcher, tracker, domain)
            if "human_handoff" in _likeliest(tracker):
                dispatcher.utter_message(response="utter_offer_adviser")
            return events
        if _names_a_listed_or_shown_course(tracker):
            # "The risk assessment one, can use for HIRARC or not?": about a course named as
            # "the X one": its details, or that it is not in the list.
            return await ActionCourseDetails().act(dispatcher, tracker, domain)
        if not _asks_about_the_list_shown(tracker) and (
            _starts_a_search(tracker)
            or _likely_request(tracker)
            or _asks_about_a_topic(tracker)
            or _drops_for_a_new_topic(tracker)
        ):
            # "kubernetes" or "upskill" on its own, a longer message whose likeliest intent
            # asks for courses and names what, or a question about a topic ("So there's no
            # BSL at all? What about Makaton?"): the profile form takes it from here.
            return [FollowupAction(FORM_NAME)]
        list_question = likely_list_question(tracker)
        if list_question is not None:
            # "If I only do 2, which two" after a list: the list's question it likeliest
            # asks, answered (see actions.list_question).
            return await list_question().run(dispatcher, tracker, domain)
        closing = _closing_reply(tracker)
        if closing is not None:
            dispatcher.utter_message(response=closing)
            return set_back_since_message(tracker, only=WHAT_TO_SEARCH)
        if _thanks_after_a_list(tracker):
            # "Thank you. I shall start with the Birmingham one and see how I go. Regards,
            # Norm.": thanks; what its words set ("Birmingham") is no new wish.
            dispatcher.utter_message(response="utter_you_are_welcome")
            return set_back_since_message(tracker)
        undecided = undecided_wish(tracker.latest_message.get("text") or "")
        if undecided is not None and tracker.get_slot("last_results"):
            # "For the hours I am not sure, it depend of my night shifts" after a list.
            dispatcher.utter_message(response="utter_wish_left_open", wish=undecided)
            return []
        if answer_unrecorded_question(dispatcher, tracker):
            # "Is it official Microsoft preparation?" after a list: not recorded, said so;
            # what its words set is set back ("Do you know how I might make it larger?",
            # about an iPad, had left "iPad" as the topic of the next search).
            return set_back_since_message(tracker, only=WHAT_TO_SEARCH)
        if _describes_courses_we_have(tracker):
            # "wanna make games like the indie ones on steam, how do i even start designin
            # them": no intent was sure and no topic was named, but what it describes is
            # clearly close to courses of the catalogue: the profile form takes it (the
            # message is the request it ranks by, see actions.request_context), without
            # asking for a subject: the list goes by the request's words and meaning.
            return [SlotSet("by_request", True), FollowupAction(FORM_NAME)]
        if elaborates_the_request(tracker) and "?" not in (
            tracker.latest_message.get("text") or ""
        ):
            # "my big problem is i never know how much to charge per plate so i make money"
            # answering "Anything else that matters?": more about what they want, read
            # with the request by the search, not "Sorry, I'm not sure I understood" (no
            # question to answer: "how much to charge" is no question to the assistant).
            return [SlotSet(ELABORATED_SLOT, True)]
        if _opens_with_a_story(tracker):
            # "yo so i did a coding bootcamp in 2023 and ive been applying to junior dev
            # jobs for like 8 months ... got cooked every time on the leetcode type stuff",
            # "hi. lost my job. need something": a learner's situation, not yet what to
            # learn: the profile form asks.
            return [FollowupAction(FORM_NAME)]
        ranking = tracker.latest_message.get("intent_ranking") or []
        likely = [item["name"] for item in ranking if item.get("name") in SUGGESTIONS]
        for fallback in ("find_course", "ask_microcredentials", "human_handoff"):
            if len(likely) >= MAX_SUGGESTIONS:
                break
            if fallback not in likely:
                likely.append(fallback)
        buttons = [
            {"title": SUGGESTIONS[name], "payload": f"/{name}"} for name in likely[:MAX_SUGGESTIONS]
        ]
        topic = named_topic(tracker)
        if topic:
            payload = "/find_course" + json.dumps({"topic": topic}, separators=(",", ":"))
            buttons = [{"title": f"Courses on {topic}", "payload": payload}, *buttons]
        dispatcher.utter_message(
            text="Sorry, I'm not sure I understood. Did you mean one of these?",
            buttons=buttons[:MAX_SUGGESTIONS],
        )
        # Not understood, so it changes no wish: "Do you know how I might make it larger?"
        # (about an iPad) had made "larger" the topic of the next search.
        return set_back_since_message(tracker)


def _closing_reply(tracker: Tracker) -> str | None:
    """The reply to an unsure message whose two likeliest intents both close the
    conversation (no form waiting for an answer), else ``None``."""
    if tracker.active_loop.get("name"):
        return None
    ranking = [
        item
        for item in tracker.latest_message.get("intent_ranking") or []
        if item.get("name") != "nlu_fallback"
    ][:2]
    if len(ranking) < 2 or not all(item.get("name") in CLOSING_REPLIES for item in ranking):
        return None
    if sum(float(item.get("confidence") or 0.0) for item in ranking) < CLOSING_SHARE:
        return None
    return CLOSING_REPLIES[str(ranking[0]["name"])]


def _thanks_after_a_list(tracker: Tracker) -> bool:
    """Whether the unsure message, sent with a list shown and no form waiting for an
    answer, thanks the assistant and asks nothing."""
    return (
        not tracker.active_loop.get("name")
        and bool(tracker.get_slot("last_results"))
        and thanks_without_question(tracker.latest_message.get("text") or "")
    )


#: How many of an unsure message's likeliest intents are looked at for what else it asks.
LIKELIEST = 3


def _likeliest(tracker: Tracker) -> list[str]:
    """The unsure message's likeliest intents (not the fallback), likeliest first."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    names = [str(item.get("name")) for item in ranking if item.get("name") != "nlu_fallback"]
    return names[:LIKELIEST]


def saves_named_courses(tracker: Tracker) -> bool:
    """Whether a message (no form running) likely asks to save courses of the list shown
    (its first or second likeliest intent) and names which ("the costing one and the food
    safety one", "save xero + instagram ones")."""
    ids = list(tracker.get_slot("last_results") or [])
    if tracker.active_loop.get("name") or not ids:
        return False
    if "save_shortlist" not in _likeliest(tracker)[:2]:
        return False
    return bool(named_courses(tracker, ids))


#: Entities that state a wish about the courses (not a question or a position).
WISH_ENTITIES = frozenset(
    {"budget", "hours_per_week", "max_weeks", "level", "credit_bearing", "delivery", "refinement"}
)


def _changes_a_wish(tracker: Tracker) -> bool:
    """Whether an unsure message still states a wish for a search under way (no form)."""
    if tracker.active_loop.get("name") or not tracker.get_slot("last_results"):
        return False
    return any(
        entity.get("entity") in WISH_ENTITIES
        for entity in said(tracker.latest_message.get("entities") or [])
    )


def _kept_wishes(tracker: Tracker) -> dict[str, Any]:
    """Wishes about the courses that an unsure intent kept aside (see actions.answers), when
    a list is shown and no form is waiting for an answer."""
    if tracker.active_loop.get("name") or not tracker.get_slot("last_results"):
        return {}
    return kept_values(tracker.latest_message.get("entities") or [], WISH_ENTITIES)


#: An unsure message is taken as a start only when it is little more than what it names.
MOSTLY_NAMED = 0.6


def _names_a_listed_or_shown_course(tracker: Tracker) -> bool:
    """Whether an unsure message (no form running, a list shown) names a course as "the X
    one" and asks about it."""
    if tracker.active_loop.get("name") or not tracker.get_slot("last_results"):
        return False
    text = tracker.latest_message.get("text") or ""
    return asks(text) and bool(course_names(text))


def _starts_a_search(tracker: Tracker) -> bool:
    """Whether an unsure message (no form running) is just a goal, a subject or a topic
    ("upskill", "kubernetes"); a longer message gets suggestions instead."""
    if tracker.active_loop.get("name"):
        return False
    text = (tracker.latest_message.get("text") or "").strip()
    for entity in said(tracker.latest_message.get("entities") or []):
        if entity.get("entity") not in ("goal", "subject", "topic"):
            continue
        if entity.get("entity") == "topic" and not searchable_topic(entity.get("value")):
            continue
        span = int(entity.get("end") or 0) - int(entity.get("start") or 0)
        if text and span >= MOSTLY_NAMED * len(text.rstrip("?!. ")):
            return True
    return False


#: Intents that ask for courses or say what the learner is after; outside the form, a wish
#: given as information ("into sustainability, budget £2000") is one too, and so is a change
#: to the list that names what instead ("what about the farming ones?").
LIKELY_REQUESTS = REQUEST_INTENTS | {"inform", "refine_search"}


#: Intents an unsure message naming a subject may still mean instead of asking for courses.
NOT_A_REQUEST = frozenset(
    {
        "goodbye",
        "thank",
        "greet",
        "bot_challenge",
        "out_of_scope",
        "forget_me",
        "start_again",
        "human_handoff",
        "deny",
    }
)
#: Intents about a course of the list shown: an unsure message likeliest one of these that
#: points at no course of the list ("What about ecology or biodiversity then?", "what I
#: really need is the business side") names something new to search instead.
ABOUT_A_SHOWN_COURSE = frozenset({"course_details", "compare_courses", "which_to_pick"})


def _requests_outweigh(tracker: Tracker) -> bool:
    """Whether the intents asking for courses are together likelier than any other one
    ("Mainly microbiology, that's the bench I work on most": affirm 0.16 alone, inform,
    state_goal and find_course 0.35 together)."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    share = sum(
        float(i.get("confidence") or 0) for i in ranking if i.get("name") in LIKELY_REQUESTS
    )
    others = [
        float(i.get("confidence") or 0)
        for i in ranking
        if i.get("name") not in LIKELY_REQUESTS and i.get("name") != "nlu_fallback"
    ]
    return share > max(others, default=0.0)


def _likely_request(tracker: Tracker) -> bool:
    """Whether an unsure message (no form running) is likeliest a request for courses and
    names what about (a subject or a searchable topic): "I need to get better with
    spreadsheets for work, my manager keeps asking me for reports"; or likeliest a question
    about a shown course that points at none of them but names a new topic."""
    if tracker.active_loop.get("name"):
        return False
    ranking = _likeliest(tracker)
    if not ranking:
        return False
    if ranking[0] in ABOUT_A_SHOWN_COURSE:
        if not _points_at_no_shown_course(tracker):
            return False
    elif (
        ranking[0] not in LIKELY_REQUESTS
        and not _requests_outweigh(tracker)
        and (tracker.get_slot("last_results") or ranking[0] in NOT_A_REQUEST)
    ):
        # With no list shown, a message naming what to learn can only ask for courses
        # ("fine. negotiation then. sales. closing deals."), unless it closes or leaves.
        return False
    entities = said(tracker.latest_message.get("entities") or [])
    return named_topic(tracker) is not None or any(e.get("entity") == "subject" for e in entities)


def _asks_about_the_list_shown(tracker: Tracker) -> bool:
    """Whether the message is a yes/no question about the courses shown ("Is it a live
    class with a lecturer at a set time?") asking for no topic in so many words: a field's
    word in it ("lecturer") is no request to search teaching courses ("what languages do
    ye have then" still is one)."""
    text = tracker.latest_message.get("text") or ""
    return (
        bool(tracker.get_slot("last_results"))
        and asks_about_the_course_shown(text)
        and named_topic(tracker, outright=True) is None
    )


def _drops_for_a_new_topic(tracker: Tracker) -> bool:
    """Whether an unsure message (no form running) drops what it had and names a new topic
    in so many words: "scrap the books. what about getting customers thru facebook, i start
    a new route next month" after bookkeeping courses."""
    if tracker.active_loop.get("name"):
        return False
    text = tracker.latest_message.get("text") or ""
    return without_negated(text) != text and named_topic(tracker, outright=True) is not None


def _asks_about_a_topic(tracker: Tracker) -> bool:
    """Whether an unsure message (no form running) asks about a topic it names and about no
    course of the list shown: "So there's no BSL at all? What about Makaton?", "nothing on
    bees at all?"; not a field's words said in passing ("the writing on this iPad has become
    very small. Do you know how I might make it larger?" had searched courses on iPad)."""
    if tracker.active_loop.get("name"):
        return False
    text = tracker.latest_message.get("text") or ""
    return (
        asks(text)
        and named_topic(tracker, outright=True) is not None
        and _points_at_no_shown_course(tracker)
    )


#: Words from which an unsure message is a learner's story rather than a short remark.
STORY_MIN_WORDS = 12


def _opens_with_a_story(tracker: Tracker) -> bool:
    """Whether an unsure message (no form running, no list shown) is the learner's
    situation, told before what to learn: its two likeliest intents both say what the
    learner is after, and a goal or a subject was read from a story (if only in case it is
    an answer), or a goal was said outright in a few words ("hi. lost my job. need
    something"). Not a question ("... Do you know how I might make it larger?")."""
    if tracker.active_loop.get("name") or tracker.get_slot("last_results"):
        return False
    text = tracker.latest_message.get("text") or ""
    if text.strip().startswith("/") or "?" in text:
        return False
    if not set(_likeliest(tracker)[:2]) <= LIKELY_REQUESTS:
        return False
    entities = tracker.latest_message.get("entities") or []
    if any(e.get("entity") == "goal" and e.get("role") is None for e in entities):
        return True
    return len(text.split()) >= STORY_MIN_WORDS and any(
        e.get("entity") in ("goal", "subject") for e in entities
    )


#: An unsure message with fewer words is not searched by what it describes ("ok then",
#: "what about it?"): too little to mean something.
DESCRIBED_MIN_WORDS = 5


def _describes_courses_we_have(tracker: Tracker) -> bool:
    """Whether an unsure message (no form running, no list shown) that names nothing to
    search describes what some courses are about, by closeness in meaning (see
    actions.store.semantic_ranking.described_courses: the bar that lets a request with
    neither topic nor subject be searched by meaning)."""
    if tracker.active_loop.get("name") or tracker.get_slot("last_results"):
        return False
    if set(_likeliest(tracker)[:1]) & (NOT_A_REQUEST - {"out_of_scope"}):
        # A closing word, a greeting, a "no". Not out of scope: requests in everyday words
        # are often likeliest that ("doc says my sugar is too high, can it be reversed").
        return False
    text = (tracker.latest_message.get("text") or "").strip()
    if len(text.split()) < DESCRIBED_MIN_WORDS or text.startswith("/"):
        return False
    with store_session() as session:
        return described_courses(session, text) is not None


def _points_at_no_shown_course(tracker: Tracker) -> bool:
    """Whether the message names no position and no course of the list shown."""
    entities = tracker.latest_message.get("entities") or []
    if any(e.get("entity") == "course_index" for e in entities):
        return False
    ids = list(tracker.get_slot("last_results") or [])
    return not (ids and named_courses(tracker, ids))
