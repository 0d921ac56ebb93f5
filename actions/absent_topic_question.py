"""A learner doubting a "no course on X": "There is no Swahili? The language and culture
one, it is not Swahili?" after "I have no course on Swahili in the catalogue". The reply
says the same "no" plainly, and that none of the courses shown is about it, instead of
searching the message's other words ("language and culture") as if it asked for them.

The topic the last search found no course on is kept in the ``absent_topic`` slot; the
doubting words are data: ``data/vocab/absent_topic_questions.yml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks, cleaned
from actions.named_topic import named_topic
from actions.phrases import VOCAB_DIR, phrase_patterns
from actions.recommend import ABSENT_TOPIC
from actions.store.topics import mentions, topic_groups, topic_vocabulary

QUESTIONS_PATH = VOCAB_DIR / "absent_topic_questions.yml"
#: Longest message read as a doubt, in words: a longer one says more than that.
MAX_WORDS = 30


@lru_cache(maxsize=2)
def _doubts(path: Path = QUESTIONS_PATH) -> re.Pattern[str]:
    return phrase_patterns(path, "doubts")["doubts"]


def doubted_absent_topic(tracker: Tracker) -> str | None:
    """The topic the last search found no course on, when the latest message names it and
    asks about it or doubts it ("so no swahili at all?"); otherwise ``None``."""
    absent = tracker.get_slot(ABSENT_TOPIC)
    text = tracker.latest_message.get("text") or ""
    if not absent or not text or len(text.split()) > MAX_WORDS:
        return None
    groups = topic_groups(absent, topic_vocabulary(), limit=None)
    if not groups or not all(mentions(text, group) for group in groups):
        return None
    if not asks(text) and not _doubts().search(cleaned(text)):
        return None
    new = named_topic(tracker, kept=True, outright=True)
    if new is not None and not all(mentions(new, group) for group in groups):
        return None  # "So there's no BSL at all? What about Makaton?": a new topic
    return str(absent)


def answer_absent_topic_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Say again that the catalogue has no course on the topic the latest message doubts;
    whether it did."""
    absent = doubted_absent_topic(tracker)
    if absent is None:
        return False
    dispatcher.utter_message(response="utter_topic_still_absent", topic=absent)
    return True


__all__ = [
    "answer_absent_topic_question",
    "doubted_absent_topic",
]
