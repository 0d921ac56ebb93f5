"""What finishing the courses shown gives: "do these give a certificate I can show at the
cooperative", "Can I teach to other people after I finish that one? Like it is a license?"."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.course_list import ActionCourseDetails
from actions.explain import ActionExplainMicrocredentials
from actions.fallback import ActionAskRephrase
from actions.out_of_scope import ActionOutOfScope
from actions.outcome_question import OutcomeQuestion, asked_outcome
from actions.search_actions import ActionRecommendCourses
from tests.actions.conftest import make_tracker

SHORT_COURSE = "fl-mindfulness-for-wellbeing-and-peak-performance-monash-university"
CPD = "fl-animal-feed-production-feed-safety-eit-food"
WITH_CREDIT = "futurelearn-aws-solutions-architect-microcredential"  # 10 CATS credits


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("do these give a certificate I can show at the cooperative", OutcomeQuestion(False)),
        ("will I get a cert for the cooking one", OutcomeQuestion(False)),
        ("Is this course a CPD certificate?", OutcomeQuestion(False)),
        # what the learner would get, in text speak or with no word for the course
        ("n do u get like a cert at the end i can show the panel", OutcomeQuestion(False)),
        ("Do I get certificate with my name to show in my CV?", OutcomeQuestion(False)),
        (
            "Can I teach to other people after I finish that one? Like it is a license?",
            OutcomeQuestion(True),
        ),
        (
            "is the hygiene one gonna count as the food safety supervisor cert here in QLD?",
            OutcomeQuestion(True),
        ),
        ("Is this equivalent to CELTA? Some parents ask me for CELTA.", OutcomeQuestion(True)),
        # A few words asked right after a list are about it.
        ("certificate?", OutcomeQuestion(False, pointed=False)),
        ("certs?", OutcomeQuestion(False, pointed=False)),
        # ... in a longer message, a short question of its own
        (
            "Certificate? My director wants to see proof.",
            OutcomeQuestion(False, pointed=False),
        ),
        (
            "My director wants proof. Certificate?",
            OutcomeQuestion(False, pointed=False),
        ),
        # Finishing the course shown, in words.
        ("any cert at the end?", OutcomeQuestion(False)),
        ("do i get a certificate at the end", OutcomeQuestion(False)),
        (
            "is there a certificate at the end because i want to show to the estate manager",
            OutcomeQuestion(False),
        ),
        # Not about the courses shown, or not a question, or nothing a course gives.
        ("any courses equivalent to a degree?", None),
        ("I want a certificate in project management", None),
        ("certificate courses in data please", None),
        ("are there any certificate courses in project management?", None),
        ("Do you need a licence to be a plumber", None),
        ("how much is that in dollars", None),
    ],
)
def test_what_a_message_asks_finishing_gives(text: str, question: OutcomeQuestion | None) -> None:
    assert asked_outcome(text) == question


def _replies(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    return dispatcher.messages


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionAskRephrase, "nlu_fallback"),
        (ActionOutOfScope, "out_of_scope"),
        (ActionCourseDetails, "course_details"),
        (ActionExplainMicrocredentials, "ask_microcredentials"),
    ],
)
async def test_each_course_shown_is_said_with_what_the_catalogue_records(
    store, domain, action, intent
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "do these give a certificate I can show at the cooperative or to the county",
        intent=intent,
        slots={"last_results": [SHORT_COURSE, CPD, WITH_CREDIT]},
    )
    await action().run(dispatcher, tracker, domain)
    [reply] = _replies(dispatcher)
    assert reply["response"] == "utter_what_finishing_gives"
    short, cpd, credit = reply["lines"].split("\n")
    assert short.startswith("1. ") and short.endswith(": Short course, no stated credit")
    assert cpd.startswith("2. Animal Feed Production") and "CPD-accredited" in cpd
    assert credit.startswith("3. AWS") and credit.endswith("10 CATS credits")


async def test_a_licence_question_is_told_none_is_listed_as_one(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "Can I teach to other people after I finish that one po? Like it is a license?",
        intent="nlu_fallback",
        slots={"last_results": [SHORT_COURSE]},
    )
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    responses = [m["response"] for m in _replies(dispatcher)]
    assert responses == ["utter_what_finishing_gives", "utter_no_licence_listed"]


async def test_without_a_list_the_question_is_answered_as_before(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("do these give a certificate?", intent="ask_microcredentials")
    await ActionExplainMicrocredentials().run(dispatcher, tracker, domain)
    [reply] = _replies(dispatcher)
    assert reply.get("response") != "utter_what_finishing_gives" and reply["text"]


async def test_a_short_question_naming_a_topic_is_no_question_about_the_list(store, domain) -> None:
    """ "certificate?" after a list asks about it (it had got "Did you mean one of
    these?"); "certificate in excel?" asks for courses on Excel."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("certificate?", intent="nlu_fallback", slots={"last_results": [CPD]})
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert _replies(dispatcher)[0]["response"] == "utter_what_finishing_gives"
    excel = {"entity": "topic", "value": "excel", "start": 15, "end": 20, "confidence": 0.9}
    other = CollectingDispatcher()
    named = make_tracker(
        "certificate in excel?",
        intent="nlu_fallback",
        slots={"last_results": [CPD]},
        entities=[excel],
    )
    await ActionAskRephrase().run(other, named, domain)
    assert all(m.get("response") != "utter_what_finishing_gives" for m in _replies(other))


async def test_a_question_read_as_a_goal_is_answered_and_changes_no_wish(store, domain) -> None:
    """ "is there a certificate at the end because i want to show to the estate manager"
    was read as a goal with the topic "manager" and searched it ("End-of-Life Care ...");
    after the form it is answered, and the slots the form set from it are set back."""
    text = "is there a certificate at the end because i want to show to the estate manager"
    manager = {"entity": "topic", "value": "manager", "start": 72, "end": 79}
    before = {"event": "slot", "name": "topic", "value": "excel"}
    after = {"event": "slot", "name": "topic", "value": "manager"}
    latest = {"text": text, "intent": {"name": "state_goal"}, "entities": [manager]}
    tracker = make_tracker(
        text,
        intent="state_goal",
        slots={"last_results": [CPD], "topic": "manager"},
        entities=[manager],
        events=[before, {"event": "user", "text": text, "parse_data": latest}, after],
    )
    dispatcher = CollectingDispatcher()
    events = await ActionRecommendCourses().run(dispatcher, tracker, domain)
    assert _replies(dispatcher)[0]["response"] == "utter_what_finishing_gives"
    assert events == [{"event": "slot", "timestamp": None, "name": "topic", "value": "excel"}]


async def test_which_of_them_is_answered_about_the_list_not_refined(store, domain) -> None:
    """ "CPD accredited? which ones." (read as a wish for credit) had searched again with
    academic credit wanted (personas_fresh30); "only accredited ones please" still refines."""
    from actions.outcome_question import asks_which_of_them
    from actions.search_actions import ActionRefineSearch

    assert asks_which_of_them("CPD accredited? which ones.")
    assert not asks_which_of_them("only accredited ones please")
    assert not asks_which_of_them("which ones are cheapest?")
    assert asks_which_of_them("which ones got CPD? my school will ask")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "CPD accredited? which ones.",
        intent="refine_search",
        slots={"last_results": [SHORT_COURSE, CPD, WITH_CREDIT]},
        events=[
            {"event": "slot", "name": "last_results", "value": [SHORT_COURSE, CPD, WITH_CREDIT]},
            {"event": "user", "text": "CPD accredited? which ones."},
        ],
    )
    await ActionRefineSearch().run(dispatcher, tracker, domain)
    [reply] = _replies(dispatcher)
    assert reply["response"] == "utter_what_finishing_gives"
    assert "CPD-accredited" in reply["lines"].split("\n")[1]
