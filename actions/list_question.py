"""An unsure question about the list shown, answered as the question it likeliest is.

After a list, a question about its courses is often said in a way the intent classifier is
unsure of, its confidence spread over the list's questions ("5 courses x 10 hours is a lot.
If I only do 2, which two": compare 0.27, find_course 0.21, which to pick 0.15; "Ok. Send
me the title of the one you would take. Only one.": which to pick 0.32, save 0.32). Any of
them is an answer about the list the learner is looking at, where "Sorry, I'm not sure I
understood" is a dead end. So when a list is shown, the likeliest intent is one of these
and together they are as sure as the fallback threshold asks of one intent, the likeliest
one's action answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, Tracker

from actions.course_list import ActionCompareCourses, ActionCourseDetails
from actions.results import ActionWhichToPick, ActionWhyRecommended
from actions.shortlist import ActionSaveShortlist

#: The actions that answer the list's questions (form_reading.LIST_QUESTIONS).
ANSWERED_BY: Mapping[str, type[Action]] = {
    "course_details": ActionCourseDetails,
    "compare_courses": ActionCompareCourses,
    "which_to_pick": ActionWhichToPick,
    "why_recommended": ActionWhyRecommended,
    "save_shortlist": ActionSaveShortlist,
}
#: Least summed confidence of the list's questions (the fallback threshold, config.yml).
LEAST_SHARE = 0.3


def likely_list_question(tracker: Tracker) -> type[Action] | None:
    """The action answering the list question an unsure message likeliest asks (see the
    module docstring), or ``None``."""
    if tracker.active_loop.get("name") or not tracker.get_slot("last_results"):
        return None
    ranking: list[dict[str, Any]] = [
        item
        for item in tracker.latest_message.get("intent_ranking") or []
        if item.get("name") != "nlu_fallback"
    ]
    if not ranking or ranking[0].get("name") not in ANSWERED_BY:
        return None
    share = sum(
        float(item.get("confidence") or 0.0) for item in ranking if item.get("name") in ANSWERED_BY
    )
    return ANSWERED_BY[str(ranking[0]["name"])] if share >= LEAST_SHARE else None
