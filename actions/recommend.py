"""Build and send a course list for the learner's profile (used by the search actions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.ask import inform_button
from actions.card_actions import position_payload
from actions.common import (
    client_renders_cards,
    course_line,
    course_list_payload,
    profile_from_tracker,
    store_session,
)
from actions.explore import suggest_subjects
from actions.foreign_budget import say_foreign_budget
from actions.form_history import goal_said_before
from actions.knowledge import credit
from actions.store.credit_courses import credit_courses_within, smallest_credit_course
from actions.store.misses import record_topic_miss
from actions.store.search import (
    LearnerProfile,
    SearchResult,
    closest_subjects,
    recommend,
    subject_label,
)
from actions.store.topic_match import BROAD, FULL, NONE, PARTIAL, TopicMatch
from actions.topic_alternatives import (
    also_named_line,
    alternatives_said,
    instead_line,
    search_alternatives,
)

RESULTS_PER_PAGE = 3
#: The slot holding the topic the last search found no course on (domain.yml), for a
#: learner who doubts it (actions/absent_topic_question.py).
ABSENT_TOPIC = "absent_topic"
NEXT_STEPS = (
    'Tap below, or say "tell me more about the first one", "compare 1 and 2", "cheaper", '
    '"shorter", "why this one?" or "save them".'
)


def next_step_buttons(ids: Sequence[str]) -> list[dict[str, str]]:
    """Quick replies after a course list, so a learner who only taps can go on. "More on N"
    names its list, so a tap on an old list's button is not read against a newer one."""
    count = len(ids)
    buttons = [
        {"title": f"More on {i}", "payload": position_payload("course_details", i, ids)}
        for i in range(1, count + 1)
    ]
    if count > 1:
        buttons.append({"title": "Compare", "payload": "/compare_courses"})
    buttons += [
        {"title": "Save them", "payload": "/save_shortlist"},
        {"title": "Cheaper", "payload": '/refine_search{"refinement":"cheaper"}'},
        {"title": "Shorter", "payload": '/refine_search{"refinement":"shorter"}'},
        {"title": "Start again", "payload": "/start_again"},
    ]
    return buttons


def absent_topic_event(topic: TopicMatch | None) -> dict[str, Any]:
    """The slot event remembering what a search found no course on (nothing when it did)."""
    absent = topic.topic.strip() if topic is not None and topic.status == NONE else None
    return SlotSet(ABSENT_TOPIC, absent or None)


def _header(result: SearchResult, profile: LearnerProfile, intro: str | None) -> str:
    """What the list is, said honestly: on the topic, partly, or not at all."""
    subject = subject_label(profile.subject) if profile.subject else None
    topic = result.topic
    relaxed = "; ".join(result.relaxed) if result.relaxed else "some of your wishes"
    n = len(result.courses)
    if topic is None and result.by_request:
        # No topic or subject: the words of the request alone found these.
        also = "" if result.exact else f" To find these I also relaxed: {relaxed}."
        return (
            "Going by the words of your request, these look closest (I say what each "
            f"matches; tell me a subject to narrow it down):{also}"
        )
    if topic is None or (topic.status == BROAD and not result.by_request):
        what = f"{subject} courses" if subject else "courses"
        if result.exact:
            if n == 1:
                one = f"{subject} course" if subject else "course"
                return intro or f"Here is 1 {one} that fits what you told me:"
            return intro or f"Here are {n} {what} that fit what you told me:"
        return (
            f"Nothing in the catalogue meets every wish, so here are the nearest {what}. "
            f"To find these I relaxed: {relaxed}."
        )
    asked = topic.topic.strip()
    if result.by_request:
        also = "" if result.exact else f" To find these I also relaxed: {relaxed}."
        if topic.status == NONE:
            return (
                f"I have no course on {asked} in the catalogue. Going by the rest of what you "
                f"told me, these look closest, though none is about {asked}:{also}"
            )
        if topic.status == PARTIAL:
            return (
                f"I have no course on {asked} as a whole. Going by everything you told me, "
                f"these look closest (I say what each matches):{also}"
            )
        return (
            f"Going by everything you told me, these look closest to what you're after "
            f"(I say what each matches):{also}"
        )
    if topic.status == NONE:
        return (
            f"I have no course on {asked} in the catalogue. The nearest {subject} courses "
            f"are below, but they are not about {asked}."
        )
    related = sum(1 for course in result.courses if course.related)
    if topic.status == FULL and any(course.by_meaning for course in result.courses):
        # "Here are 3 courses on scratch" had led with "Safeguarding Adults", found by
        # what the conversation meant: each course says which it is.
        lead = (
            f"Here are {n} courses on {asked} or close in meaning to what you described "
            "(I say what each matches):"
        )
        return lead if result.exact else f"{lead} To find these I also relaxed: {relaxed}."
    if topic.status == PARTIAL:
        about = "each is about part of it" if related else f"they are about {topic.covered}"
        lead = f"I have no course on {asked} as a whole. These are the nearest: {about}."
        return lead if result.exact else f"{lead} To find these I also relaxed: {relaxed}."
    if related and related == n:
        return (
            f"That's every course on {asked}. These are about part of it (I say what each covers):"
            if result.exact
            else f"That's every course on {asked}. These are about part of it; to find them I "
            f"also relaxed: {relaxed}."
        )
    if related:
        whole = n - related
        first = "the first is" if whole == 1 else f"the first {whole} are"
        lead = (
            f"Here are {n} courses: {first} on {asked}; after "
            f"{'it' if whole == 1 else 'them'}, the nearest about part of it (I say what each "
            "covers)."
        )
        return lead if result.exact else f"{lead} To find these I also relaxed: {relaxed}."
    if topic.doubtful and not result.by_request:
        # A rare word read as a misspelling ("apiculture" as agriculture): say so first.
        words = " or ".join(f'"{word}"' for word in topic.doubtful)
        them = "it" if len(topic.doubtful) == 1 else "them"
        lead = (
            f"I have no course on {words}. Reading {them} as a misspelling, these are the "
            "nearest (each says which word it matches)."
        )
        return lead if result.exact else f"{lead} To find these I also relaxed: {relaxed}."
    if result.exact:
        noun = "course" if n == 1 else "courses"
        verb = ("is", "fits") if n == 1 else ("are", "fit")
        return intro or f"Here {verb[0]} {n} {noun} on {asked} that {verb[1]}:"
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


