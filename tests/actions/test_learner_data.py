"""Shortlist, hand-off and forget-me actions: stored per learner (sender id)."""

from __future__ import annotations

import re
import subprocess
import sys

from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionRequestHandoff
from actions.privacy import ActionForgetMe
from actions.search_actions import ActionRecommendCourses
from actions.shortlist import ActionSaveShortlist, ActionShowShortlist
from tests.actions.conftest import ROOT, course_lists, make_tracker, slot_events, texts

PROFILE = {"goal": "explore", "subject": "languages"}


async def _slots_after_search(domain, sender: str) -> tuple[dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=PROFILE, sender_id=sender)
    events = await ActionRecommendCourses().run(dispatcher, tracker, domain)
    return {**PROFILE, **slot_events(events)}, course_lists(dispatcher)[0]["courses"]


async def test_save_and_show_shortlist_per_learner(store, domain) -> None:
    slots, courses = await _slots_after_search(domain, "alice")
    saved = CollectingDispatcher()
    await ActionSaveShortlist().run(
        saved,
        make_tracker(
            "save the second one",
            intent="save_shortlist",
            slots={**slots, "course_index": [2]},
            sender_id="alice",
        ),
        domain,
    )
    assert "Saved 1 course" in texts(saved)

    shown = CollectingDispatcher()
    await ActionShowShortlist().run(shown, make_tracker(sender_id="alice"), domain)
    assert [c["id"] for c in course_lists(shown)[0]["courses"]] == [courses[1]["id"]]

    other = CollectingDispatcher()
    await ActionShowShortlist().run(other, make_tracker(sender_id="bob"), domain)
    assert "empty" in texts(other)


async def test_saving_twice_does_not_duplicate(store, domain) -> None:
    slots, _ = await _slots_after_search(domain, "carol")
    for _ in range(2):
        dispatcher = CollectingDispatcher()
        await ActionSaveShortlist().run(
            dispatcher, make_tracker("save them", slots=slots, sender_id="carol"), domain
        )
    assert "0 courses" in texts(dispatcher) and "3 already there" in texts(dispatcher)


async def test_handoff_records_a_summary_advisers_can_list(store, domain) -> None:
    slots, _ = await _slots_after_search(domain, "dan")
    events = [
        {"event": "user", "text": "I want to learn Spanish"},
        {"event": "user", "text": "talk to a person please"},
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "talk to a person please",
        intent="human_handoff",
        slots=slots,
        sender_id="dan",
        events=events,
    )
    await ActionRequestHandoff().run(dispatcher, tracker, domain)
    # A random reference (actions/store/advisers.py), not the sequential id.
    assert re.search(r"reference [0-9A-Z]{4}-[0-9A-Z]{4}\b", texts(dispatcher))
    listing = subprocess.run(
        [sys.executable, "-m", "actions.store.advisers", "--db", store, "list", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "dan" in listing and "Spanish" in listing


async def test_asking_again_while_a_request_is_open_files_no_second_one(store, domain) -> None:
    first, again = CollectingDispatcher(), CollectingDispatcher()
    tracker = make_tracker("talk to an adviser", intent="human_handoff", sender_id="gail")
    await ActionRequestHandoff().run(first, tracker, domain)
    reference = re.search(r"reference ([0-9A-Z]{4}-[0-9A-Z]{4})", texts(first))
    assert reference
    later = make_tracker(
        "how long will the adviser take to reply?", intent="human_handoff", sender_id="gail"
    )
    await ActionRequestHandoff().run(again, later, domain)
    assert "already with the careers advisers" in texts(again)
    assert reference.group(1) in texts(again) and "can't say how long" in texts(again)


async def test_forget_me_deletes_only_this_learner(store, domain) -> None:
    for sender in ("erin", "frank"):
        slots, _ = await _slots_after_search(domain, sender)
        await ActionSaveShortlist().run(
            CollectingDispatcher(), make_tracker("save", slots=slots, sender_id=sender), domain
        )
    dispatcher = CollectingDispatcher()
    events = await ActionForgetMe().run(dispatcher, make_tracker(sender_id="erin"), domain)
    assert any(e["event"] == "reset_slots" for e in events)
    assert "deleted" in texts(dispatcher)

    erin, frank = CollectingDispatcher(), CollectingDispatcher()
    await ActionShowShortlist().run(erin, make_tracker(sender_id="erin"), domain)
    await ActionShowShortlist().run(frank, make_tracker(sender_id="frank"), domain)
    assert "empty" in texts(erin)
    assert course_lists(frank)


async def test_a_handoff_naming_a_topic_also_shows_courses_on_it(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "I'd like to talk to a person about dementia care courses",
        intent="human_handoff",
        sender_id="hal",
    )
    tracker.latest_message["entities"] = [{"entity": "topic", "value": "dementia care"}]
    events = await ActionRequestHandoff().run(dispatcher, tracker, domain)
    assert "I've asked a careers adviser" in texts(dispatcher)
    [shown] = course_lists(dispatcher)
    assert any("dementia" in c["title"].lower() for c in shown["courses"])
    assert slot_events(events)["topic"] == "dementia care"
    plain = CollectingDispatcher()
    await ActionRequestHandoff().run(
        plain, make_tracker("talk to a person", intent="human_handoff", sender_id="ida"), domain
    )
    assert not course_lists(plain)


async def test_saving_a_course_named_by_its_words_saves_only_that_one(store, domain) -> None:
    """ "save the mindfulness one pls" saves that course, not the whole list."""
    ids = [
        "fl-mindfulness-for-wellbeing-and-peak-performance-monash-university",
        "fl-animal-feed-production-feed-safety-eit-food",
        "futurelearn-aws-solutions-architect-microcredential",
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "save the mindfulness one pls",
        intent="save_shortlist",
        slots={"last_results": ids},
        sender_id="dana",
    )
    await ActionSaveShortlist().run(dispatcher, tracker, domain)
    assert "Saved 1 course" in texts(dispatcher)
    shown = CollectingDispatcher()
    await ActionShowShortlist().run(shown, make_tracker(sender_id="dana"), domain)
    assert [c["id"] for c in course_lists(shown)[0]["courses"]] == ids[:1]


async def test_a_handoff_that_also_asks_to_save_a_course_saves_it_first(store, domain) -> None:
    """ "Save the X one. Could I speak to an adviser?" read as a handoff: the course is
    saved too (it had been lost), so the adviser sees it."""
    slots, courses = await _slots_after_search(domain, "hana")
    word = next(w for w in courses[0]["title"].lower().split() if len(w) > 5)
    ranking = [
        {"name": "human_handoff", "confidence": 0.72},
        {"name": "save_shortlist", "confidence": 0.14},
    ]
    text = f"Save the {word} one. Could I speak to an adviser about it?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text, intent="human_handoff", intent_ranking=ranking, slots=slots, sender_id="hana"
    )
    await ActionRequestHandoff().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert said.startswith(f"Saved 1 course to your shortlist: {courses[0]['title']}")
    assert "I've asked a careers adviser" in said
