"""Answers about academic credit and microcredentials, from the knowledge modules."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import CourseAdvisorAction, store_session
from actions.knowledge import credit, microcredentials, questions
from actions.knowledge.awards import detect_nation
from actions.outcome_question import answer_outcome_question
from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrases
from actions.refine import LIST_REFINEMENTS, refine, requested_refinements
from actions.stacking import plan_reply
from actions.standing_question import answer_standing_question, standing_kind
from actions.store.search import get_courses

OTHER_CREDIT_PATH = VOCAB_DIR / "other_credit.yml"


@lru_cache(maxsize=2)
def _other_credit(path: Path = OTHER_CREDIT_PATH) -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = load_yaml(path)
    return (
        re.compile(alternation(phrases(raw, "phrases", path))),
        re.compile(alternation(phrases(raw, "academic", path))),
    )


def other_credit(text: str) -> str | None:
    """The money or benefits "credit" a message names ("universal credit"), unless it is
    also about academic credit; else ``None``."""
    other, academic = _other_credit()
    lowered = text.lower()
    found = other.search(lowered)
    if found is None or academic.search(lowered):
        return None
    return found.group(0)


_CREDIT_WORD = re.compile(r"\bcredit|\bcats\b|\bects\b|\bscqf\b|\bpoints?\b", re.I)


def misread_refinement(tracker: Tracker, text: str) -> bool:
    """Whether a message read as a credit question only asks to change the last list."""
    if not tracker.get_slot("last_results") or _CREDIT_WORD.search(text):
        return False
    _other, academic = _other_credit()
    return not academic.search(text.lower()) and bool(
        LIST_REFINEMENTS & set(requested_refinements(tracker))
    )


_ASKS_TO_COUNT = re.compile(r"\bcount|\btowards?\b|\badd up\b|\bstack|\benough\b|\bhow far\b", re.I)


def _progress_of_last_list(tracker: Tracker, text: str) -> str | None:
    """How the last list's stated credit goes towards the award the learner named.

    The award is never guessed (not from the level slot either): without one, a question
    about counting gets the list's total and an invitation to name the award.
    """
    ids = list(tracker.get_slot("last_results") or [])
    if not ids:
        return None
    with store_session() as session:
        courses = get_courses(session, ids)
    known = [(float(c.credits), c.credit_scheme or "CATS", c.level) for c in courses if c.credits]
    stated: list[credit.CourseCredit] = list(known)
    if not known:
        return None
    award = text if credit.find_award(text) is not None else None
    if award is not None:
        return credit.personalised_progress(stated, award, nation=detect_nation(text))
    if not _ASKS_TO_COUNT.search(text):
        return None
    total = sum(credit.to_uk_credits(amount, scheme) for amount, scheme, _ in known)
    return (
        f"The courses in your last list that state credit add up to "
        f"{credit.format_number(total)} UK credits. Which award are you aiming for (for example "
        f"a PG Certificate, a master's or a degree)? I'll add them up against it. "
        f"{credit.RECOGNITION_CAVEAT}"
    )


class ActionExplainCredit(CourseAdvisorAction):
    """Explains the credit topic asked about; adds the learner's own numbers when it can.

    "Credit" that means money or benefits gets no academic-credit lecture.
    """

    def name(self) -> str:
        return "action_explain_credit"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        if misread_refinement(tracker, text):
            # "is there anything free?" read as a credit question: refine the list instead.
            return await refine(dispatcher, tracker)
        if standing_kind(text) == "recognition" and answer_standing_question(dispatcher, tracker):
            # "does number 2 count towards GTCS Professional Update?": a professional body,
            # not academic credit.
            return []
        money = other_credit(text)
        if money is not None:
            dispatcher.utter_message(
                text=f"I can't advise on {money}, sorry: that's not something I know about. "
                "What I can do is find free or low-cost courses, and explain academic credit "
                "(the points a course can count towards a qualification) if that's useful.",
                buttons=[
                    {"title": "Free courses", "payload": '/inform{"budget":0}'},
                    {"title": "What is academic credit?", "payload": "/ask_credit"},
                ],
            )
            return []
        plan = plan_reply(tracker, text)
        if plan is not None:
            dispatcher.utter_message(text=plan)
            return []
        computed = questions.answer_question(text)
        if computed is not None:
            # A question with numbers (or an award's size): the computed figure comes first.
            dispatcher.utter_message(text=computed)
            return []
        answer = credit.explain(credit.detect_topic(text))
        personal = _progress_of_last_list(tracker, text)
        if personal is not None:
            # Both texts end with the recognition caveat: say it once, at the end.
            answer = f"{answer.replace(credit.RECOGNITION_CAVEAT, '').strip()}\n\n{personal}"
        dispatcher.utter_message(text=answer)
        return []


class ActionExplainMicrocredentials(CourseAdvisorAction):
    def name(self) -> str:
        return "action_explain_microcredentials"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if answer_outcome_question(dispatcher, tracker):  # "will these get me a certificate?"
            return []
        text = tracker.latest_message.get("text") or ""
        dispatcher.utter_message(text=microcredentials.answer(microcredentials.detect_topic(text)))
        return []
