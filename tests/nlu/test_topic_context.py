"""What the words around a topic say of it: done before, taught in, for whom, now."""

from __future__ import annotations

import pytest

from nlu.topic_context import (
    about_the_present,
    done_before,
    past_audience,
    someone_elses,
    taught_in,
)
from nlu.topic_cues import topic_cues
from nlu.topic_tokens import tokens


@pytest.mark.parametrize(
    ("text", "cue", "done"),
    [
        ("I did already 2 courses in Mimir", "in", True),
        ("I've completed a course on Excel", "on", True),
        ("I want a course on Excel", "on", False),
    ],
)
def test_a_cue_after_a_verb_of_study_done(text: str, cue: str, done: bool) -> None:
    toks = tokens(text)
    at = next(k for k, t in enumerate(toks) if t.norm == cue)
    assert done_before(toks, at, topic_cues()) is done


def test_who_a_course_is_for_is_not_its_topic() -> None:
    toks = tokens("courses for managers on budgeting")
    assert past_audience(toks, (2, 5), topic_cues()) == (4, 5)


def test_the_language_a_course_is_taught_in() -> None:
    text = "a short course in English is fine"
    toks = tokens(text)
    assert taught_in(text, toks, 4, topic_cues())


def test_a_weak_cue_is_about_the_present_unless_a_wish_comes_first() -> None:
    assert about_the_present("i work in retail", 2)
    assert not about_the_present("i want to work in marketing", 10)


def test_a_verb_of_study_after_someone_else_is_theirs() -> None:
    text = "my friend study in Perth. I study law"
    toks = tokens(text)
    first, second = (k for k, t in enumerate(toks) if t.norm == "study")
    assert someone_elses(text, toks, first, topic_cues())
    assert not someone_elses(text, toks, second, topic_cues())
