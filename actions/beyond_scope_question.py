"""Questions about what the assistant cannot do or advise on: visas and immigration, how
to pay (instalments, GCash, a card), and where else to look for training the catalogue
lacks ("So where should I look then?" after "I have no course on embalming"). The reply
says so plainly and who can help, instead of the general "I can only help with choosing
courses"; questions about funding
and loans get the credit knowledge's answer (England's Lifelong Learning Entitlement, said to
be England's only). The question's words are data:
``data/vocab/beyond_scope_questions.yml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks, cleaned
from actions.knowledge import microcredentials
from actions.phrases import VOCAB_DIR, phrase_patterns

QUESTIONS_PATH = VOCAB_DIR / "beyond_scope_questions.yml"
#: What the questions can be about, in the order they are checked: funding is answered from
#: the credit knowledge, the others by ``utter_beyond_scope_<kind>`` in domain.yml.
FUNDING = "funding"
KINDS = ("visa", "payment", FUNDING, "elsewhere")


@lru_cache(maxsize=2)
def _patterns(path: Path = QUESTIONS_PATH) -> dict[str, re.Pattern[str]]:
    return phrase_patterns(path, *KINDS)


def beyond_scope_kind(text: str) -> str | None:
    """What ``text`` asks about that the assistant cannot help with (one of :data:`KINDS`),
    or ``None`` when it asks no such thing."""
    if not asks(text):
        return None
    lowered = cleaned(text)
    for kind, pattern in _patterns().items():
        if pattern.search(lowered):
            return kind
    return None


def answer_beyond_scope_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks about a visa, paying, funding or where else to
    look; whether it did."""
    kind = beyond_scope_kind(tracker.latest_message.get("text") or "")
    if kind is None:
        return False
    if kind == FUNDING:
        dispatcher.utter_message(text=microcredentials.answer(FUNDING))
    else:
        dispatcher.utter_message(response=f"utter_beyond_scope_{kind}")
    return True
