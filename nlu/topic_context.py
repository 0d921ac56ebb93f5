"""What the words around a topic say of it (:mod:`nlu.topic`): what the learner does now
("I work in retail", "I teach geography"), took before ("I did already 2 courses in"), who a
course is for ("courses for managers on budgeting") or the language it is taught in ("a
short course in English is fine"), rather than what they want to learn."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlu.topic_cues import TopicCues
from nlu.topic_tokens import BREAK, Token, breaks

# A weak cue ("work in", "job in") is about the learner's present unless a wish comes first.
_WISH_LEFT = re.compile(r"\b(?:want|wanted|like|love|hope|hoping|dream|would|wish|to|into)\b")


def about_the_present(lowered: str, start: int) -> bool:
    """Whether a weak cue at ``start`` describes what the learner does now ("I work in
    retail"), not what they want ("I want to work in marketing")."""
    left = lowered[max(0, start - 30) : start]
    clause = BREAK.split(left)[-1]
    return not _WISH_LEFT.search(clause)


def doing_now(toks: Sequence[Token], i: int, cue: tuple[str, ...], cues: TopicCues) -> bool:
    """Whether the cue at token ``i`` is a verb saying what the learner does now ("I
    teach geography", "we are studying nursing"), not what they want to learn."""
    return (
        len(cue) == 1 and cue[0] in cues.present_verbs and i > 0 and toks[i - 1].norm in cues.doers
    )


def someone_elses(text: str, toks: Sequence[Token], i: int, cues: TopicCues) -> bool:
    """Whether the cue at token ``i`` is a verb of study whose subject, right before it in
    the same clause, is someone other than the learner ("my friend study in Perth", "my son
    learns piano"; not "... with my cousin. course on opening a restaurant")."""
    return (
        i > 0 and toks[i - 1].norm in cues.third_persons and not breaks(text, toks[i - 1], toks[i])
    )


#: How many words before a cue a verb of study done is looked for ("did already 2 courses in").
_DONE_REACH = 4


def done_before(toks: Sequence[Token], i: int, cues: TopicCues) -> bool:
    """Whether the cue at token ``i`` follows, within _DONE_REACH words of its clause, a verb
    of study done ("I did already 2 courses in Mímir", "I've completed a course on Excel"):
    what the learner took before, not what they ask for."""
    for k in range(i - 1, max(i - 1 - _DONE_REACH, -1), -1):
        if toks[k].norm in cues.done_verbs:
            return True
        if toks[k].norm in cues.boundaries:
            return False
    return False


def past_audience(
    toks: Sequence[Token], span: tuple[int, int], cues: TopicCues
) -> tuple[int, int] | None:
    """The words after a "for" cue without those saying who the course is for: "courses
    for managers on budgeting" -> "budgeting"; "a course for teachers on that" -> none."""
    i, j = span
    while i < j and (toks[i].norm in cues.audiences or toks[i].norm in cues.stopwords):
        i += 1
    if i == span[0]:
        return span
    while i < j and toks[i].norm in cues.joiners:
        i += 1
    return (i, j) if i < j else None


def taught_in(text: str, toks: Sequence[Token], k: int, cues: TopicCues) -> bool:
    """Whether ``toks[k]`` names the language a course is taught in ("in English is
    fine", "courses in English?", "for technical study English is better"), not a language
    to learn."""
    if toks[k].norm not in cues.teaching_languages or k == 0:
        return False
    if toks[k - 1].norm != "in":
        # "for technical study English is better": the language preferred, without "in"
        return (
            k + 2 < len(toks)
            and toks[k + 1].norm in ("is", "are")
            and toks[k + 2].norm in cues.preferences
        )
    if k + 1 == len(toks) or breaks(text, toks[k], toks[k + 1]):
        return k >= 2 and toks[k - 2].norm in cues.taught_nouns
    after = toks[k + 1].norm
    if after in ("is", "are", "be") and k + 2 < len(toks):
        after = toks[k + 2].norm
    return after in cues.preferences


#: Right after a language: offered as the language a course is taught in instead of English
#: ("study in Russian language or only English?"); also read by nlu.extraction.subject.
OR_ENGLISH = re.compile(
    r"^\s*(?:languages?\s+)?or\s+(?:only\s+|just\s+|in\s+)?english\b", re.IGNORECASE
)


def taught_in_instead(text: str, toks: Sequence[Token], start: int, stop: int) -> bool:
    """Whether the phrase ``toks[start:stop]`` after "in" is a language a course might be
    taught in instead of English ("Is it possible to study in Russian language or only
    English?"), not a language to learn."""
    after = text[toks[stop - 1].end :]
    return start > 0 and toks[start - 1].norm == "in" and bool(OR_ENGLISH.match(after))


__all__ = [
    "OR_ENGLISH",
    "about_the_present",
    "doing_now",
    "done_before",
    "past_audience",
    "someone_elses",
    "taught_in",
    "taught_in_instead",
]
