"""Details and comparison of courses in the last list ("the second one", "compare 1 and 3")."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions.assessment_question import answer_assessment_question
from actions.card_actions import (
    EARLIER_LIST,
    beyond_the_list,
    from_earlier_list,
    which_one_buttons,
)
from actions.common import (
    COMPARE_TABLE,
    CourseAdvisorAction,
    client_renders,
    course_line,
    course_list_payload,
    explain_courses,
    format_credits,
    format_length,
    format_price,
    indices_from_tracker,
    link_line,
    profile_from_tracker,
    resolve_positions,
    store_session,
)
from actions.comparison import compare_payload, compare_text, table_text
from actions.content_question import answer_content_question
from actions.cost_question import answer_cost_question
from actions.course_wording import credential_label, how_the_price_adds_up, level_label
from actions.extreme_question import answer_extreme_question
from actions.format_question import answer_format_question
from actions.length_question import answer_length_question
from actions.named_topic import (
    asked_for_another_topic,
    nothing_to_act_on,
    search_named_topic,
    search_the_named_one,
)
from actions.negation import without_negated
from actions.outcome_question import answer_outcome_question
from actions.price_question import answer_price_question
from actions.references import (
    best_named,
    best_named_by_stems,
    content_words,
    referenced_ids,
    unmatched_names,
)
from actions.refine import LIST_REFINEMENTS, refine, requested_refinements
from actions.standing_question import answer_standing_question
from actions.start_question import answer_start_question
from actions.store.index_words import stems
from actions.store.search import Recommendation, get_courses
from actions.store.titles import courses_titled_in, courses_titled_with
from actions.taught_language_question import answer_taught_language_question

NOT_IN_LIST = (
    'None of the courses in my last list is the "{name}" one. Tap the one you mean, or say '
    '"courses on {name}" and I\'ll search for it.'
)
EARLIER_SHOWN = "That one was in an earlier list I showed you:"
NOT_LISTED_BUT_FOUND = (
    "That course isn't one of those I just showed, but it is in the catalogue (it is not "
    "checked against your wishes):"
)
NO_LIST = (
    "I haven't shown you any courses yet. Tell me what you'd like to learn and I'll find some."
)


def earlier_list(dispatcher: CollectingDispatcher, ids: list[str], intent: str) -> list[Any]:
    """The reply to a card button of a list that is no longer the last one."""
    dispatcher.utter_message(text=EARLIER_LIST, buttons=which_one_buttons(ids, intent))
    return [SlotSet("course_index", None)]


def named_courses(tracker: Tracker, ids: list[str]) -> list[str]:
    """Courses of the last list the message names ("the OU one", "the cheaper one"); none
    for a button's payload (``/compare_courses{...}``), which names courses by position."""
    return names_in_list(tracker, ids)[0]


