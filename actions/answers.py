"""Answer first: a message sent while the form waits for an answer is read as that answer.

The NLU gates a message's wishes by its intent ("how many credits is a masters?" asks about
credit, it does not ask for credit-bearing courses), so a short answer the intent classifier
misreads ("two grand tops" as show_shortlist, "6 wks max" as out_of_scope) lost its value.
Gated values are not dropped: :class:`nlu.components.ProfileEntityExtractor` and
:class:`nlu.goal_classifier.GoalClassifier` emit them with the role :data:`ANSWER_ROLE`
(which no slot mapping reads), and the form takes them here when the message answers the
question it asked; the intent is the fallback. A message that opens and ends like a
question (data/vocab/questions.yml) is answered as one instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from actions.phrases import VOCAB_DIR, alternation, load_yaml, phrases
from actions.profile_values import WISH_SLOTS

#: Role of an entity kept only in case the message answers a question about it.
ANSWER_ROLE = "if_answer"
QUESTIONS_PATH = VOCAB_DIR / "questions.yml"
#: Least confidence of a value said in so many words ("change career": 0.95); below it the
#: value is inferred ("must carry academic credit" suggests further study; a learned guess).
SAID_OUTRIGHT = 0.8
#: Extractors whose values are learned guesses ("the brain is so interesting" -> explore):
#: their confidence is a probability, not how plainly the value was said, so such a value
#: is never said outright (nlu.goal_classifier.GoalClassifier).
GUESSING_EXTRACTORS = frozenset({"GoalClassifier"})
#: Confidence of a topic named with a word asking for it ("courses on Excel", "learn
#: Python"); a topic read at less is a subject's words said in passing ("my centre manager
#: reckons ..."), which the search takes as one idea of the whole request.
NAMED_TOPIC = 0.9
#: Entity key telling how a subject was said (nlu.extraction.subject): as the field WANTED
#: ("into data science", "I like stars and planets"), IN_PASSING (no word around it says
#: which: "Journalism is dying") or as the job HELD ("I'm a staff nurse").
SAID_AS = "said_as"
WANTED = "wanted"
IN_PASSING = "passing"
HELD = "held"
#: How an amount in another currency was said (nlu.extraction.unread_budget): in one with a
#: rate ("SGD 1,500"), so it was left out as no wish, not for want of a rate.
CONVERTIBLE = "convertible"
#: The slots whose values answer each of the form's questions.
ANSWERED_BY: Mapping[str, frozenset[str]] = {
    "goal": frozenset({"goal"}),
    "subject": frozenset({"subject"}),
    "refinements_done": frozenset(WISH_SLOTS) - {"goal", "subject"},
}


@lru_cache(maxsize=2)
def _opener(path: Path = QUESTIONS_PATH) -> re.Pattern[str]:
    return re.compile(r"\s*" + alternation(phrases(load_yaml(path), "openers", path)))


@lru_cache(maxsize=2)
def _inner(path: Path = QUESTIONS_PATH) -> re.Pattern[str]:
    return re.compile(alternation(phrases(load_yaml(path), "inner", path)))


#: Unicode categories of what may trail a message after its last word or mark: emoji and
#: other symbols ("So", "Sk"), their joiners and variation selectors ("Cf", "Mn").
_TRAILING = frozenset({"So", "Sk", "Cf", "Mn"})


def cleaned(text: str) -> str:
    """``text`` as the question and answer patterns read it: trimmed (of emoji at the end
    too: "nothing on japanese at all?? 😭" still ends with its question mark), lower case,
    with a typographic apostrophe as a plain one."""
    trimmed = text.strip()
    while trimmed and (trimmed[-1].isspace() or unicodedata.category(trimmed[-1]) in _TRAILING):
        trimmed = trimmed[:-1]
    return trimmed.lower().replace("’", "'")


#: A question mark that ends a sentence inside a message ("what about bookkeeping? my
#: accountant charges a fortune").
_QUESTION_INSIDE = re.compile(r"\?\s")


def asks(text: str) -> bool:
    """Whether ``text`` asks something: it ends with "?" or has a sentence that does, opens
    like a question ("do these give a certificate") or asks inside ("also im 17 can i even
    sign up")."""
    lowered = cleaned(text)
    return (
        lowered.endswith("?")
        or _QUESTION_INSIDE.search(lowered) is not None
        or _opener().match(lowered) is not None
        or _inner().search(lowered) is not None
    )


@lru_cache(maxsize=2)
def _about_the_course_shown(path: Path = QUESTIONS_PATH) -> re.Pattern[str]:
    return re.compile(
        r"\s*" + alternation(phrases(load_yaml(path), "about_the_course_shown", path)) + r"\b"
    )


def asks_about_the_course_shown(text: str) -> bool:
    """Whether ``text`` is a yes/no question about the course (or courses) just shown:
    "Is it a live class with a lecturer?", "do they give a certificate?"."""
    return asks(text) and _about_the_course_shown().match(cleaned(text)) is not None


def asks_a_question(text: str) -> bool:
    """Whether ``text`` opens like a question and ends with a question mark."""
    lowered = cleaned(text)
    return lowered.endswith("?") and _opener().match(lowered) is not None


def said(entities: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The entities the message states outright (not kept only in case it is an answer)."""
    return [e for e in entities if e.get("role") != ANSWER_ROLE]


def said_outright(entity: Mapping[str, Any]) -> bool:
    """Whether the message states the entity's value in so many words (at least
    :data:`SAID_OUTRIGHT`, and not a learned guess)."""
    if entity.get("extractor") in GUESSING_EXTRACTORS:
        return False
    return float(entity.get("confidence") or 0.0) >= SAID_OUTRIGHT


def inferred_only(
    entities: Iterable[Mapping[str, Any]], slot: str, *, kept_aside: bool = False
) -> bool:
    """Whether the message gives ``slot`` only by inference (no such entity is
    :func:`said_outright`); False when it does not give it at all. ``kept_aside``: count
    the entities kept only in case the message is an answer too."""
    found = [e for e in (entities if kept_aside else said(entities)) if e.get("entity") == slot]
    return bool(found) and not any(said_outright(e) for e in found)


def answer_values(
    entities: Iterable[Mapping[str, Any]], text: str, requested: str | None
) -> dict[str, Any]:
    """The wishes a message gives when read as the answer to the question for ``requested``.

    Empty unless the message carries a kept value that answers that question and is not a
    question itself; then every kept wish it carries (a later value of a slot wins).
    """
    wanted = ANSWERED_BY.get(requested or "")
    if not wanted or asks_a_question(text):
        return {}
    kept = kept_values(entities, WISH_SLOTS)
    return kept if wanted & set(kept) else {}


def kept_values(entities: Iterable[Mapping[str, Any]], slots: Collection[str]) -> dict[str, Any]:
    """The values of ``slots`` the message kept aside (role :data:`ANSWER_ROLE`); a later
    value of a slot wins."""
    return {
        str(e.get("entity")): e.get("value")
        for e in entities
        if e.get("role") == ANSWER_ROLE and e.get("entity") in slots and e.get("value") is not None
    }


__all__ = [
    "ANSWERED_BY",
    "ANSWER_ROLE",
    "CONVERTIBLE",
    "GUESSING_EXTRACTORS",
    "HELD",
    "IN_PASSING",
    "SAID_AS",
    "SAID_OUTRIGHT",
    "WANTED",
    "answer_values",
    "asks",
    "asks_a_question",
    "asks_about_the_course_shown",
    "cleaned",
    "inferred_only",
    "kept_values",
    "said",
    "said_outright",
]
