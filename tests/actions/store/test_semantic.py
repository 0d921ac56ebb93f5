"""Ranking by what a request means: everyday words find the courses on the thing described."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from actions.store.reasons import MEANING_REASON
from actions.store.search import LearnerProfile, recommend
from actions.store.semantic import closeness, request_text, sentences


def test_the_request_text_drops_what_is_not_wanted_and_leads_with_the_topic() -> None:
    assert request_text("Spanish", "I need Spanish, not Chinese") == "I need Spanish, not"
    assert request_text("Excel", "something for work please") == (
        "Excel. something for work please"
    )
    assert request_text(None, "learn pyhton", {"pyhton": "python"}) == "learn python"
    assert request_text(None, "   ") is None
    assert request_text("UX", None) == "UX"


def test_the_request_text_leaves_out_the_course_format_and_the_wishes() -> None:
    # "an online course" drew courses titled "Learning Online" to a carer asking about dementia
    said = "my mum has dementia and a friend said I could do an online course, 3 hours a week"
    text = request_text(None, said)
    assert text is not None and "dementia" in text
    assert not {"online", "course", "hours", "week"} & set(text.replace(",", " ").split())
    # the topic phrase keeps its words, in the request too ("HR" is no "hr" for hours)
    assert request_text("online marketing", "an online marketing course") == ("an online marketing")
    assert request_text("HR", "I have no HR degree") == "I have no HR degree"


@pytest.mark.parametrize(
    ("profile", "title_words"),
    [
        # No word of the request names the field.
        (
            LearnerProfile(
                subject="psychology-mental-health",
                context="why do people get hooked on gambling and how can they stop",
            ),
            ("gambling", "addiction"),
        ),
        # The topic phrase the NLU picked is in no course; the sentence is.
        (
            LearnerProfile(
                subject="environment-sustainability",
                topic="leftovers",
                context="our restaurant throws away so many leftovers every night, "
                "I want to learn how to cut that down",
            ),
            ("waste",),
        ),
        # The topic's words find courses far from what is meant ("Chinese Medicine").
        (
            LearnerProfile(
                subject="languages",
                topic="Chinese at school",
                context="my daughter learns Chinese at school and I want to speak it with "
                "her, a course for an adult beginner",
            ),
            ("learn chinese", "chinese language", "mandarin"),
        ),
        # The whole request, searched for a topic said in passing ("law"), is about refugees.
        (
            LearnerProfile(
                subject="law",
                topic="law",
                topic_inferred=True,
                context="our charity is opening a shelter and I need to learn how to support "
                "asylum seekers and people who fled war, and the law around that",
            ),
            ("refugee",),
        ),
        # A misspelt topic, fixed by the word search, is read fixed.
        (
            LearnerProfile(subject="computing-it", topic="pyhton", context="pyhton for beginners"),
            ("python",),
        ),
    ],
)
def test_the_first_course_is_about_what_the_request_means(
    session: Session, profile: LearnerProfile, title_words: tuple[str, ...]
) -> None:
    result = recommend(session, profile)
    first = result.courses[0].title.lower()
    assert any(word in first for word in title_words), [c.title for c in result.courses]


def test_a_course_found_by_meaning_alone_says_so(session: Session) -> None:
    profile = LearnerProfile(
        subject="psychology-mental-health",
        context="why do people get hooked on gambling and how can they stop",
    )
    courses = recommend(session, profile).courses
    by_meaning = [c for c in courses if c.why.lower().startswith(MEANING_REASON)]
    assert by_meaning, [c.why for c in courses]
    assert all("gambl" not in c.why.lower() for c in by_meaning)  # no word claimed
    assert all(c.by_meaning for c in by_meaning)  # so the list's header says so too
    assert not any(c.by_meaning for c in courses if c not in by_meaning)


def test_cheapest_and_other_sorts_keep_their_order(session: Session) -> None:
    profile = LearnerProfile(subject="languages", topic="Spanish", context="Spanish please")
    costs = [c.cost_gbp for c in recommend(session, profile, sort="cheapest").courses]
    known = [c for c in costs if c is not None]
    assert known == sorted(known)


def test_closeness_leaves_out_unknown_courses(session: Session) -> None:
    scores = closeness(session, "weather", ["no-such-course"])
    assert scores == {}


def test_a_topic_naming_its_subject_keeps_the_subjects_courses_first(session: Session) -> None:
    # The encoder puts "Teaching Data Science in Schools" closest to a career change into
    # data science; the subject's own courses come first all the same.
    profile = LearnerProfile(
        topic="data science",
        topic_inferred=True,
        subject="data-science-ai",
        goal="career_change",
        budget_gbp=600,
        context="I want to change career into data science, my budget is £600",
    )
    courses = recommend(session, profile).courses
    assert courses and all(c.subject == "data-science-ai" for c in courses), [
        c.title for c in courses
    ]


def test_a_request_is_also_read_sentence_by_sentence() -> None:
    story = (
        "Our leadership team keeps getting blindsided by suppliers going bust. I want a "
        "structured way to spot what could go wrong - and rank it by likelihood. Cheap."
    )
    assert sentences(story) == [
        "Our leadership team keeps getting blindsided by suppliers going bust.",
        "I want a structured way to spot what could go wrong",
        "and rank it by likelihood.",
    ]
    assert sentences("spanish for beginners please") == []  # one sentence: the whole text
    assert sentences("Spanish. Cheap.") == []
