"""Save courses to the learner's shortlist and show it (stored by sender id)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import asks
from actions.card_actions import (
    EARLIER_LIST,
    beyond_the_list,
    from_earlier_list,
    which_one_buttons,
)
from actions.common import (
    CourseAdvisorAction,
    client_renders_cards,
    course_line,
    course_list_payload,
    explain_courses,
    indices_from_tracker,
    profile_from_tracker,
    resolve_positions,
    store_session,
)
from actions.course_list import NOT_IN_LIST, seen_earlier, titled_and_named, unnamed_courses
from actions.focus import course_in_focus, points_at_one
from actions.named_topic import nothing_to_act_on
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.store.learners import get_shortlist, save_shortlist
from actions.unrecorded_question import answer_unrecorded_question

NOT_SAVING_PATH = VOCAB_DIR / "not_saving.yml"


@lru_cache(maxsize=2)
def _other_saving(path: Path = NOT_SAVING_PATH) -> re.Pattern[str]:
    return phrase_patterns(path, "other_saving")["other_saving"]


@lru_cache(maxsize=2)
def _sending(path: Path = NOT_SAVING_PATH) -> re.Pattern[str]:
    return phrase_patterns(path, "sending")["sending"]


def asks_to_send(text: str) -> bool:
    """Whether ``text`` asks for courses to be sent somewhere (email, WhatsApp)."""
    return _sending().search(text.lower()) is not None


def asks_about_saving_money(text: str) -> bool:
    """Whether ``text`` asks a question about saving money or time ("could I do both in
    the same month to save money"), not to save courses."""
    return asks(text) and _other_saving().search(text.lower()) is not None


class ActionSaveShortlist(CourseAdvisorAction):
    def name(self) -> str:
        return "action_save_shortlist"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        ids = list(tracker.get_slot("last_results") or [])
        text = tracker.latest_message.get("text") or ""
        if asks_about_saving_money(text) and answer_unrecorded_question(
            dispatcher, tracker, about_the_list=True
        ):
            return [SlotSet("course_index", None)]  # a question, the shortlist untouched
        if not ids:
            return await nothing_to_act_on(
                dispatcher,
                tracker,
                "There's nothing to save yet. Let's find some courses first: what would you "
                "like to learn?",
            )
        if from_earlier_list(tracker, ids):
            dispatcher.utter_message(
                text=EARLIER_LIST, buttons=which_one_buttons(ids, "save_shortlist")
            )
            return [SlotSet("course_index", None)]
        asked = indices_from_tracker(tracker)
        chosen = resolve_positions(asked, ids)
        if asked and not chosen:
            return beyond_the_list(dispatcher, ids, "save_shortlist", "Which one shall I save?")
        # "save the fun in korea one": the courses named (a whole title may name one outside
        # the list); "save them": the whole list; "save the glasgow one" when no course of
        # the list is: say so, never save the list in its place.
        chosen = chosen or titled_and_named(tracker, ids)
        missing = [] if asked else unnamed_courses(tracker, ids)
        earlier, missing = seen_earlier(tracker, ids, missing)  # "the RAF one" shown before
        chosen = [*chosen, *(cid for cid in earlier if cid not in chosen)]
        if not chosen and missing:
            dispatcher.utter_message(
                text=NOT_IN_LIST.format(name=missing[0]),
                buttons=which_one_buttons(ids, "save_shortlist"),
            )
            return [SlotSet("course_index", None)]
        if not chosen and points_at_one(text):
            # "save that one": the course just shown on its own (one from an earlier list
            # too), else ask which, never the whole list.
            focus = course_in_focus(tracker)
            if focus is not None:
                chosen = [focus]
            elif len(ids) > 1:
                dispatcher.utter_message(
                    text="Which one shall I save?",
                    buttons=which_one_buttons(ids, "save_shortlist"),
                )
                return [SlotSet("course_index", None)]
        chosen = chosen or ids
        with store_session() as session:
            added = save_shortlist(session, tracker.sender_id, chosen)
            saved = get_shortlist(session, tracker.sender_id)
            titles = {course.id: course.title for course in saved}
        dispatcher.utter_message(text=_saved_text(chosen, added, titles, missing))
        if asks_to_send(text):  # "can u email the list to my mum": nothing is sent
            dispatcher.utter_message(response="utter_cannot_send")
        return [SlotSet("course_index", None)]


def _saved_text(chosen: list[str], added: int, titles: dict[str, str], missing: list[str]) -> str:
    """What was saved, by title, and which named course was not (nothing lost silently)."""
    already = len(chosen) - added
    text = f"Saved {added} course{'s' if added != 1 else ''} to your shortlist"
    if already:
        text += f" ({already} already there)"
    named = [titles[cid] for cid in chosen if cid in titles]
    if 0 < len(named) <= 3:
        text += ": " + "; ".join(named)
    text += f'. You have {len(titles)} in total; say "show my shortlist" to see them.'
    for name in missing:
        text += (
            f'\nI didn\'t save the "{name}" one: it isn\'t in my last list. Say "courses on '
            f"{name}\" and I'll search for it."
        )
    return text


class ActionShowShortlist(CourseAdvisorAction):
    def name(self) -> str:
        return "action_show_shortlist"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        with store_session() as session:
            saved_ids = [course.id for course in get_shortlist(session, tracker.sender_id)]
            courses = explain_courses(session, saved_ids, profile_from_tracker(tracker))
        if not courses:
            return await nothing_to_act_on(
                dispatcher,
                tracker,
                'Your shortlist is empty. When I show you courses, say "save it" to keep them.',
            )
        lines = [f"Your shortlist ({len(courses)}):"]
        if not client_renders_cards(tracker):
            lines += [""] + [course_line(i, c) for i, c in enumerate(courses, start=1)]
        dispatcher.utter_message(
            text="\n".join(lines), json_message=course_list_payload(courses, [])
        )
        return [SlotSet("last_results", [course.id for course in courses])]
