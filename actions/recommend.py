"""Recommend courses for the learner's profile, and refine the last list."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.ask import inform_button
from actions.common import (
    CourseAdvisorAction,
    client_renders_cards,
    course_line,
    course_list_payload,
    profile_from_tracker,
    store_session,
)
from actions.store.misses import record_topic_miss
from actions.store.search import (
    LearnerProfile,
    SearchResult,
    closest_subjects,
    recommend,
    subject_label,
)
from actions.store.topic_match import BROAD, FULL, NONE, PARTIAL

RESULTS_PER_PAGE = 3
NEXT_STEPS = (
    'Say "tell me more about the first one", "compare 1 and 2", "cheaper", "shorter", '
    '"more" or "save them".'
)

# What a refinement asks for, by the words learners use.
_CHEAPER = re.compile(r"\b(cheap\w*|less expensive|lower (price|cost)|afford\w*|budget)\b", re.I)
_FREE = re.compile(r"\b(free|no cost|without paying)\b", re.I)
_SHORTER = re.compile(
    r"\b(short\w*|quick\w*|less time|fewer (weeks|hours)|less (hours|work))\b", re.I
)
_CREDIT = re.compile(r"\b(credit\w*|accredited|counts? towards)\b", re.I)
_ONLINE = re.compile(r"\b(online|remote\w*|distance)\b", re.I)


def _header(result: SearchResult, profile: LearnerProfile, intro: str | None) -> str:
    """What the list is, said honestly: on the topic, partly, or not at all."""
    subject = subject_label(profile.subject) if profile.subject else None
    topic = result.topic
    relaxed = "; ".join(result.relaxed) if result.relaxed else "some of your wishes"
    n = len(result.courses)
    if topic is None or topic.status == BROAD:
        what = f"{subject} courses" if subject else "courses"
        if result.exact:
            return intro or f"Here are {n} {what} that fit what you told me:"
        return (
            f"Nothing in the catalogue meets every wish, so here are the nearest {what}. "
            f"To find these I relaxed: {relaxed}."
        )
    asked = topic.topic.strip()
    if topic.status == NONE:
        return (
            f"I have no course on {asked} in the catalogue. The nearest {subject} courses "
            f"are below, but they are not about {asked}."
        )
    if topic.status == PARTIAL:
        lead = (
            f"I have no course on {asked} as a whole. These are the nearest: they are about "
            f"{topic.covered}."
        )
        return lead if result.exact else f"{lead} To find these I also relaxed: {relaxed}."
    if result.exact:
        noun = "course" if n == 1 else "courses"
        return intro or f"Here {'is' if n == 1 else 'are'} {n} {noun} on {asked} that fit:"
    return (
        f"No course on {asked} meets every wish, so here are the nearest courses on {asked}. "
        f"To find these I relaxed: {relaxed}."
    )


def _no_courses(result: SearchResult, profile: LearnerProfile) -> str:
    topic = result.topic
    if topic is not None and topic.status == NONE:
        return (
            f"I have no course on {topic.topic.strip()} in the catalogue, and I won't pretend "
            "another course is about it. Which subject is it closest to? Or try another topic, "
            'or say "talk to an adviser".'
        )
    if topic is not None and topic.status in (FULL, PARTIAL):
        what = f"courses on {topic.topic.strip()}"
    elif profile.subject:
        what = f"{subject_label(profile.subject)} courses"
    else:
        what = "courses for you"
    return (
        f"I couldn't find any more {what} in the catalogue. "
        "Try another topic, or change a wish (for example a bigger budget)."
    )


def _subject_buttons(topic: str) -> list[dict[str, str]]:
    return [
        inform_button(subject_label(subject), subject=subject)
        for subject in closest_subjects(topic, n=3)
    ]


async def send_recommendations(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    *,
    sort: str = "best",
    exclude_ids: tuple[str, ...] = (),
    intro: str | None = None,
) -> list[dict[str, Any]]:
    """Search the store, reply with text plus a ``course_list`` payload, remember the list.

    A topic the catalogue lacks (wholly or partly) is said first and recorded, without
    the learner's identity, for advisers and providers (``python -m actions.store.misses``).
    """
    profile = profile_from_tracker(tracker)
    with store_session() as session:
        result = recommend(
            session, profile, limit=RESULTS_PER_PAGE, sort=sort, exclude_ids=exclude_ids
        )
        topic = result.topic
        if topic is not None and topic.status in (NONE, PARTIAL) and not exclude_ids:
            record_topic_miss(session, topic.topic, profile.subject, topic.status)
    if not result.courses:
        buttons = _subject_buttons(topic.topic) if topic is not None else []
        dispatcher.utter_message(text=_no_courses(result, profile), buttons=buttons)
        return [SlotSet("search_sort", sort)]
    lines = [_header(result, profile, intro)]
    if not client_renders_cards(tracker):
        lines += [""] + [course_line(i, c) for i, c in enumerate(result.courses, start=1)]
    payload = course_list_payload(
        result.courses,
        result.relaxed,
        topic=topic.topic if topic is not None else None,
        topic_status=topic.status if topic is not None else None,
    )
    dispatcher.utter_message(text="\n".join(lines), json_message=payload)
    # Sent on its own so that it comes after the cards in every channel.
    dispatcher.utter_message(text=NEXT_STEPS)
    ids = [course.id for course in result.courses]
    return [
        SlotSet("last_results", ids),
        SlotSet("shown_ids", [*exclude_ids, *ids]),
        SlotSet("search_sort", sort),
        SlotSet("course_index", None),
    ]


class ActionRecommendCourses(CourseAdvisorAction):
    """A fresh search for the current profile (after the form completes)."""

    def name(self) -> str:
        return "action_recommend_courses"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        return await send_recommendations(dispatcher, tracker)


class ActionRefineSearch(CourseAdvisorAction):
    """ "cheaper", "shorter", "only with credit", "only online", "more"."""

    def name(self) -> str:
        return "action_refine_search"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if not tracker.get_slot("subject") and not tracker.get_slot("topic"):
            dispatcher.utter_message(
                text="Let's find some courses first. What would you like to learn about?"
            )
            return []
        text = tracker.latest_message.get("text") or ""
        events: list[dict[str, Any]] = []
        sort = tracker.get_slot("search_sort") or "best"
        exclude: tuple[str, ...] = ()
        changed = []
        if _FREE.search(text):
            events.append(SlotSet("budget", 0.0))
            changed.append("free courses only")
        elif _CHEAPER.search(text):
            sort = "cheapest"
            changed.append("cheapest first")
        if _SHORTER.search(text):
            sort = "shortest"
            changed.append("shortest first")
        if _CREDIT.search(text) and not re.search(r"\b(no|without|don'?t)\b", text, re.I):
            events.append(SlotSet("credit_bearing", True))
            changed.append("only courses with academic credit")
        if _ONLINE.search(text):
            events.append(SlotSet("delivery", "online"))
            changed.append("online only")
        if not changed:
            exclude = tuple(tracker.get_slot("shown_ids") or ())
            intro = "Here are more courses:"
        else:
            intro = f"Updated ({', '.join(changed)}):"
        refined = tracker.copy()
        for event in events:
            refined.slots[event["name"]] = event["value"]
        return events + await send_recommendations(
            dispatcher, refined, sort=sort, exclude_ids=exclude, intro=intro
        )
