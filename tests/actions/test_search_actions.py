from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import STORE_DOWN_MESSAGE
from actions.search_actions import ActionRecommendCourses, ActionRefineSearch
from tests.actions.conftest import course_lists, extracted, make_tracker, slot_events, texts


def refine_tracker(text: str, slots: dict[str, Any]) -> Tracker:
    return make_tracker(text, intent="refine_search", slots=slots, entities=extracted(text))


PROFILE = {
    "goal": "career_change",
    "subject": "data-science-ai",
    "budget": 600.0,
    "hours_per_week": 6.0,
}


async def test_recommends_three_courses_with_text_and_payload(store, dispatcher, domain) -> None:
    events = await ActionRecommendCourses().run(dispatcher, make_tracker(slots=PROFILE), domain)
    [payload] = course_lists(dispatcher)
    courses = payload["courses"]
    assert len(courses) == 3
    assert all(c["subject"] == "data-science-ai" for c in courses)
    assert all(c["why"] for c in courses)
    text = texts(dispatcher)
    for course in courses:
        assert course["title"] in text
    assert slot_events(events)["last_results"] == [c["id"] for c in courses]


async def test_impossible_profile_gets_labelled_near_misses(store, dispatcher, domain) -> None:
    slots = {
        "goal": "further_study",
        "subject": "cybersecurity",
        "budget": 0.0,
        "max_weeks": 1.0,
        "credit_bearing": True,
    }
    await ActionRecommendCourses().run(dispatcher, make_tracker(slots=slots), domain)
    assert "Nothing in the catalogue meets every wish" in texts(dispatcher)
    [payload] = course_lists(dispatcher)
    assert payload["relaxed"]
    assert payload["courses"]


async def test_store_down_gets_a_clear_reply(dispatcher, domain, monkeypatch) -> None:
    from actions.store.db import dispose_engines

    monkeypatch.setenv("COURSE_DB_URL", "postgresql+psycopg2://nobody:x@127.0.0.1:1/none")
    try:
        events = await ActionRecommendCourses().run(dispatcher, make_tracker(slots=PROFILE), domain)
    finally:
        dispose_engines()
    assert texts(dispatcher) == STORE_DOWN_MESSAGE
    assert events == []


async def test_cheaper_sorts_by_comparable_cost(store, domain) -> None:
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(first, make_tracker(slots=PROFILE), domain)
    slots = {**PROFILE, **slot_events(events)}
    refined = CollectingDispatcher()
    await ActionRefineSearch().run(refined, refine_tracker("anything cheaper?", slots), domain)
    [payload] = course_lists(refined)
    costs = [c["cost_gbp"] for c in payload["courses"] if c["cost_gbp"] is not None]
    assert costs == sorted(costs)
    before = [c["cost_gbp"] for c in course_lists(first)[0]["courses"] if c["cost_gbp"]]
    assert costs and max(costs) < max(before)


async def test_more_shows_courses_not_seen_yet(store, domain) -> None:
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(first, make_tracker(slots=PROFILE), domain)
    seen = {c["id"] for c in course_lists(first)[0]["courses"]}
    slots = {**PROFILE, **slot_events(events)}
    more = CollectingDispatcher()
    more_events = await ActionRefineSearch().run(
        more, make_tracker("more please", intent="refine_search", slots=slots), domain
    )
    shown = {c["id"] for c in course_lists(more)[0]["courses"]}
    assert shown and not shown & seen
    assert set(slot_events(more_events)["shown_ids"]) == seen | shown


@pytest.mark.parametrize(
    ("message", "slot", "value"),
    [
        ("only ones with credit please", "credit_bearing", True),
        ("any free ones?", "budget", 0.0),
        ("only online", "delivery", "online"),
    ],
)
async def test_refinements_set_the_wish(store, dispatcher, domain, message, slot, value) -> None:
    slots = {**PROFILE, "last_results": ["x"]}
    events = await ActionRefineSearch().run(dispatcher, refine_tracker(message, slots), domain)
    assert slot_events(events)[slot] == value
    assert course_lists(dispatcher) or "couldn't find" in texts(dispatcher)