def names_in_list(tracker: Tracker, ids: list[str]) -> tuple[list[str], list[str]]:
    """The courses of the list ``ids`` the message names (:func:`named_courses`) and the
    words of each course it names as "the X one" that the list lacks
    (:func:`unnamed_courses`), from one reading of the list; none for a button."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/"):
        return [], []
    with store_session() as session:
        courses = explain_courses(session, ids, profile_from_tracker(tracker))
        return _named_in(session, text, courses)


def _named_in(
    session: Session, text: str, courses: list[Recommendation]
) -> tuple[list[str], list[str]]:
    """The courses of ``courses`` that ``text`` names, and the names it gives that fit none
    of them; a name whose words are a course's to the store's stemmer names that course
    ("the dashboard one" after "... Dashboards ...": it had been said not to be listed)."""
    named = referenced_ids(text, courses)
    missing = []
    # (a name said to be dropped is no course asked about: "ok forget the spreadsheet one
    # tell me about database sql")
    for name in unmatched_names(without_negated(text), courses):
        found = best_named_by_stems(name, courses, lambda words: stems(session, words))
        if found is None:
            missing.append(name)
        elif found not in named:
            named.append(found)
    return named, missing


def titled_and_named(tracker: Tracker, ids: list[str]) -> list[str]:
    """Courses the message names by whole title (in the list or not), then courses of the
    list it names by other words once those titles are taken out ("save Introduction to
    Sustainability and Climate.now": the first by its title, the second by its word; the
    title's words must not name a listed course too)."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/"):
        return []
    with store_session() as session:
        titled = get_courses(session, courses_titled_in(session, text))
        rest = text
        for course in titled:
            rest = re.sub(re.escape(course.title), " ", rest, flags=re.IGNORECASE)
        courses = explain_courses(session, ids, profile_from_tracker(tracker))
        named = _named_in(session, rest, courses)[0] if rest.strip() else []
    return list(dict.fromkeys([course.id for course in titled] + named))


def unnamed_courses(tracker: Tracker, ids: list[str]) -> list[str]:
    """The words of each course the message names as "the X one" that no course of the
    list ``ids`` fits ("save the RAF course and the Waterloo course": "waterloo")."""
    return names_in_list(tracker, ids)[1]


def seen_earlier(tracker: Tracker, ids: list[str], names: list[str]) -> tuple[list[str], list[str]]:
    """Courses named as "the X one" that the last list ``ids`` lacks but an earlier list of
    this conversation showed ("save the RAF one" after a list on the First World War), and
    the names that fit none of them either."""
    earlier = [cid for cid in tracker.get_slot("seen_ids") or [] if cid not in ids]
    if not names or not earlier:
        return [], list(names)
    with store_session() as session:
        courses = explain_courses(session, earlier, profile_from_tracker(tracker))
    found: list[str] = []
    missing: list[str] = []
    for name in names:
        best = best_named(name, courses)
        if best is None:
            missing.append(name)
        elif best not in found:
            found.append(best)
    return found, missing


def named_in_catalogue(names: list[str]) -> tuple[list[str], list[str]]:
    """Courses named as "the X one" that no list showed but whose title has every word of
    the name, one course each ("the come rain or shine one" -> "Come Rain or Shine:
    Understanding the Weather"; a name two titles fit names neither), and the names that
    fit none."""
    found: list[str] = []
    missing: list[str] = []
    with store_session() as session:
        for name in names:
            titled = courses_titled_with(session, sorted(content_words(name)))
            if len(titled) == 1 and titled[0] not in found:
                found.append(titled[0])
            elif len(titled) != 1:
                missing.append(name)
    return found, missing


def titled_courses(tracker: Tracker) -> list[str]:
    """Courses the message names by their whole title ("tell me more about Introduction to
    Sustainability"); none for a button's payload."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/"):
        return []
    with store_session() as session:
        return courses_titled_in(session, text)


def _details(course: Recommendation) -> str:
    lines = [course_line(1, course).split("\n", 1)[0][3:]]
    if course.description:
        lines.append(course.description)
    lines.append(
        f"Type: {credential_label(course.credential_type)}. Level: {level_label(course.level)}."
    )
    lines.append(f"Length: {format_length(course)}.")
    lines.append(f"Price: {format_price(course)}.")
    adds_up = how_the_price_adds_up(course)
    if adds_up:
        lines.append(f"{adds_up}.")
    lines.append(f"Credit: {format_credits(course)}.")
    if course.reasons_met:
        lines.append("Fits: " + "; ".join(course.reasons_met) + ".")
    if course.reasons_missed:
        lines.append("Watch out: " + "; ".join(course.reasons_missed) + ".")
    lines.append(link_line(course))
    return "\n".join(lines)


class ActionCourseDetails(CourseAdvisorAction):
    def name(self) -> str:
        return "action_course_details"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        ids = list(tracker.get_slot("last_results") or [])
        if not ids:
            return await nothing_to_act_on(dispatcher, tracker, NO_LIST)
        if from_earlier_list(tracker, ids):
            return earlier_list(dispatcher, ids, "course_details")
        if answer_price_question(dispatcher, tracker):  # "the price in zloty for number one?"
            return []
        if answer_taught_language_question(dispatcher, tracker):
            return []  # "is the first one taught in Arabic?": not recorded, the page says
        if answer_format_question(dispatcher, tracker):
            return []  # "can i do it on my phone?": the delivery recorded, the page says more
        if answer_content_question(dispatcher, tracker):
            return []  # "does the first one cover pivot tables?": what its entry mentions
        asked = indices_from_tracker(tracker)
        # A course named as "the X one" that the list lacks ("the pivot one. how long"): said
        # to be missing below, never answered about the list as a whole or as another course.
        in_list, not_in_list = names_in_list(tracker, ids)
        if (
            not asked
            and not in_list
            and not not_in_list  # "is the Braille one anything to do with sign language?"
            and asked_for_another_topic(tracker, ids)
        ):
            searched = await search_named_topic(dispatcher, tracker, kept=True)
            if searched is not None:  # "also is there one about data journalism?"
                return searched
        missing = None if asked or not not_in_list else not_in_list[0]
        if missing is not None:
            earlier, _ = seen_earlier(tracker, ids, [missing])
            if earlier:
                return _earlier_details(dispatcher, tracker, earlier[0])
        if missing is None and answer_standing_question(dispatcher, tracker):
            return []  # "Is the certificate recognised by the IHK?": what the catalogue records
        # "How much is it exactly for the glaucoma one and how long?": about that one only.
        named = [] if asked or missing is not None or len(ids) < 2 else in_list
        whole_list = not asked and missing is None and not named
        if whole_list and answer_outcome_question(dispatcher, tracker):  # "do these give a cert"
            return []
        if whole_list and answer_start_question(dispatcher, tracker):  # "when does it start"
            answer_cost_question(dispatcher, tracker)  # "how much is it and when ..."
            return []
        if whole_list and answer_length_question(dispatcher, tracker):  # "how long in all?"
            return []
        chosen = resolve_positions(asked, ids)
        if asked and not chosen:
            return beyond_the_list(dispatcher, ids, "course_details", "Which one do you mean?")
        if not chosen:
            # A whole title said outright names that course, even one outside the list:
            # matching its words against the list showed another course under its name.
            titled = titled_courses(tracker)
            chosen = [cid for cid in titled if cid in ids][:1]
            if not chosen and titled:
                with store_session() as session:
                    found = explain_courses(session, titled[:1], profile_from_tracker(tracker))
                dispatcher.utter_message(text=f"{NOT_LISTED_BUT_FOUND}\n{_details(found[0])}")
                return [SlotSet("course_index", None)]
        if answer_assessment_question(dispatcher, tracker, chosen or None):  # "any exam ah?"
            return []
        if not chosen and LIST_REFINEMENTS & set(requested_refinements(tracker)):
            # "is there anything free?" read as a question about a course: refine the list.
            return await refine(dispatcher, tracker)
        if not chosen and len(ids) > 1:
            chosen = named
        if not chosen and missing is not None:
            searched = await search_the_named_one(dispatcher, tracker, missing)
            if searched is not None:
                return [SlotSet("course_index", None), *searched]
        if not chosen and (missing is not None or len(ids) > 1):
            # "the knife one, how many hours?" with no knife course in the list: say so.
            dispatcher.utter_message(
                text="Which course would you like to know more about?"
                if missing is None
                else NOT_IN_LIST.format(name=missing),
                buttons=which_one_buttons(ids, "course_details"),
            )
            return [SlotSet("course_index", None)]
        with store_session() as session:
            courses = explain_courses(session, chosen or ids, profile_from_tracker(tracker))
        if not courses:
            # the list's courses were removed from the catalogue since it was shown
            dispatcher.utter_message(response="utter_list_gone")
            return [SlotSet("course_index", None)]
        for course in courses:
            payload = course_list_payload([course], [], in_list=ids, skip_actions=("details",))
            dispatcher.utter_message(text=_details(course), json_message=payload)
        answer_start_question(dispatcher, tracker, [course.id for course in courses])
        return [SlotSet("course_index", None)]


def _earlier_details(
    dispatcher: CollectingDispatcher, tracker: Tracker, course_id: str
) -> list[dict[str, Any]]:
    """The details of a course an earlier list showed, said to be from it."""
    with store_session() as session:
        [course] = explain_courses(session, [course_id], profile_from_tracker(tracker))
    dispatcher.utter_message(
        text=f"{EARLIER_SHOWN}\n{_details(course)}",
        json_message=course_list_payload([course], []),
    )
    if not answer_assessment_question(dispatcher, tracker, [course_id]):
        answer_start_question(dispatcher, tracker, [course_id])
    return [SlotSet("course_index", None)]


class ActionCompareCourses(CourseAdvisorAction):
    def name(self) -> str:
        return "action_compare_courses"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        ids = list(tracker.get_slot("last_results") or [])
        if not ids:
            return await nothing_to_act_on(dispatcher, tracker, NO_LIST)
        if len(ids) < 2:
            dispatcher.utter_message(text="There's only one course to look at.")
            return []
        if from_earlier_list(tracker, ids):
            return earlier_list(dispatcher, ids, "compare_courses")
        if answer_extreme_question(dispatcher, tracker):  # "which one is shortest"
            return [SlotSet("course_index", None)]
        chosen = resolve_positions(indices_from_tracker(tracker), ids)
        if len(chosen) < 2:
            in_list, not_in_list = names_in_list(tracker, ids)
            named = [i for i in in_list if i not in chosen]
            earlier, missing = seen_earlier(tracker, ids, not_in_list)
            catalogued, missing = named_in_catalogue(missing)  # shown in no list
            named += [i for i in [*earlier, *catalogued] if i not in chosen and i not in named]
            if missing:
                # "Is the Google one better than the others?" or "compare the hazards one and
                # the risk assessment one" with no such course shown: say so, rather than
                # compare the whole list (or another course) as if it were there.
                dispatcher.utter_message(
                    text=NOT_IN_LIST.format(name=missing[0]),
                    buttons=which_one_buttons(ids, "compare_courses"),
                )
                return [SlotSet("course_index", None)]
            # One course named (a card's "Compare"): it, then the others of the list.
            others = named if len(chosen) + len(named) >= 2 else [*named, *ids]
            chosen += [i for i in others if i not in chosen]
        with store_session() as session:
            courses = explain_courses(session, chosen, profile_from_tracker(tracker))
        if client_renders(tracker, COMPARE_TABLE):
            dispatcher.utter_message(
                text=table_text(courses), json_message=compare_payload(courses, ids)
            )
        else:
            # A course named from an earlier list ("the dashboards one") has no position.
            positions = [ids.index(c.id) + 1 if c.id in ids else None for c in courses]
            dispatcher.utter_message(text=compare_text(courses, positions))
        return [SlotSet("course_index", None)]
