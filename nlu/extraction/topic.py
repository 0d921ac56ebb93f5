"""The ``topic`` entity: the learner's own words for what a course should be about."""

from __future__ import annotations

from collections.abc import Sequence

from actions.answers import NAMED_TOPIC, SAID_OUTRIGHT, WANTED
from nlu.currency import foreign_amount_spans
from nlu.extraction.context import Extracted, ScanContext
from nlu.extraction.subject import course_languages, subject_role
from nlu.topic import find_topic, topic_after
from nlu.topic_cues import topic_cues
from nlu.topic_tokens import tokens

MAX_TOPIC_CHARS = 80
"""Longest topic value (a topic is a few words)."""
UNMARKED = 0.7
"""Confidence of a topic that is only a subject's words with no marker (below SAID_OUTRIGHT)."""


def extract_topic(ctx: ScanContext, found: Sequence[Extracted], bare: bool) -> list[Extracted]:
    """The learner's own words for what the course should be about (:mod:`nlu.topic`).

    Without a cue, the subject's words stand for the topic ("nursing"), so a new subject
    wanted replaces an earlier, finer topic; not words about the learner's present ("I am
    a nurse ... I look for a formation about caring for dying patients"): those leave the
    search to rank the subject's courses by the whole request.
    """
    # A goal phrase is not a topic ("Change career" is not a course on "Change").
    claimed = [(e.start, e.end) for e in found if e.entity != "subject"]
    # ... nor is money in a currency no slot reads ("up to 300 CAD" is no course on CAD).
    claimed += foreign_amount_spans(ctx.raw)
    # ... nor a phrase an earlier rule read and let go ("money's tight" with an amount said).
    claimed += ctx.claimed
    topic = find_topic(ctx.raw, claimed, bare=bare)
    if topic is not None:
        value = " ".join(topic.text.split())[:MAX_TOPIC_CHARS]
        # "understand the econ behind it": an aspect of something said before, only
        # inferred, so it does not replace the topic asked for earlier ("poverty n
        # inequality"; actions.profile_form keeps that one).
        sure = UNMARKED if _aspect_of_something_said(ctx.raw, topic.end) else NAMED_TOPIC
        if topic.bare and _names_a_role(value):
            # "site clerk, chinese road contractor machakos. bosses speak mandarin only":
            # who the learner is, said first, only inferred as the topic, so it does not
            # replace the one asked for before ("want to learn chinese"; actions.profile_form).
            # A field named later in the message is what they want: "logistics
            # coordinator, ... need supply chain cert" had searched "logistics coordinator".
            wanted = [e for e in found if e.start >= topic.end and e.said_as == WANTED]
            later = _from_subjects(ctx, wanted)
            if later:
                return later
            sure = UNMARKED
        named = Extracted("topic", value, topic.start, topic.end, topic.text, sure)
        return [named, *_alternatives(ctx.raw, topic.start, topic.end, claimed, sure)]
    return _from_subjects(ctx, found)


#: Most alternatives read after a topic ("metallurgy or materials, or maintenance").
MAX_ALTERNATIVES = 3


def _alternatives(
    text: str, start: int, end: int, claimed: Sequence[tuple[int, int]], sure: float
) -> list[Extracted]:
    """Topics the learner would take instead of the one ending at ``end``, each joined to
    the one before by "or" ("Dutch or Frisian or Norwegian, whichever you have"): the
    ``topic_alternative`` entity."""
    cues = topic_cues()
    found: list[Extracted] = []
    if _taught_in(text, start, end):
        return []  # "a wine tasting course, in English or French": how, not what
    while len(found) < MAX_ALTERNATIVES:
        after = _after_joiner(text, end, cues.alternative_joiners, cues.alternative_hedges)
        if after is None:
            break
        other = topic_after(text, after, claimed)
        if other is None:
            break
        value = " ".join(other.text.split())[:MAX_TOPIC_CHARS]
        found.append(
            Extracted("topic_alternative", value, other.start, other.end, other.text, sure)
        )
        end = other.end
    return found


def _taught_in(text: str, start: int, end: int) -> bool:
    """Whether the topic at ``start:end`` is a language after "in", the language a course
    is taught in."""
    return text[:start].rstrip().lower().endswith(" in") and (
        text[start:end].lower() in course_languages()
    )


def _after_joiner(
    text: str, end: int, joiners: frozenset[str], hedges: frozenset[str]
) -> int | None:
    """Where the words after "or" (and a hedge: "or maybe") begin, when the text right
    after ``end`` (a comma allowed) is such a joiner; else ``None``."""
    rest = text[end : end + 60]
    stripped = rest.lstrip(" ,")
    words = tokens(stripped)
    if not words or words[0].start != 0 or words[0].norm not in joiners:
        return None
    k = 1
    while k < len(words) and words[k].norm in hedges:
        k += 1
    if k >= len(words):
        return None
    return end + (len(rest) - len(stripped)) + words[k].start


def _from_subjects(ctx: ScanContext, found: Sequence[Extracted]) -> list[Extracted]:
    """The words of the first subject not said as the learner's own, as the topic."""
    for item in found:
        role = subject_role(ctx, item.start, item.end) if item.entity == "subject" else "source"
        if _own_venture(ctx, item):
            continue  # "for my business": the learner's own, not a course's subject matter
        if role != "source":
            value = " ".join(item.text.split())[:MAX_TOPIC_CHARS]
            # Said with no word marking it as wanted ("upskilling for my job. office admin"),
            # the subject's words are only an inferred topic: they do not replace one the
            # learner asked for before (actions.profile_form).
            sure = SAID_OUTRIGHT if role != "neutral" else UNMARKED
            return [Extracted("topic", value, item.start, item.end, item.text, sure)]
    return []


def _names_a_role(topic: str) -> bool:
    """Whether ``topic`` ends with a word naming what someone is ("site clerk", "ICU
    nurse"): ``held_roles`` in the topic cues."""
    said = topic.lower().split()
    return bool(said) and said[-1].strip(".,!?;:") in topic_cues().held_roles


def _aspect_of_something_said(text: str, end: int) -> bool:
    """Whether the topic ending at ``end`` is followed by a word relating it to something
    said before ("the econ behind it", "the maths of it", "the science behind this")."""
    cues = topic_cues()
    after = text[end:].lower().split()[:2]
    return (
        len(after) == 2
        and after[0] in cues.aspect_words
        and after[1].strip(".,!?;:") in cues.object_pronouns
    )


def _own_venture(ctx: ScanContext, item: Extracted) -> bool:
    """Whether a subject's words are what the learner runs, after "my"/"our" ("for my
    business", "grow our company")."""
    cues = topic_cues()
    said = item.text.lower().split()
    before = ctx.raw[: item.start].lower().split()
    return (
        len(said) == 1
        and said[0] in cues.own_ventures
        and bool(before)
        and before[-1] in cues.possessives
    )