async def test_refine_without_a_subject_asks_for_one(store, dispatcher, domain) -> None:
    events = await ActionRefineSearch().run(
        dispatcher, make_tracker("cheaper", intent="refine_search"), domain
    )
    assert "learn about" in texts(dispatcher)
    assert events == []


async def test_refine_after_a_list_found_by_the_request_words_refines_it(
    store, dispatcher, domain
) -> None:
    # A list found by the words of a request has neither subject nor topic ("we send an email
    # every fortnight and hardly anyone opens it"): "anything cheaper?" refines it.
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(first, make_tracker(slots=PROFILE), domain)
    listed = slot_events(events)["last_results"]
    tracker = make_tracker(
        "anything cheaper?", intent="refine_search", slots={"last_results": listed}
    )
    await ActionRefineSearch().run(dispatcher, tracker, domain)
    assert "learn about" not in texts(dispatcher)
    assert texts(dispatcher)


async def test_clients_that_draw_cards_get_no_repeated_text_list(store, domain) -> None:
    plain, cards = CollectingDispatcher(), CollectingDispatcher()
    await ActionRecommendCourses().run(plain, make_tracker(slots=PROFILE), domain)
    event = {"event": "user", "text": "hi", "metadata": {"renders": ["course_list"]}}
    await ActionRecommendCourses().run(cards, make_tracker(slots=PROFILE, events=[event]), domain)
    titles = [c["title"] for c in course_lists(cards)[0]["courses"]]
    assert all(title in texts(plain) for title in titles)
    assert not any(title in texts(cards) for title in titles)
    assert course_lists(cards) == course_lists(plain)


