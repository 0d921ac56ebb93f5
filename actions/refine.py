"""Refinements of the last list, each verifiably applied.

"cheaper" shows only courses cheaper than the dearest course just shown, cheapest first;
"shorter" only courses shorter than the longest one shown; "lighter" only courses asking
fewer hours a week than the heaviest one shown, lightest first; "free" keeps to free courses
from now on; "with credit" and "online" become wishes. When nothing is left, the reply
says so and the last list stays. A message with no refinement shows more courses.
The refinements come from the NLU (``refinement`` entity, ``data/vocab/refinements.yml``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import said
from actions.common import explain_courses, profile_from_tracker, store_session
from actions.profile_values import REFINEMENTS
from actions.recommend import send_recommendations
from actions.store.search import Recommendation, subject_label
from actions.story import story_after_list

KINDS = REFINEMENTS
#: Refinements that can only be about the list (never a question about credit or a course).
LIST_REFINEMENTS = frozenset({"cheaper", "free", "shorter", "lighter", "online"})
#: "Free" as a hard limit on the total cost in pounds (costs are stored to the penny).
FREE_BELOW = 0.005


#: "shorter" and "lighter": only courses below the most of the list shown (its longest or its
#: heaviest course), as (the value of a course, the store's limit, the sort, what the limit
#: says, what the order says).
LIMITED_BY_THE_LIST: dict[
    str, tuple[Callable[[Recommendation], float | None], str, str, str, str]
] = {
    "shorter": (
        lambda c: c.duration_weeks,
        "shorter_than",
        "shortest",
        "shorter than {:g} weeks",
        "shortest first",
    ),
    "lighter": (
        lambda c: c.weekly_hours,
        "lighter_than",
        "lightest",
        "under {:g} hours a week",
        "lightest first",
    ),
}


def requested_refinements(tracker: Tracker) -> list[str]:
    """The refinements the latest message asks for, in :data:`KINDS` order."""
    asked = {
        str(entity.get("value"))
        for entity in said(tracker.latest_message.get("entities") or [])
        if entity.get("entity") == "refinement"
    }
    return [kind for kind in KINDS if kind in asked]


def _what(tracker: Tracker) -> str:
    topic = tracker.get_slot("topic")
    if isinstance(topic, str) and topic.strip():
        return f"on {topic.strip()}"
    subject = tracker.get_slot("subject")
    return f"in {subject_label(subject)}" if subject else "that fits"


def _money(value: float) -> str:
    return "free" if value == 0 else f"£{value:,.0f}"


def _last_courses(tracker: Tracker) -> list[Recommendation]:
    ids = list(tracker.get_slot("last_results") or [])
    if not ids:
        return []
    with store_session() as session:
        return explain_courses(session, ids, profile_from_tracker(tracker))


def _max(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def refines_last_list(tracker: Tracker) -> bool:
    """Whether the latest message asks to change a list the learner has been shown."""
    return bool(tracker.get_slot("last_results")) and bool(requested_refinements(tracker))


async def refine_or_search(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[dict[str, Any]]:
    """The last list refined when the message asks for it, else a search for the wishes
    (the subject and topic searched before kept when the message named another only as
    part of the learner's story: :func:`actions.story.story_after_list`)."""
    restore = story_after_list(tracker)
    if restore:
        return await refine_or_search_with(dispatcher, tracker, restore)
    if refines_last_list(tracker):
        return await refine(dispatcher, tracker)
    return await send_recommendations(dispatcher, tracker)


async def refine_or_search_with(
    dispatcher: CollectingDispatcher, tracker: Tracker, slots: dict[str, Any]
) -> list[dict[str, Any]]:
    """:func:`refine_or_search` with ``slots`` set first (and kept)."""
    searching = tracker.copy()
    searching.slots.update(slots)
    events = await refine_or_search(dispatcher, searching)
    return [SlotSet(name, value) for name, value in slots.items()] + events


async def refine(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Apply the refinements the latest message asks for to the last list."""
    kinds = requested_refinements(tracker)
    new_search = any(
        entity.get("entity") in ("topic", "subject")
        for entity in said(tracker.latest_message.get("entities") or [])
    )
    last = [] if new_search else _last_courses(tracker)
    events: list[dict[str, Any]] = []
    sort = tracker.get_slot("search_sort") or "best"
    changed: list[str] = []
    limits: dict[str, float] = {}
    none_left: list[str] = []
    other_free = False
    if "free" in kinds and "cheaper" in kinds:
        # "free if possible, or really cheap": cheapest first, free ones included.
        kinds = [kind for kind in kinds if kind != "free"]
    if "free" in kinds:
        events.append(SlotSet("budget", 0.0))
        limits["cheaper_than"] = FREE_BELOW
        changed.append("free courses only")
        none_left.append("that is free")
    elif "cheaper" in kinds:
        dearest = _max([course.cost_gbp for course in last])
        sort = "cheapest"
        if dearest is not None and dearest > 0:
            limits["cheaper_than"] = dearest
            changed.append(f"cheaper than {_money(dearest)}, cheapest first")
            none_left.append(f"cheaper than {_money(dearest)}")
        elif dearest == 0:
            dispatcher.utter_message(
                text="The courses I just showed you are already free, so nothing is cheaper. "
                "Here are other free ones:"
            )
            events.append(SlotSet("budget", 0.0))
            limits["cheaper_than"] = FREE_BELOW
            other_free = True
            changed.append("other free courses")
            none_left.append("that is free beyond these")
        else:
            changed.append("cheapest first")
    for kind, (values, limit, order, under, first) in LIMITED_BY_THE_LIST.items():
        if kind not in kinds:
            continue
        most = _max([values(course) for course in last])
        sort = order
        if most is None:
            changed.append(first)
            continue
        limits[limit] = most
        changed.append(f"{under.format(most)}, {first}")
        none_left.append(under.format(most))
    if "credit" in kinds:
        events.append(SlotSet("credit_bearing", True))
        changed.append("only courses with academic credit")
        none_left.append("with academic credit")
    if "online" in kinds:
        events.append(SlotSet("delivery", "online"))
        changed.append("online only")
    exclude: tuple[str, ...] = tuple(tracker.get_slot("shown_ids") or ()) if other_free else ()
    if new_search:
        intro = None
    elif not changed:
        exclude = tuple(tracker.get_slot("shown_ids") or ())
        intro = "Here are more courses:"
    else:
        intro = f"Updated ({'; '.join(changed)}):"
    refined = tracker.copy()
    for event in events:
        refined.slots[event["name"]] = event["value"]
    nothing = (
        f"I have no course {_what(tracker)} {' and '.join(none_left)} in the catalogue, so "
        "the list above is the best I can do on that. Try another wish, or say "
        '"talk to an adviser".'
        if none_left
        else None
    )
    shown = await send_recommendations(
        dispatcher,
        refined,
        sort=sort,
        exclude_ids=exclude,
        intro=intro,
        none_left=nothing,
        **limits,
    )
    if nothing is not None and not any(e.get("name") == "last_results" for e in shown):
        return []  # nothing matched: the wishes stay as they were ("anything free?" -> no)
    return events + shown
