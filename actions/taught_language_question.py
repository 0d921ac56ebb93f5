"""The language the courses shown are taught in: "is the first one taught in Arabic?", "the
courses are in portuguese?", "is there some version in Arabic language?".

The catalogue records no language of instruction, so the answer says so (never a guess) and
gives each course's page, which does; nothing is searched, as the language asked for is how a
course is given, not what to learn (had: "I have no course on Arabic" and three courses on
registered charities). The NLU marks the language as the ``taught_language`` entity
(nlu/extraction/taught_language.py).
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks
from actions.common import asked_courses, link_line

#: Entities naming something to search for: a message with one is a search, whatever
#: language it asks for ("Hay cursos en español sobre emprender?").
_SEARCHED = frozenset({"topic", "subject"})


def taught_language_asked(tracker: Tracker) -> str | None:
    """The language the latest message asks the courses to be taught in, when it asks
    that and names nothing to search for; else ``None``."""
    message = tracker.latest_message or {}
    entities = message.get("entities") or []
    language = next(
        (e.get("value") for e in entities if e.get("entity") == "taught_language"), None
    )
    if not language or not asks(message.get("text") or ""):
        return None
    # (the language itself read as the topic too is no other search: "The courses are in
    # French or in English? And do they speak about the CNIL and French rules?")
    named = str(language).lower()
    if any(
        e.get("entity") in _SEARCHED
        and str(e.get("value") or "").lower() not in (named, "languages")
        for e in entities
    ):
        return None
    return str(language)


def answer_taught_language_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message if it asks which language the courses shown (or those it
    names by position) are taught in; whether it did."""
    language = taught_language_asked(tracker)
    if language is None:
        return False
    listed, courses = asked_courses(tracker)
    if not courses:
        dispatcher.utter_message(response="utter_taught_language_no_list", language=language)
        return True
    lines = [f"{listed.index(c.id) + 1}. {c.title}: {link_line(c)}" for c in courses]
    dispatcher.utter_message(
        response="utter_taught_language_unknown", language=language, lines="\n".join(lines)
    )
    return True


__all__ = ["answer_taught_language_question", "taught_language_asked"]
