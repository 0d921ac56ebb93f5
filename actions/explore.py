"""Help for a learner with no subject in mind: two questions, then subjects to look at.

When the learner answers the subject question with "no idea" (or skips it), the form
asks what they have done so far and what they enjoy, instead of the subject. Their
answers are matched against ``data/vocab/explore.yml`` (interests and backgrounds ->
subjects people often move into) and the reply shows up to three subjects with one
course each, a button per subject, and the offer of a careers adviser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.ask import inform_button, skip_button
from actions.common import profile_from_tracker, store_session
from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrases
from actions.store.search import recommend, subject_ids, subject_label

EXPLORE_PATH = VOCAB_DIR / "explore.yml"
MAX_SUBJECTS = 3
# An interest the learner enjoys counts more than where they come from.
ENJOY_WEIGHT = 2.0
BACKGROUND_WEIGHT = 1.5


@dataclass(frozen=True)
class _Pointer:
    words: re.Pattern[str]
    subjects: tuple[str, ...]


@dataclass(frozen=True)
class ExploreData:
    enjoy_buttons: tuple[str, ...]
    interests: tuple[_Pointer, ...]
    backgrounds: tuple[_Pointer, ...]
    popular: tuple[str, ...]


def _pointers(raw: dict[str, Any], key: str, path: Path) -> tuple[_Pointer, ...]:
    known = set(subject_ids())
    out = []
    for entry in raw.get(key) or []:
        subjects = tuple(phrases(entry, "subjects", path))
        unknown = sorted(set(subjects) - known)
        if unknown:
            raise ValueError(f"{path}: {key}: unknown subjects {unknown}")
        out.append(_Pointer(re.compile(alternation(phrases(entry, "words", path))), subjects))
    return tuple(out)


@lru_cache(maxsize=2)
def explore_data(path: Path = EXPLORE_PATH) -> ExploreData:
    raw = load_yaml(path)
    popular = tuple(phrases(raw, "popular", path))
    unknown = sorted(set(popular) - set(subject_ids()))
    if unknown:
        raise ValueError(f"{path}: popular: unknown subjects {unknown}")
    return ExploreData(
        enjoy_buttons=tuple(str(title) for title in raw.get("enjoy_buttons") or []),
        interests=_pointers(raw, "interests", path),
        backgrounds=_pointers(raw, "backgrounds", path),
        popular=popular,
    )


def suggest_subjects(background: str, enjoy: str) -> list[str]:
    """Up to three subject ids for what the learner did and enjoys; [] if nothing points."""
    data = explore_data()
    scores: dict[str, float] = {}
    for text, pointers, weight in (
        (enjoy.lower(), data.interests, ENJOY_WEIGHT),
        (background.lower(), data.backgrounds, BACKGROUND_WEIGHT),
        (background.lower(), data.interests, 1.0),
    ):
        for pointer in pointers:
            if pointer.words.search(text):
                for rank, subject in enumerate(pointer.subjects):
                    scores[subject] = scores.get(subject, 0.0) + weight / (1 + rank)
    ranked = sorted(scores, key=lambda s: (-scores[s], s))
    return ranked[:MAX_SUBJECTS]


class ActionAskExploreBackground(Action):
    def name(self) -> str:
        return "action_ask_explore_background"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="No problem, let's work it out together. What have you done so far? "
            "Your jobs, studies or caring roles, in a few words (or skip).",
            buttons=[skip_button()],
        )
        return []


class ActionAskExploreEnjoy(Action):
    def name(self) -> str:
        return "action_ask_explore_enjoy"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="And what do you enjoy, at work or outside it? Tap one or tell me.",
            buttons=[{"title": title, "payload": title} for title in explore_data().enjoy_buttons],
        )
        return []


def _answer(tracker: Tracker, slot: str) -> str:
    value = tracker.get_slot(slot)
    return value if isinstance(value, str) and value != "skipped" else ""


async def send_exploration(
    dispatcher: CollectingDispatcher, tracker: Tracker, subjects: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Subjects to look at, one course each, with a button per subject and an adviser."""
    background = _answer(tracker, "explore_background")
    enjoy = _answer(tracker, "explore_enjoy")
    chosen = list(subjects or suggest_subjects(background, enjoy))
    matched = bool(chosen)
    if not chosen:
        chosen = list(explore_data().popular)
    profile = profile_from_tracker(tracker)
    lines = [
        "From what you told me, these subjects are worth a look, with one course each:"
        if matched
        else "Nothing you told me points to one field, so here are subjects many adults "
        "start with, with one course each:"
    ]
    with store_session() as session:
        for number, subject in enumerate(chosen, start=1):
            profile.subject, profile.topic = subject, None
            result = recommend(session, profile, limit=1)
            course = result.courses[0] if result.courses else None
            example = (
                f"for example {course.title} ({course.provider or 'provider not stated'})"
                if course
                else "no course fits your other wishes yet"
            )
            lines.append(f"{number}. {subject_label(subject)}: {example}")
    lines.append(
        "Tap a subject to see its courses. If you'd rather think it through with a person, "
        "a careers adviser can help."
    )
    buttons = [inform_button(subject_label(subject), subject=subject) for subject in chosen]
    buttons.append({"title": "Talk to an adviser", "payload": "/human_handoff"})
    dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
    return [SlotSet("exploring", False)]