def _count(value: float, noun: str) -> str:
    return f"{credit.format_number(value)} {noun}{'' if value == 1 else 's'}"


def _cannot_fit(hours: float, weeks: float | None, profile: LearnerProfile) -> bool:
    """Whether the least study that leads to credit cannot fit the learner's time."""
    if profile.max_weeks is not None and profile.hours_per_week is not None:
        return hours > profile.max_weeks * profile.hours_per_week
    if profile.max_weeks is not None:
        return weeks is not None and weeks > profile.max_weeks
    return False  # hours a week alone: a course can always take more weeks


def impossible_wish(session: Session, result: SearchResult, profile: LearnerProfile) -> str | None:
    """Why no course gives credit in the time the learner has, when none in the whole
    catalogue does: from its smallest credit-bearing course and the hours a credit stands
    for. ``None`` when the wish can be met (or is not about time and credit)."""
    if not profile.credit_wanted or result.exact:
        return None
    if profile.max_weeks is None and profile.hours_per_week is None:
        return None
    level = profile.level if profile.level in ("undergraduate", "postgraduate") else None
    if credit_courses_within(session, level, profile.max_weeks, profile.hours_per_week):
        return None
    what = f"{level} academic credit" if level else "academic credit"
    floor = smallest_credit_course(session, level)
    if floor is None:
        return f"No course in the catalogue carries {what}, so I can't meet that wish."
    scheme = floor.credit_scheme or "CATS"
    hours = credit.hours_for_credits(floor.credits, scheme)
    if not _cannot_fit(hours.low, floor.duration_weeks, profile):
        return None  # nothing fits, but not because credit needs more time than they have
    limits = []
    if profile.max_weeks is not None:
        limits.append(_count(profile.max_weeks, "week"))
    if profile.hours_per_week is not None:
        limits.append(f"{_count(profile.hours_per_week, 'hour')} a week")
    text = (
        f"No course here gives {what} within {' and '.join(limits)}. Credit stands for study "
        f"time, and the smallest such course in the catalogue carries "
        f"{credit.format_number(floor.credits)} {scheme} credits ({hours.sentence()[:-1]})"
    )
    if profile.max_weeks:
        per_week = credit.format_number(round(hours.low / profile.max_weeks))
        text += f", about {per_week} hours a week if done in {_count(profile.max_weeks, 'week')}"
    return text + ". The nearest options are below."


def _subject_buttons(topic: str) -> list[dict[str, str]]:
    """Subjects near a topic the catalogue lacks (by name, then by what it is about:
    "beekeeping" -> environment), and a careers adviser."""
    near = list(dict.fromkeys([*closest_subjects(topic, n=3), *suggest_subjects("", topic)]))
    buttons = [inform_button(subject_label(subject), subject=subject) for subject in near[:3]]
    return [*buttons, {"title": "Talk to an adviser", "payload": "/human_handoff"}]


#: How many listed courses a conversation remembers for "the X one" said later.
MAX_SEEN = 60


