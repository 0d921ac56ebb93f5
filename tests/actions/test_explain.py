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