async def test_a_stored_infinite_budget_does_not_break_the_search(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    slots = {**PROFILE, "budget": float("inf"), "hours_per_week": float("nan")}
    await ActionRecommendCourses().run(dispatcher, make_tracker(slots=slots), domain)
    assert course_lists(dispatcher)[0]["courses"]


async def test_a_no_that_asks_for_cheaper_refines_and_a_bare_no_lists_capabilities(
    store, domain
) -> None:
    from actions.search_actions import ActionAnswerNo

    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(first, make_tracker(slots=PROFILE), domain)
    slots = {**PROFILE, **slot_events(events)}
    text = "no, I'd rather not spend much, we're on a pension"
    refined = CollectingDispatcher()
    tracker = make_tracker(text, intent="deny", slots=slots, entities=extracted(text))
    await ActionAnswerNo().run(refined, tracker, domain)
    assert "cheaper than" in texts(refined)
    bare = CollectingDispatcher()
    await ActionAnswerNo().run(bare, make_tracker("no", intent="deny", slots=slots), domain)
    assert bare.messages[0]["response"] == "utter_capabilities"


async def test_credit_in_too_little_time_is_explained_and_a_possible_wish_is_not(
    store, domain
) -> None:
    impossible = CollectingDispatcher()
    slots = {
        "topic": "project management",
        "credit_bearing": True,
        "level": "postgraduate",
        "max_weeks": 1.0,
    }
    await ActionRecommendCourses().run(impossible, make_tracker(slots=slots), domain)
    assert "No course here gives postgraduate academic credit within 1 week" in texts(impossible)
    assert "hours of study" in texts(impossible)
    possible = CollectingDispatcher()
    slots = {"topic": "counselling", "credit_bearing": True, "hours_per_week": 6.0}
    await ActionRecommendCourses().run(possible, make_tracker(slots=slots), domain)
    assert "No course here gives" not in texts(possible)


async def test_time_enough_for_credit_is_never_called_impossible(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    slots = {
        "topic": "project management",
        "credit_bearing": True,
        "level": "postgraduate",
        "max_weeks": 48.0,
        "hours_per_week": 5.0,
    }
    await ActionRecommendCourses().run(dispatcher, make_tracker(slots=slots), domain)
    assert "No course here gives" not in texts(dispatcher)


async def test_a_capabilities_question_naming_a_topic_searches_it(store, domain) -> None:
    """ "What about the wedding planning side of things, would that help me?" read as
    "what can you do": the courses on wedding planning; "what can you do?" the list of
    what the assistant does."""
    from actions.search_actions import ActionCapabilities

    text = "What about the wedding planning side of things, would that help me?"
    found = CollectingDispatcher()
    tracker = make_tracker(text, intent="ask_capabilities", entities=extracted(text))
    events = await ActionCapabilities().run(found, tracker, domain)
    assert slot_events(events)["topic"] == "wedding planning"
    assert course_lists(found)
    plain = CollectingDispatcher()
    await ActionCapabilities().run(
        plain, make_tracker("what can you do?", intent="ask_capabilities"), domain
    )
    assert plain.messages[0]["response"] == "utter_capabilities"


async def test_thanks_read_as_a_yes_after_a_list_is_thanks(store, dispatcher, domain) -> None:
    """ "ok cool thx" after a list (affirm, nothing pending) had shown a list again."""
    slots = {**PROFILE, "last_results": ["fl-animal-feed-production-feed-safety-eit-food"]}
    tracker = make_tracker("ok cool thx", intent="affirm", slots=slots)
    assert await ActionRecommendCourses().run(dispatcher, tracker, domain) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_you_are_welcome"]
    # A yes with no thanks in it still searches.
    other = CollectingDispatcher()
    await ActionRecommendCourses().run(
        other, make_tracker("ok", intent="affirm", slots=slots), domain
    )
    assert course_lists(other)


async def test_a_sign_off_read_as_information_after_a_list_is_thanks(
    store, dispatcher, domain
) -> None:
    """ "Most kind. Kind regards, Kenneth" (inform) had listed courses on "regards"."""
    slots = {**PROFILE, "last_results": ["fl-animal-feed-production-feed-safety-eit-food"]}
    tracker = make_tracker("Most kind. Kind regards, Kenneth", intent="inform", slots=slots)
    assert await ActionRecommendCourses().run(dispatcher, tracker, domain) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_you_are_welcome"]


async def test_a_question_read_as_information_that_changes_nothing_is_answered(
    store, dispatcher, domain
) -> None:
    """ "GI bill cover it?" after a list, read as inform with no wish: it had got the same
    list again; it gets who decides about funding."""
    slots = {**PROFILE, "last_results": ["fl-animal-feed-production-feed-safety-eit-food"]}
    tracker = make_tracker("GI bill cover it?", intent="inform", slots=slots)
    assert await ActionRecommendCourses().run(dispatcher, tracker, domain) == []
    assert not course_lists(dispatcher)
    from actions.knowledge import microcredentials

    assert [m["text"] for m in dispatcher.messages] == [microcredentials.answer("funding")]


async def test_a_save_naming_courses_read_as_a_refinement_saves_them(store, domain) -> None:
    """ "save the xero one + the instagram one" (refine_search 0.53, save_shortlist 0.29):
    the courses named are saved, not a search of "saving"."""
    xero = "fl-accounting-with-xero-a-beginners-guide-the-career-academy"
    instagram = "fl-instagram-marketing-instagram-essentials-and-conte-social-media-college"
    payroll = "fl-other-accounting-functions-payroll-and-banking-kaplan"
    ranking = [
        {"name": "refine_search", "confidence": 0.53},
        {"name": "save_shortlist", "confidence": 0.29},
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "save the xero one + the instagram one",
        intent="refine_search",
        intent_ranking=ranking,
        slots={"last_results": [xero, payroll, instagram], "topic": "instagram"},
        sender_id="saver-with-a-plus",
    )
    await ActionRefineSearch().run(dispatcher, tracker, domain)
    assert course_lists(dispatcher) == []
    assert dispatcher.messages[0]["text"].startswith("Saved 2 courses to your shortlist")