def remember_seen(tracker: Tracker, ids: list[str]) -> list[str]:
    """The courses listed so far with ``ids`` added last (each once, the latest kept)."""
    seen = [cid for cid in tracker.get_slot("seen_ids") or [] if cid not in ids]
    return [*seen, *ids][-MAX_SEEN:]


async def send_recommendations(
    dispatcher: CollectingDispatcher, tracker: Tracker, **options: Any
) -> list[dict[str, Any]]:
    """:func:`search_and_reply` (``options`` are its keywords), for the goal the learner
    holds: a goal the latest message only guessed does not replace it (see
    :func:`actions.form_history.goal_said_before`)."""
    kept = goal_said_before(tracker)
    if kept is None:
        return await search_and_reply(dispatcher, tracker, **options)
    searching = tracker.copy()
    searching.slots["goal"] = kept
    return [SlotSet("goal", kept), *await search_and_reply(dispatcher, searching, **options)]


async def search_and_reply(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    *,
    sort: str = "best",
    exclude_ids: tuple[str, ...] = (),
    intro: str | None = None,
    cheaper_than: float | None = None,
    shorter_than: float | None = None,
    lighter_than: float | None = None,
    none_left: str | None = None,
) -> list[dict[str, Any]]:
    """Search the store, reply with text plus a ``course_list`` payload, remember the list.

    A topic the catalogue lacks (wholly or partly) is said first and recorded, without
    the learner's identity, for advisers and providers (``python -m actions.store.misses``).
    ``none_left`` is the reply when a refinement ("cheaper") leaves nothing: the last list
    then stays as it was.
    """
    say_foreign_budget(dispatcher, tracker)
    profile = profile_from_tracker(tracker)
    instead: str | None = None  # the alternative searched, when the topic has no course
    absent: TopicMatch | None = None
    with store_session() as session:

        def search(wishes: LearnerProfile) -> SearchResult:
            return recommend(
                session,
                wishes,
                limit=RESULTS_PER_PAGE,
                sort=sort,
                exclude_ids=exclude_ids,
                cheaper_than=cheaper_than,
                shorter_than=shorter_than,
                lighter_than=lighter_than,
            )

        result = search(profile)
        topic = result.topic
        if topic is not None and topic.status in (NONE, PARTIAL) and not exclude_ids:
            record_topic_miss(session, topic.topic, profile.subject, topic.status)
        alternatives, listed_since = alternatives_said(tracker, profile.topic)
        if topic is not None and topic.status == NONE and alternatives:
            found = search_alternatives(profile, alternatives, search)
            if found is not None:  # "metallurgy or materials": none on the first, so the next
                absent, (profile, result) = topic, found
                topic, instead = result.topic, profile.topic
            else:  # "pottery or ceramics": none on either, said of both
                absent = topic
                topic = replace(topic, topic=" or ".join([topic.topic.strip(), *alternatives]))
                result = replace(result, topic=topic)
        impossible = impossible_wish(session, result, profile)
    if not result.courses:
        if none_left is not None:
            dispatcher.utter_message(text=none_left)
            return []
        buttons = _subject_buttons(topic.topic) if topic is not None else []
        dispatcher.utter_message(text=_no_courses(result, profile), buttons=buttons)
        if topic is not None and topic.status == NONE:
            # Not kept: the next message ("whatever you have then") gets the subject
            # question (and its way to explore) instead of the same "no course" again.
            return [SlotSet("search_sort", sort), SlotSet("topic", None), absent_topic_event(topic)]
        return [SlotSet("search_sort", sort)]
    lines = [impossible] if impossible else []
    if absent is not None and instead is not None:
        lines.append(instead_line(absent.topic.strip(), instead))
    lines.append(_header(result, profile, intro))
    if not client_renders_cards(tracker):
        lines += [""] + [course_line(i, c) for i, c in enumerate(result.courses, start=1)]
    if not instead and not exclude_ids and topic is not None and topic.status == FULL:
        also = None if listed_since else also_named_line(alternatives)
        lines += [also] if also else []
    payload = course_list_payload(
        result.courses,
        result.relaxed,
        topic=topic.topic if topic is not None else None,
        topic_status=topic.status if topic is not None else None,
    )
    dispatcher.utter_message(text="\n".join(lines), json_message=payload)
    # Sent on its own so that it comes after the cards in every channel.
    dispatcher.utter_message(
        text=NEXT_STEPS, buttons=next_step_buttons([c.id for c in result.courses])
    )
    ids = [course.id for course in result.courses]
    return [
        SlotSet("last_results", ids),
        SlotSet("shown_ids", [*exclude_ids, *ids]),
        SlotSet("seen_ids", remember_seen(tracker, ids)),
        SlotSet("search_sort", sort),
        SlotSet("course_index", None),
        SlotSet("asked", None),
        absent_topic_event(absent or topic),
        *([SlotSet("topic", instead)] if instead else []),
    ]
