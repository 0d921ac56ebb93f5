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
