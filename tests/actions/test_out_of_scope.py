"""Out of scope: said so, unless the message names something to learn, states a wish, or
answers the question the profile form asked."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.answers import ANSWER_ROLE
from actions.out_of_scope import ActionFormOutOfScope, ActionOutOfScope
from actions.search_actions import ActionRefineSearch
from tests.actions.conftest import course_lists, extracted, make_tracker, slot_events, texts


def _with_topic(tracker, topic: str):
    tracker.latest_message["entities"] = [{"entity": "topic", "value": topic}]
    return tracker


async def test_out_of_scope_without_a_topic_says_so(dispatcher, domain) -> None:
    events = await ActionOutOfScope().run(
        dispatcher, make_tracker("what's the weather?", intent="out_of_scope"), domain
    )
    assert events == []
    assert dispatcher.messages[0]["response"] == "utter_out_of_scope"


async def test_out_of_scope_money_in_another_currency_is_told_how_it_was_read(
    dispatcher, domain
) -> None:
    """ "i have like 500 kwacha. and lots of time lol" had got "I can only help with
    choosing courses"."""
    text = "i have like 500 kwacha. and lots of time lol"
    tracker = make_tracker(text, intent="out_of_scope", entities=extracted(text))
    assert await ActionOutOfScope().run(dispatcher, tracker, domain) == []
    [message] = dispatcher.messages
    assert message["response"] == "utter_budget_currency_unread"
    assert message["amount"] == "500 kwacha"


async def test_out_of_scope_asking_to_change_the_list_changes_it(store, domain) -> None:
    text = "can you show the cheapest one? rent is due and my mama needs her meds"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "show me courses", intent="find_course", slots={"subject": "marketing", "budget": 500.0}
    )
    await ActionRefineSearch().run(dispatcher, tracker, domain)
    [shown] = course_lists(dispatcher)
    ids = [c["id"] for c in shown["courses"]]
    dearest = max(c["cost_gbp"] or 0 for c in shown["courses"])
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text,
        intent="out_of_scope",
        slots={"subject": "marketing", "budget": 500.0, "last_results": ids},
        entities=extracted(text),
    )
    await ActionOutOfScope().run(dispatcher, tracker, domain)
    [cheaper] = course_lists(dispatcher)
    assert cheaper["courses"] and all((c["cost_gbp"] or 0) < dearest for c in cheaper["courses"])
    assert "can only help" not in " ".join(m.get("text") or "" for m in dispatcher.messages)


async def test_out_of_scope_stating_a_wish_after_a_list_searches_with_it(store, domain) -> None:
    text = "only nap times lol so like 2hrs a week"
    kept = [
        {**e, "role": "if_answer"} for e in extracted(text)
    ]  # as the out-of-scope intent keeps it
    assert [e["entity"] for e in kept] == ["hours_per_week"]
    slots = {"subject": "marketing", "last_results": ["x"]}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="out_of_scope", slots=slots, entities=kept)
    events = await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert slot_events(events)["hours_per_week"] == 2
    [payload] = course_lists(dispatcher)
    assert payload["courses"]
    assert "can only help" not in " ".join(m.get("text") or "" for m in dispatcher.messages)


async def test_out_of_scope_stating_a_wish_before_any_list_keeps_it(dispatcher, domain) -> None:
    """ "The maximum I can invest is €800." read as out of scope: noted, and the profile
    form asks for the rest instead of "I can only help with choosing courses"."""
    tracker = make_tracker(
        "The maximum I can invest is €800.",
        intent="out_of_scope",
        entities=[_kept("budget", 695.12, 0.95)],
    )
    events = await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert slot_events(events) == {"budget": 695.12}
    assert [e["name"] for e in events if e["event"] == "followup"] == ["learner_profile_form"]
    assert [m.get("response") for m in dispatcher.messages] == ["utter_noted"]
    # a learned guess or a question is still out of scope
    for text, entities in (
        ("my boss is a nightmare", [_kept("goal", "upskill", 0.5)]),
        ("can you invest £800 for me?", [_kept("budget", 800, 0.95)]),
    ):
        dispatcher.messages.clear()
        tracker = make_tracker(text, intent="out_of_scope", entities=entities)
        assert await ActionOutOfScope().run(dispatcher, tracker, domain) == []
        assert dispatcher.messages[0]["response"] == "utter_out_of_scope"


