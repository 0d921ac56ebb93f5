from __future__ import annotations

import pytest

from actions.explain import ActionExplainCredit, ActionExplainMicrocredentials
from actions.knowledge.credit import RECOGNITION_CAVEAT
from tests.actions.conftest import make_tracker, texts

SETU = [
    "south-east-t-soil-health-and-water-management-wd615",
    "south-east-t-crop-management-in-organic-and-biological-agricult",
    "south-east-t-food-health-and-nutrition-wd618",
]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many credits do I need for a masters?", "180"),
        ("what is ECTS?", "ECTS"),
        ("how many hours is one credit?", "10"),
        ("can I stack microcredentials into a degree?", "stack"),
    ],
)
async def test_credit_answers_come_from_the_knowledge_module(
    store, dispatcher, domain, question, expected
) -> None:
    await ActionExplainCredit().run(dispatcher, make_tracker(question, intent="ask_credit"), domain)
    answer = texts(dispatcher)
    assert expected in answer
    assert RECOGNITION_CAVEAT in answer


async def test_credit_answer_is_personalised_with_the_last_list(store, dispatcher, domain) -> None:
    tracker = make_tracker(
        "would these count towards a PG Cert?",
        intent="ask_credit",
        slots={"last_results": SETU, "level": "postgraduate"},
    )
    await ActionExplainCredit().run(dispatcher, tracker, domain)
    answer = texts(dispatcher)
    # 3 x 10 ECTS = 60 UK credits: exactly a PG Certificate.
    assert "60" in answer and "PG Certificate" in answer
    assert answer.count(RECOGNITION_CAVEAT) == 1


async def test_microcredential_question(store, dispatcher, domain) -> None:
    tracker = make_tracker(
        "do employers actually recognise microcredentials?", intent="ask_microcredentials"
    )
    await ActionExplainMicrocredentials().run(dispatcher, tracker, domain)
    assert "employer" in texts(dispatcher).lower()


async def test_money_credit_gets_no_academic_lecture(dispatcher, domain) -> None:
    tracker = make_tracker("I'm on universal credit and have £0 to spend", intent="ask_credit")
    await ActionExplainCredit().run(dispatcher, tracker, domain)
    reply = dispatcher.messages[0]["text"]
    assert "universal credit" in reply and "CATS" not in reply
    assert any(b["title"] == "Free courses" for b in dispatcher.messages[0]["buttons"])


async def test_a_list_refinement_misread_as_a_credit_question_refines(
    store, dispatcher, domain
) -> None:
    from tests.actions.conftest import course_lists, extracted

    slots = {"subject": "teaching-education", "last_results": ["x"]}
    text = "is there anything free"
    tracker = make_tracker(text, intent="ask_credit", slots=slots, entities=extracted(text))
    await ActionExplainCredit().run(dispatcher, tracker, domain)
    assert "CATS" not in texts(dispatcher)
    assert all(c["cost_gbp"] == 0 for p in course_lists(dispatcher) for c in p["courses"])


AWS = "futurelearn-aws-solutions-architect-microcredential"


@pytest.mark.parametrize(
    ("question", "first_sentence", "absent"),
    [
        (
            "I've done three 15-credit microcredentials, how far am I from a PG Certificate?",
            "Adding up these 3 courses: 3 x 15 credits = 45 of the 60 credits for a PG "
            "Certificate (15 still to go).",
            "A PG Certificate is the smallest postgraduate award",
        ),
        (
            "How many hours of study is 10 credits?",
            "10 credits is about 100 hours of study.",
            "150 hours",
        ),
    ],
)
async def test_a_question_with_numbers_gets_the_computed_figure_first(
    store, dispatcher, domain, question, first_sentence, absent
) -> None:
    await ActionExplainCredit().run(dispatcher, make_tracker(question, intent="ask_credit"), domain)
    answer = texts(dispatcher)
    assert answer.startswith(first_sentence)
    assert absent not in answer
    assert answer.endswith(RECOGNITION_CAVEAT)


async def test_no_award_is_guessed_from_the_level_slot(store, dispatcher, domain) -> None:
    tracker = make_tracker(
        "would these count for anything?",
        intent="ask_credit",
        slots={"last_results": SETU, "level": "postgraduate"},
    )
    await ActionExplainCredit().run(dispatcher, tracker, domain)
    answer = texts(dispatcher)
    assert "PG Certificate (" not in answer and "credits for a PG Certificate" not in answer
    assert "add up to 60 UK credits" in answer
    assert "Which award are you aiming for" in answer
    assert answer.count(RECOGNITION_CAVEAT) == 1


async def test_undergraduate_credit_towards_a_pg_award_is_warned_about(
    store, dispatcher, domain
) -> None:
    tracker = make_tracker(
        "would this count towards a PG Cert?", intent="ask_credit", slots={"last_results": [AWS]}
    )
    await ActionExplainCredit().run(dispatcher, tracker, domain)
    answer = texts(dispatcher)
    assert "10 of these credits are undergraduate credits" in answer
    assert "at least 40 credits at FHEQ level 7" in answer


async def test_award_size_question_asks_where_when_nations_differ(
    store, dispatcher, domain
) -> None:
    tracker = make_tracker("how many credits do I need for an honours degree?", intent="ask_credit")
    await ActionExplainCredit().run(dispatcher, tracker, domain)
    answer = texts(dispatcher)
    assert "360 credits" in answer and "in Scotland it is 480" in answer
    assert "Where are you studying?" in answer


async def test_planning_question_gets_a_plan_from_the_catalogue(store, dispatcher, domain) -> None:
    tracker = make_tracker("I want a PG Cert eventually", intent="ask_credit")
    await ActionExplainCredit().run(dispatcher, tracker, domain)
    answer = texts(dispatcher)
    assert answer.startswith("A possible plan towards a PG Certificate (60 credits)")
    assert answer.endswith(RECOGNITION_CAVEAT)


async def test_planning_in_a_subject_without_credit_courses_is_honest(
    store, dispatcher, domain
) -> None:
    tracker = make_tracker(
        "how could I build up to 60 credits?",
        intent="ask_credit",
        slots={"subject": "computing-it", "level": "postgraduate"},
    )
    await ActionExplainCredit().run(dispatcher, tracker, domain)
    answer = texts(dispatcher)
    assert answer.startswith("I can't plan a total of 60 credits from the catalogue")
    assert "needs 60 credits" in answer
