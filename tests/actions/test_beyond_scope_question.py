"""Questions about what the bot cannot help with get a reply that says who can."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.beyond_scope_question import FUNDING, KINDS, beyond_scope_kind
from actions.fallback import ActionAskRephrase
from actions.out_of_scope import ActionFormOutOfScope, ActionOutOfScope
from tests.actions.conftest import make_tracker


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("if i do the glasgow one do i need a UK student visa or can i do it from canada?", "visa"),
        ("Y para la visa de trabajo en Corea del Sur, which of these do I need?", "visa"),
        ("Pwede ko po ba bayaran through GCash? or installment?", "payment"),
        ("can I pay in instalments?", "payment"),
        ("can i get HELB loan for these?", "funding"),
        ("is there any scholarship for the MicroMasters?", "funding"),
        # after "I have no course on embalming and funeral directing"
        ("So where should I look then?", "elsewhere"),
        ("is there anywhere else I could learn it?", "elsewhere"),
        # Not such a question.
        ("I'm on a work visa and want a cheap cooking course", None),
        ("is there a course on fundraising?", None),
        ("do you have python fundamentals?", None),
    ],
)
def test_what_the_question_is_about(text: str, kind: str | None) -> None:
    assert beyond_scope_kind(text) == kind


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionOutOfScope, "out_of_scope"),
        (ActionAskRephrase, "nlu_fallback"),
        (ActionFormOutOfScope, "out_of_scope"),
    ],
)
async def test_a_visa_question_is_answered_with_who_can_help(store, domain, action, intent) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("do I need a student visa for these?", intent=intent)
    await action().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_beyond_scope_visa"]


async def test_a_loan_question_gets_the_funding_answer(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("can i get HELB loan for these?", intent="out_of_scope")
    await ActionOutOfScope().run(dispatcher, tracker, domain)
    [reply] = dispatcher.messages
    assert reply["text"].startswith("This is about England only")


def test_every_kind_but_funding_has_its_reply_in_the_domain(domain) -> None:
    for kind in KINDS:
        if kind != FUNDING:
            assert f"utter_beyond_scope_{kind}" in domain["responses"]