async def test_out_of_scope_naming_a_topic_is_searched(store, dispatcher, domain) -> None:
    tracker = _with_topic(
        make_tracker("how to keep bees", intent="out_of_scope"), "beekeeping for beginners"
    )
    events = await ActionOutOfScope().run(dispatcher, tracker, domain)
    # Said honestly, with subjects near it and an adviser; the topic is not kept, so the
    # next message does not get the same "no course" again.
    assert slot_events(events)["topic"] is None
    assert "I have no course on beekeeping for beginners" in texts(dispatcher)
    titles = [b["title"] for b in dispatcher.messages[0]["buttons"]]
    assert "Environment and sustainability" in titles and "Talk to an adviser" in titles


async def test_out_of_scope_naming_a_topic_we_have_lists_it(store, dispatcher, domain) -> None:
    tracker = _with_topic(
        make_tracker("how to use kubernetes", intent="out_of_scope"), "kubernetes"
    )
    await ActionOutOfScope().run(dispatcher, tracker, domain)
    [found] = course_lists(dispatcher)
    assert found["topic_status"] == "full"
    assert "Kubernetes" in found["courses"][0]["title"]


def _kept(entity: str, value, confidence: float) -> dict:
    return {"entity": entity, "value": value, "role": ANSWER_ROLE, "confidence": confidence}


async def test_in_the_form_a_wish_said_outright_is_taken_not_refused(dispatcher, domain) -> None:
    """ "upskill for my biz" read as out of scope at the refinements question."""
    tracker = make_tracker(
        "upskill for my biz",
        intent="out_of_scope",
        active_loop="learner_profile_form",
        entities=[_kept("goal", "upskill", 0.95), _kept("budget", 50, 0.9)],
    )
    events = await ActionFormOutOfScope().run(dispatcher, tracker, domain)
    assert slot_events(events) == {"goal": "upskill", "budget": 50}
    assert dispatcher.messages[0]["response"] == "utter_noted"


async def test_in_the_form_a_guessed_wish_or_a_question_is_still_out_of_scope(
    dispatcher, domain
) -> None:
    for text, entities in (
        ("my boss is a nightmare", [_kept("goal", "upskill", 0.5)]),  # the learned guess
        ("can you upskill my dog?", [_kept("goal", "upskill", 0.95)]),  # a question
        ("what's the weather?", []),
    ):
        dispatcher.messages.clear()
        tracker = make_tracker(
            text, intent="out_of_scope", active_loop="learner_profile_form", entities=entities
        )
        events = await ActionFormOutOfScope().run(dispatcher, tracker, domain)
        assert events == []
        assert dispatcher.messages[0]["response"] == "utter_out_of_scope"


async def test_in_the_form_a_topic_answering_which_subject_is_taken(dispatcher, domain) -> None:
    """ "The old Norse sagas." to "Which subject?", classified out of scope."""
    tracker = make_tracker(
        "The old Norse sagas.",
        intent="out_of_scope",
        active_loop="learner_profile_form",
        slots={"requested_slot": "subject"},
        entities=[_kept("topic", "old Norse sagas", 0.9)],
    )
    events = await ActionFormOutOfScope().run(dispatcher, tracker, domain)
    assert slot_events(events) == {"topic": "old Norse sagas", "subject": None}
    assert dispatcher.messages == []
    # ... not at another question, nor as a question
    for text, requested in (
        ("The old Norse sagas.", "refinements_done"),
        ("what are the old Norse sagas?", "subject"),
    ):
        tracker = make_tracker(
            text,
            intent="out_of_scope",
            active_loop="learner_profile_form",
            slots={"requested_slot": requested},
            entities=[_kept("topic", "old Norse sagas", 0.9)],
        )
        assert "topic" not in slot_events(
            await ActionFormOutOfScope().run(dispatcher, tracker, domain)
        )


async def test_out_of_scope_asking_about_a_new_topic_after_a_list_searches_it(
    store, dispatcher, domain
) -> None:
    """ "is there anything about the history of Jamaica ...? My late husband Winston was mad
    for the cricket." after a list, read as out of scope: courses on it, not the last list
    again with the subject of the new words."""
    text = (
        "While I think of it, is there anything about the history of Jamaica or the West "
        "Indies? My late husband Winston was mad for the cricket."
    )
    slots = {"topic": "computer", "subject": "computing-it", "last_results": ["x"]}
    entities = [
        {**e, "role": "if_answer"} if e["entity"] in ("subject", "goal") else e
        for e in extracted(text)
    ]
    tracker = make_tracker(text, intent="out_of_scope", slots=slots, entities=entities)
    events = await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert slot_events(events).get("topic") == "history of Jamaica"
    [found] = course_lists(dispatcher)
    assert any("West Indies" in c["title"] or "Caribbean" in c["title"] for c in found["courses"])
