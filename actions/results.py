"""Questions about the list just shown, answered from the data: "why did you recommend
that?", "which would you pick?", "would any of these get me a job?".

Reasons are the course's own (what it meets and misses of the learner's wishes); the
pick is argued from them; job value is the honest general answer (it depends on the
sector; nothing guarantees a job) plus what the listed courses actually carry.
"""

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
from actions.assessment_question import answer_assessment_question
from actions.common import (
    GOAL_LABELS,
    CourseAdvisorAction,
    explain_courses,
    format_credits,
    format_price,
    profile_from_tracker,
    store_session,
)
from actions.course_list import NO_LIST
from actions.extreme_question import answer_extreme_question
from actions.knowledge import microcredentials
from actions.knowledge.credit import RECOGNITION_CAVEAT
from actions.named_topic import named_topic, nothing_to_act_on, search_named_topic, titled_in
from actions.negation import negated
from actions.outcome_question import answer_outcome_question, points_at_the_list
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.references import chosen_positions, referenced_ids
from actions.store.search import Recommendation


def _last(tracker: Tracker) -> tuple[list[str], list[Recommendation]]:
    ids = list(tracker.get_slot("last_results") or [])
    if not ids:
        return [], []
    with store_session() as session:
        return ids, explain_courses(session, ids, profile_from_tracker(tracker))


def _reasons(course: Recommendation) -> str:
    met = "; ".join(course.reasons_met) if course.reasons_met else "it is the nearest match"
    text = f"it fits because {met}"
    if course.reasons_missed:
        text += f". But note: {'; '.join(course.reasons_missed)}"
    return text + "."


class ActionWhyRecommended(CourseAdvisorAction):
    def name(self) -> str:
        return "action_why_recommended"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        ids, courses = _last(tracker)
        if not courses:
            return await nothing_to_act_on(dispatcher, tracker, NO_LIST)
        text = tracker.latest_message.get("text") or ""
        wanted = chosen_positions(tracker, ids) or referenced_ids(text, courses)
        shown = [c for c in courses if c.id in wanted] if wanted else courses
        lines = [
            f"{ids.index(course.id) + 1}. {course.title}: {_reasons(course)}" for course in shown
        ]
        lines.append(
            "I rank courses first on the topic you asked for, then on how many of your wishes "
            "they meet and on your goal."
        )
        dispatcher.utter_message(text="\n".join(lines))
        return []


def _pick(courses: list[Recommendation]) -> Recommendation:
    """The course meeting most wishes; ties go to the one listed first (ranked higher)."""
    return min(courses, key=lambda c: (len(c.reasons_missed), courses.index(c)))


class ActionWhichToPick(CourseAdvisorAction):
    def name(self) -> str:
        return "action_which_to_pick"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        ids, courses = _last(tracker)
        if not courses:
            return await nothing_to_act_on(dispatcher, tracker, NO_LIST)
        # ("u pick one" reads "one" as the first course: it must not stay for a later
        # "save" or "tell me more" that names none)
        done = [SlotSet("course_index", None)]
        if answer_extreme_question(dispatcher, tracker):  # "Which is the shortest one?"
            return done
        best = _pick(courses)
        position = ids.index(best.id) + 1
        goal = GOAL_LABELS.get(str(tracker.get_slot("goal")))
        for_goal = f" for {goal}" if goal else ""
        lines = [f"I'd start with {position}. {best.title}{for_goal}: {_reasons(best)}"]
        others = [c for c in courses if c.id != best.id]
        if others:
            cheaper = [
                c
                for c in others
                if c.cost_gbp is not None
                and best.cost_gbp is not None
                and c.cost_gbp < best.cost_gbp
            ]
            if cheaper:
                alt = min(cheaper, key=lambda c: c.cost_gbp or 0.0)
                lines.append(
                    f"If price matters most, {ids.index(alt.id) + 1}. {alt.title} costs less "
                    f"({format_price(alt)})."
                )
        lines.append(
            "It's your call: read the course pages, and a careers adviser can talk it through "
            'with you (say "talk to an adviser").'
        )
        dispatcher.utter_message(text="\n".join(lines))
        return done


def _what_they_carry(courses: list[Recommendation]) -> str:
    parts = []
    for number, course in enumerate(courses, start=1):
        carries = format_credits(course)
        if course.cpd_accredited:
            carries += ", CPD-accredited"
        parts.append(
            f"{number}. {course.title} ({course.provider or 'provider not stated'}): {carries}"
        )
    return "\n".join(parts)


