"""Fields named while telling a story are no wish (actions.story)."""

from __future__ import annotations

from typing import Any

import pytest

from actions.answers import HELD, IN_PASSING, SAID_AS, WANTED
from actions.story import story_after_list, story_slots_to_clear, subject_to_keep


def _goal(value: str, start: int = 40, end: int = 70, **more: Any) -> dict[str, Any]:
    return {"entity": "goal", "value": value, "confidence": 0.9, "start": start, "end": end, **more}


def _subject(said_as: str, start: int = 8, end: int = 16) -> dict[str, Any]:
    return {
        "entity": "subject",
        "value": "teaching-education",
        "confidence": 0.9,
        SAID_AS: said_as,
        "start": start,
        "end": end,
    }


def _topic(confidence: float) -> dict[str, Any]:
    return {"entity": "topic", "value": "teaching", "confidence": confidence}


@pytest.mark.parametrize(
    ("entities", "cleared"),
    [
        # "6 years teaching year 4 and I'm burnt out, I want something completely different":
        # the NLU reads the years done in it as the job held
        ([_goal("career_change"), _subject(HELD), _topic(0.7)], ["subject", "topic"]),
        # "CYBER SECURITY CAREER INSHALLAH, NO MORE FIXING PHONES": said in passing by someone
        # changing career, with no word of leaving it, the field is where the change goes
        ([_goal("career_change"), _subject(IN_PASSING)], []),
        # ... and a topic said only in passing is no topic asked for
        ([_goal("career_change"), _subject(IN_PASSING), _topic(0.7)], ["topic"]),
        # "I'm a staff nurse, band 5, and I want to get to band 6"
        ([_goal("upskill"), _subject(HELD)], ["subject"]),
        # "better english for work": staying in their field, the subject is what they want
        ([_goal("upskill"), _subject(IN_PASSING)], []),
        # "career change into data science"
        ([_goal("career_change"), _subject(WANTED), _topic(0.8)], []),
        # "teaching": no goal, so the answer is no story (the form asks the goal again)
        ([_subject(IN_PASSING), _topic(0.7)], []),
        # "new career. teaching maybe": the field named after the change is where it goes
        ([_goal("career_change", 0, 10), _subject(IN_PASSING, 12, 20)], []),
        # ... whether the change is said outright or only a learned guess ("Abeg I wan comot
        # from banking o, I wan enter tech, cybersecurity specifically")
        (
            [
                _goal("career_change", 0, 40, extractor="GoalClassifier"),
                _subject(IN_PASSING, 12, 20),
            ],
            [],
        ),
        # "career change, teaching for 6 years": named as the job held, whatever its place
        ([_goal("career_change", 0, 13), _subject(HELD, 15, 23)], ["subject"]),
    ],
)
def test_the_job_told_about_in_a_goal_answer_is_no_subject(
    entities: list[dict[str, Any]], cleared: list[str]
) -> None:
    assert story_slots_to_clear(entities, "goal", {}) == cleared


def test_only_an_answer_to_the_goal_question_and_only_new_values() -> None:
    story = [_goal("career_change"), _subject(IN_PASSING), _topic(0.7)]
    assert story_slots_to_clear(story, "subject", {}) == []
    assert story_slots_to_clear(story, None, {}) == []
    known = {"subject": "teaching-education", "topic": "teaching"}
    assert story_slots_to_clear(story, "goal", known) == []


@pytest.mark.parametrize(
    ("said_as", "kept"),
    [
        # "I am a band 5 nurse earning £28,000 so I can spend maybe £200"
        (HELD, "marketing"),
        # "intermediate, I know the basics of Figma": in passing, next to the answer
        (IN_PASSING, "marketing"),
        # "actually make it data science, under £200": a new subject said as wanted
        (WANTED, None),
    ],
)
def test_a_later_answer_names_no_new_subject_in_passing(said_as: str, kept: str | None) -> None:
    entities = [
        {"entity": "subject", "value": "health-social-care", SAID_AS: said_as},
        {"entity": "level", "value": "undergraduate"},
    ]
    assert subject_to_keep(entities, "refinements_done", "marketing", "health-social-care") == kept


def test_a_subject_said_in_passing_on_its_own_is_a_new_wish() -> None:
    """ "logistics please", "its python i want btw" at the refinements question."""
    entities = [{"entity": "subject", "value": "supply-chain", SAID_AS: IN_PASSING}]
    assert subject_to_keep(entities, "refinements_done", "marketing", "supply-chain") is None


def test_a_subject_is_kept_only_after_it_was_known_and_at_a_later_question() -> None:
    entities = [{"entity": "subject", "value": "health-social-care", SAID_AS: HELD}]
    assert subject_to_keep(entities, "subject", "marketing", "health-social-care") is None
    assert subject_to_keep(entities, "refinements_done", None, "health-social-care") is None
    assert subject_to_keep([], "refinements_done", "marketing", "marketing") is None


def _after_spanish_list(text: str, slots: dict[str, Any]) -> Any:
    from tests.actions.conftest import extracted, make_tracker

    before = [
        {"event": "slot", "name": "subject", "value": "languages"},
        {"event": "slot", "name": "topic", "value": "Spanish"},
    ]
    user = {"event": "user", "text": text, "parse_data": {"entities": extracted(text)}}
    return make_tracker(
        text,
        intent="nlu_fallback",
        slots={"last_results": ["c1"], **slots},
        entities=extracted(text),
        events=[*before, user],
    )


def test_after_a_list_a_job_told_next_to_a_new_wish_is_no_new_search() -> None:
    text = "I'm 70 and retired (nurse 38 yrs) so I have time, maybe 2 or 3 hours a week"
    tracker = _after_spanish_list(
        text, {"subject": "health-social-care", "topic": "nurse", "hours_per_week": 3}
    )
    assert story_after_list(tracker) == {"subject": "languages", "topic": "Spanish"}


def test_after_a_list_a_field_asked_for_is_a_new_search() -> None:
    text = "actually something on dementia instead, 3 hours a week"
    tracker = _after_spanish_list(
        text, {"subject": "psychology-mental-health", "topic": "dementia", "hours_per_week": 3}
    )
    assert story_after_list(tracker) == {}
