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
from actions.knowledge import credit, microcredentials
from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrases
from actions.refine import LIST_REFINEMENTS, refine, requested_refinements
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
        answer = credit.explain(credit.detect_topic(text))
        ids = list(tracker.get_slot("last_results") or [])
        personal = None
        if ids:
            with store_session() as session:
                courses = get_courses(session, ids)
            stated = [(c.credits, c.credit_scheme or "CATS") for c in courses if c.credits]
            award = credit.find_award(text)
            if stated and award is None and tracker.get_slot("level") == "postgraduate":
                award = credit.find_award("PG Certificate")
            if stated and award is not None:
                personal = credit.personalised_progress(stated, award)
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
        text = tracker.latest_message.get("text") or ""
        dispatcher.utter_message(text=microcredentials.answer(microcredentials.detect_topic(text)))
        return []