JOB_QUESTIONS_PATH = VOCAB_DIR / "job_questions.yml"
#: Below this intent confidence a question read as about jobs must name jobs to be one (the
#: two misreadings that prompted it were at 0.35 and 0.41).
JOB_QUESTION_SURE = 0.5


@lru_cache(maxsize=2)
def _job_words(path: Path = JOB_QUESTIONS_PATH) -> re.Pattern[str]:
    return phrase_patterns(path, "job_words")["job_words"]


@lru_cache(maxsize=2)
def _study_words(path: Path = JOB_QUESTIONS_PATH) -> re.Pattern[str]:
    return phrase_patterns(path, "study_words")["study_words"]


def asks_about_further_study(text: str) -> bool:
    """Whether ``text`` asks about university or a degree and not about jobs ("does it
    help me get into uni")."""
    lowered = text.lower()
    return _study_words().search(lowered) is not None and not mentions_jobs(text)


#: The answer to "does it help me get into uni": who decides, and what credit can do.
FURTHER_STUDY_VALUE = (
    "No course can promise a university place or a degree: each university decides whom it "
    "admits and what it counts. A course that carries academic credit may count towards a "
    "degree if the university accepts it (recognition of prior learning); one with no "
    "stated credit carries none to count, though what you learn is still yours. "
)


def mentions_jobs(text: str) -> bool:
    """Whether ``text`` says something about jobs or employers that it does not negate
    ("not for a job")."""
    return any(not negated(text, m.start()) for m in _job_words().finditer(text.lower()))


class ActionJobValue(CourseAdvisorAction):
    """ "Would any of these get me a job?", "will employers care?"."""

    def name(self) -> str:
        return "action_job_value"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        # "The writing one, will it give a certificate? Will it have mock tests?" is about
        # what a course shown gives or how it is assessed, not about jobs.
        if answer_outcome_question(dispatcher, tracker) or answer_assessment_question(
            dispatcher, tracker
        ):
            return []
        intent = tracker.latest_message.get("intent") or {}
        unsure = float(intent.get("confidence") or 0) < JOB_QUESTION_SURE
        text = tracker.latest_message.get("text") or ""
        if unsure and not mentions_jobs(text):
            if not asks(text):
                # "it's just for me at home, not for a job": said, not asked
                dispatcher.utter_message(response="utter_noted")
                return []
            # "Does it mean they will keep taking money from my bank?": no question about
            # jobs; routed as an unsure message is.
            from actions.fallback import ActionAskRephrase  # imports this module

            return await ActionAskRephrase().act(dispatcher, tracker, domain)
        if unsure and not tracker.get_slot("last_results"):
            # "need help wi ma CV an job interviews ... anythin free?": with no list to judge,
            # an unsure job question naming a topic asks for courses on it.
            searched = await search_named_topic(dispatcher, tracker, kept=True)
            if searched is not None:
                return searched
        _ids, courses = _last(tracker)
        dispatcher.utter_message(text=_value_text(courses, asks_about_further_study(text)))
        return []


def _value_text(courses: list[Recommendation], study: bool) -> str:
    """What the courses shown are worth for a job, or (``study``) towards university."""
    lines = [
        FURTHER_STUDY_VALUE + RECOGNITION_CAVEAT
        if study
        else "No course can promise a job. " + microcredentials.answer("employer_recognition")
    ]
    if courses:
        lines.append("What the courses I showed you carry:\n" + _what_they_carry(courses))
    lines.append(
        "The university you'd apply to can say what it accepts, and a careers adviser can "
        'talk it through with you (say "talk to an adviser").'
        if study
        else "A careers adviser can say how employers in your area see them "
        '(say "talk to an adviser").'
    )
    return "\n\n".join(lines)


def answer_further_study_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks whether the courses shown count towards, or
    help into, a degree or university ("any of this count toward a bachelors?"), pointing
    at them and naming no other topic; whether it did."""
    text = tracker.latest_message.get("text") or ""
    if not (asks(text) and asks_about_further_study(text) and points_at_the_list(text)):
        return False
    ids, courses = _last(tracker)
    if not courses:
        return False
    topic = named_topic(tracker, kept=True, outright=True)
    if topic is not None and not titled_in(topic, ids):
        return False  # "does it count toward a masters in data?" asks for data courses
    dispatcher.utter_message(text=_value_text(courses, study=True))
    return True
