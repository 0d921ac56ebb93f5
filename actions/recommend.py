"""Recommend courses for the learner's profile, and refine the last list."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    CourseAdvisorAction,
    client_renders_cards,
    course_line,
    course_list_payload,
    profile_from_tracker,
    store_session,
)
from actions.store.search import recommend, subject_label

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


async def send_recommendations(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    *,
    sort: str = "best",
    exclude_ids: tuple[str, ...] = (),
    intro: str | None = None,
) -> list[dict[str, Any]]:
    """Search the store, reply with text plus a ``course_list`` payload, remember the list."""
    profile = profile_from_tracker(tracker)
    with store_session() as session:
        result = recommend(
            session, profile, limit=RESULTS_PER_PAGE, sort=sort, exclude_ids=exclude_ids
        )
    topic = subject_label(profile.subject) if profile.subject else "your interests"
    if not result.courses:
        dispatcher.utter_message(
            text=f"I couldn't find any more {topic} courses in the catalogue. "
            "Try another subject, or change a wish (for example a bigger budget)."
        )
        return [SlotSet("search_sort", sort)]
    if result.exact:
        header = (
            intro or f"Here are {len(result.courses)} {topic} courses that fit what you told me:"
        )
    else:
        relaxed = "; ".join(result.relaxed) if result.relaxed else "some of your wishes"
        header = (
            f"Nothing in the catalogue meets every wish, so here are the nearest {topic} "
            f"courses. To find these I relaxed: {relaxed}."
        )
    lines = [header]
    if not client_renders_cards(tracker):
        lines += [""] + [course_line(i, c) for i, c in enumerate(result.courses, start=1)]
    dispatcher.utter_message(
        text="\n".join(lines), json_message=course_list_payload(result.courses, result.relaxed)
    )
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
        if not tracker.get_slot("subject"):
            dispatcher.utter_message(
                text="Let's find some courses first. Which subject are you interested in?"
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
