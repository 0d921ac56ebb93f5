from __future__ import annotations

from typing import Any

import pytest

from actions.answers import ANSWER_ROLE
from actions.profile_form import ValidateLearnerProfileForm
from tests.actions.conftest import extracted, make_tracker


@pytest.mark.parametrize(
    ("slots", "filled"),
    [
        ({}, False),
        ({"budget": 300.0}, True),
        ({"budget": 0.0}, True),
        ({"credit_bearing": False}, True),
        ({"refinements_done": True}, False),
    ],
)
async def test_refinements_are_skipped_when_a_wish_was_given(
    dispatcher, domain, slots, filled
) -> None:
    tracker = make_tracker("x", intent="state_goal", slots=slots)
    result = await ValidateLearnerProfileForm().extract_refinements_done(
        dispatcher, tracker, domain
    )
    assert result == ({"refinements_done": True} if filled else {})


@pytest.mark.parametrize(
    ("intent", "filled"),
    [
        ("skip", True),
        ("inform", True),
        ("affirm", True),
        # "nothing else, thanks" to "anything else that matters?"
        ("thank", True),
        ("ask_credit", False),
        ("bot_challenge", False),
        # "which one is the cheapest?" before any list: show the list
        ("compare_courses", True),
        ("course_details", True),
    ],
)
async def test_refinement_answer_or_interruption(dispatcher, domain, intent, filled) -> None:
    tracker = make_tracker("x", intent=intent, slots={"requested_slot": "refinements_done"})
    result = await ValidateLearnerProfileForm().extract_refinements_done(
        dispatcher, tracker, domain
    )
    assert result == ({"refinements_done": True} if filled else {})


def test_known_subject_is_accepted(dispatcher, domain) -> None:
    result = ValidateLearnerProfileForm().validate_subject(
        "marketing", dispatcher, make_tracker(), domain
    )
    assert result == {"subject": "marketing", "exploring": False}
    assert not dispatcher.messages


def test_an_answer_that_is_not_a_subject_becomes_the_topic(dispatcher, domain) -> None:
    result = ValidateLearnerProfileForm().validate_subject(
        "kubernetes please", dispatcher, make_tracker(), domain
    )
    assert result == {"subject": None, "topic": "kubernetes please"}
    assert dispatcher.messages == []


def test_a_long_answer_describing_the_wish_is_searched_by_its_words(
    store, dispatcher, domain
) -> None:
    # The whole message had become the topic: "I have no course on For the past eleven
    # years I have co-chaired a small interfaith forum. We meet mo as a whole."
    text = (
        "For the past eleven years I have co-chaired a small interfaith forum. I should like "
        "to deepen my understanding of Islam, and of how Christians and Muslims have related."
    )
    tracker = make_tracker(text, intent="state_goal")
    result = ValidateLearnerProfileForm().validate_subject(text, dispatcher, tracker, domain)
    assert result == {
        "subject": None,
        "exploring": False,
        "by_request": True,
        "described_request": text,
    }
    # A long answer that names nothing is no request ("dunno really. maybe work as a TA one
    # day but mostly for him").
    vague = "dunno really. maybe work as a TA one day but mostly for him"
    tracker = make_tracker(vague, intent="inform")
    result = ValidateLearnerProfileForm().validate_subject(vague, dispatcher, tracker, domain)
    assert result.get("by_request") is not True
    # ... but the request before it is searched when it names something.
    opening = "hiya. my little brother is autistic n i help look after him. want to understand it"
    events = [
        {"event": "user", "text": opening, "parse_data": {"intent": {"name": "state_goal"}}},
        {"event": "slot", "name": "requested_slot", "value": "subject"},
        {"event": "user", "text": vague, "parse_data": {"intent": {"name": "inform"}}},
    ]
    tracker = make_tracker(vague, intent="inform", events=events)
    result = ValidateLearnerProfileForm().validate_subject(vague, dispatcher, tracker, domain)
    assert result == {"subject": None, "exploring": False, "by_request": True}
    # ... nor the topic word for word ("I have no course on Ok, maybe better I ask old
    # beekeeper in village. Thank you anyway. as a whole").
    bye = "Ok, maybe better I ask old beekeeper in village. Thank you anyway."
    tracker = make_tracker(bye, intent="thank")
    result = ValidateLearnerProfileForm().validate_subject(bye, dispatcher, tracker, domain)
    assert "topic" not in result


def test_an_answer_giving_a_wish_is_no_topic(dispatcher, domain) -> None:
    budget = {"entity": "budget", "value": 0, "start": 0, "end": 13}
    tracker = make_tracker("anything free? im broke till payday", entities=[budget])
    result = ValidateLearnerProfileForm().validate_subject(
        "anything free? im broke till payday", dispatcher, tracker, domain
    )
    assert result == {"subject": None}
    assert [m.get("response") for m in dispatcher.messages] == ["utter_noted"]


@pytest.mark.parametrize("text", ["do i get a cert at the end", "how much n how long"])
def test_a_question_answered_to_the_subject_question_is_no_topic(dispatcher, domain, text) -> None:
    tracker = make_tracker(text, intent="nlu_fallback")
    result = ValidateLearnerProfileForm().validate_subject(text, dispatcher, tracker, domain)
    assert result == {"subject": None}
    assert dispatcher.messages == []


def test_a_question_naming_a_topic_gives_the_topic(dispatcher, domain) -> None:
    topic = {"entity": "topic", "value": "kubernetes", "start": 12, "end": 22}
    tracker = make_tracker("anything on kubernetes?", entities=[topic])
    result = ValidateLearnerProfileForm().validate_subject(
        "kubernetes", dispatcher, tracker, domain
    )
    assert result == {"subject": None, "topic": "kubernetes"}


def test_a_too_broad_answer_gets_did_you_mean_buttons(dispatcher, domain) -> None:
    result = ValidateLearnerProfileForm().validate_subject(
        "computing stuff", dispatcher, make_tracker(), domain
    )
    assert result == {"subject": None}
    [message] = dispatcher.messages
    assert "Did you mean" in message["text"]
    assert any("computing-it" in button["payload"] for button in message["buttons"])


async def test_a_searchable_topic_makes_goal_and_subject_optional(dispatcher, domain) -> None:
    form = ValidateLearnerProfileForm()
    slots = ["goal", "subject", "refinements_done"]
    with_topic = make_tracker(slots={"topic": "Excel pivot tables"})
    broad = make_tracker(slots={"topic": "IT"})
    assert await form.required_slots(slots, dispatcher, with_topic, domain) == ["refinements_done"]
    assert await form.required_slots(slots, dispatcher, broad, domain) == slots


async def test_once_courses_were_shown_the_goal_is_not_asked_again(dispatcher, domain) -> None:
    """ "also the health inspector things, the temperature of the meat" after a list had
    been "What's your main goal?", then "I didn't catch a goal" (personas_fresh30)."""
    form = ValidateLearnerProfileForm()
    slots = ["goal", "subject", "refinements_done"]
    shown = make_tracker(slots={"topic": "IT", "seen_ids": ["a", "b"]})
    assert await form.required_slots(slots, dispatcher, shown, domain) == [
        "subject",
        "refinements_done",
    ]


@pytest.mark.parametrize(
    ("value", "expected"), [("career_change", "career_change"), ("astronaut", None)]
)
def test_goal_is_one_of_the_four(dispatcher, domain, value, expected) -> None:
    result = ValidateLearnerProfileForm().validate_goal(value, dispatcher, make_tracker(), domain)
    assert result == {"goal": expected}


@pytest.mark.parametrize(
    ("text", "intent", "asked", "expected"),
    [
        ("not sure, just show me some courses", "find_course", "goal:1", {"goal": "any"}),
        ("whatever", "nlu_fallback", "goal:1", {"goal": "any"}),
        ("no preference", "skip", "goal:1", {"goal": "any"}),
        ("upskil i guess", "state_goal", "goal:1", {}),
        ("upskil i guess", "state_goal", "goal:2", {"goal": "any"}),
        ("what's a PG Cert?", "ask_credit", "goal:2", {}),
        ("tell me more about the Swiss one", "course_details", "goal:1", {"goal": "any"}),
    ],
)
async def test_the_goal_can_be_left_open_and_is_asked_at_most_twice(
    dispatcher, domain, text, intent, asked, expected
) -> None:
    slots = {"requested_slot": "goal", "asked": asked}
    tracker = make_tracker(text, intent=intent, slots=slots)
    result = await ValidateLearnerProfileForm().extract_goal(dispatcher, tracker, domain)
    assert result == expected
    assert bool(dispatcher.messages) == bool(expected)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("i dont know. what do people my age usually do?", "out_of_scope"),
        ("i dont know. what do people my age usually do?", "ask_capabilities"),
        ("no idea", "nlu_fallback"),
        ("skip", "skip"),
        ("no idea yet lad", "skip"),  # its "no idea" also reads as a beginner's level
        # a wish only a list takes: no slot keeps it, so nothing else answers the question
        ("whatever is cheapest", "skip"),
    ],
)
async def test_no_subject_in_mind_starts_exploring(dispatcher, domain, text, intent) -> None:
    tracker = make_tracker(
        text, intent=intent, slots={"requested_slot": "subject"}, entities=extracted(text)
    )
    result = await ValidateLearnerProfileForm().extract_subject(dispatcher, tracker, domain)
    assert result == {"subject": None, "exploring": True}


async def test_a_skip_that_gives_another_wish_does_not_start_exploring(dispatcher, domain) -> None:
    """ "maybe two or three hours a week ... not sure really" at the subject question answers
    the hours (read as a skip, it sent a carer into the exploration questions)."""
    text = "maybe two or three hours a week when she's napping not sure really"
    tracker = make_tracker(
        text, intent="skip", slots={"requested_slot": "subject"}, entities=extracted(text)
    )
    result = await ValidateLearnerProfileForm().extract_subject(dispatcher, tracker, domain)
    assert result == {}


def test_a_third_unmatched_subject_answer_starts_exploring(dispatcher, domain) -> None:
    tracker = make_tracker(slots={"requested_slot": "subject", "asked": "subject:2"})
    result = ValidateLearnerProfileForm().validate_subject(
        "computing stuff", dispatcher, tracker, domain
    )
    assert result == {"subject": None, "exploring": True}


async def test_exploring_asks_background_and_interests_instead_of_the_subject(
    dispatcher, domain
) -> None:
    form = ValidateLearnerProfileForm()
    slots = ["goal", "subject", "refinements_done", "explore_background", "explore_enjoy"]
    tracker = make_tracker(slots={"exploring": True})
    assert await form.required_slots(slots, dispatcher, tracker, domain) == [
        "goal",
        "explore_background",
        "explore_enjoy",
    ]
    usual = await form.required_slots(slots, dispatcher, make_tracker(), domain)
    assert usual == ["goal", "subject", "refinements_done"]


async def test_free_text_left_in_the_subject_slot_is_cleared(dispatcher, domain) -> None:
    # "kubernetes" answered the subject question: the topic took it, and the subject
    # question is no longer asked, so validate_subject never runs for it.
    tracker = make_tracker(
        "kubernetes",
        intent="find_course",
        slots={"topic": "kubernetes", "requested_slot": "subject"},
    )
    tracker.add_slots([{"event": "slot", "name": "subject", "value": "kubernetes"}])
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    assert {"event": "slot", "name": "subject", "value": None, "timestamp": None} in events


async def test_exploring_survives_the_form_validation(dispatcher, domain) -> None:
    tracker = make_tracker(
        "no idea", intent="nlu_fallback", slots={"requested_slot": "subject", "goal": "any"}
    )
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["exploring"] is True
    assert slots["requested_slot"] == "explore_background"


async def test_an_answer_about_what_they_enjoy_is_not_a_topic(dispatcher, domain) -> None:
    slots = {
        "requested_slot": "explore_enjoy",
        "exploring": True,
        "goal": "career_change",
        "explore_background": "warehouse",
    }
    tracker = make_tracker("Organising and leading", intent="inform", slots=slots)
    tracker.add_slots([{"event": "slot", "name": "topic", "value": "Organising and leading"}])
    tracker.add_slots([{"event": "slot", "name": "explore_enjoy", "value": "Organising"}])
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    slots_set = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots_set["topic"] is None


@pytest.mark.parametrize("topic", [None, "bookkeeping"])
async def test_the_work_done_is_no_subject_while_exploring(
    dispatcher, domain, topic: str | None
) -> None:
    slots = {"requested_slot": "explore_background", "exploring": True, "goal": "career_change"}
    text = "15 years in a warehouse, some bookkeeping"
    tracker = make_tracker(text, intent="inform", slots=slots)
    tracker.add_slots([{"event": "slot", "name": "subject", "value": "finance-accounting"}])
    tracker.add_slots([{"event": "slot", "name": "topic", "value": topic}])
    tracker.add_slots([{"event": "slot", "name": "explore_background", "value": "15 years"}])
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    slots_set = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots_set["subject"] is None
    assert slots_set["requested_slot"] == "explore_enjoy"


async def test_a_goal_stated_as_a_plan_gets_a_stacking_plan(store, dispatcher, domain) -> None:
    text = "I'd like to eventually get a PG Cert by stacking microcredentials"
    tracker = make_tracker(text, intent="state_goal", slots={"goal": "further_study"})
    await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    reply = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "PG Certificate" in reply or "PG Cert" in reply
    assert "credits" in reply


async def test_a_leftover_subject_does_not_swallow_an_interruption(dispatcher, domain) -> None:
    # An earlier turn left free text in the subject slot; "forget me" must still be
    # rejected by the form (so that the forget-me rule runs), not "validated".
    tracker = make_tracker(
        "forget me please",
        intent="forget_me",
        slots={
            "subject": "is there anything free",
            "exploring": True,
            "goal": "explore",
            "requested_slot": "explore_background",
        },
    )
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    assert [e for e in events if e.get("name") != "requested_slot"] == []


async def test_a_wish_at_the_subject_question_is_not_vague(dispatcher, domain) -> None:
    text = "is there anything free"
    tracker = make_tracker(
        text,
        intent="nlu_fallback",
        slots={"requested_slot": "subject"},
        entities=[{"entity": "refinement", "value": "free"}, {"entity": "budget", "value": 0}],
    )
    assert await ValidateLearnerProfileForm().extract_subject(dispatcher, tracker, domain) == {}


def _kept(**values: Any) -> list[dict[str, Any]]:
    return [{"entity": k, "value": v, "role": ANSWER_ROLE} for k, v in values.items()]


def _slots_set(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def test_a_misread_answer_to_the_refinements_question_is_read(dispatcher, domain) -> None:
    """ "two grand tops, with credit" classified as show_shortlist still answers."""
    tracker = make_tracker(
        "two grand tops, with credit",
        intent="show_shortlist",
        slots={"goal": "upskill", "subject": "marketing", "requested_slot": "refinements_done"},
        entities=_kept(budget=2000.0, credit_bearing=True),
    )
    slots = _slots_set(await ValidateLearnerProfileForm().run(dispatcher, tracker, domain))
    assert slots["budget"] == 2000.0
    assert slots["credit_bearing"] is True
    assert slots["refinements_done"] is True
    assert slots["requested_slot"] is None


async def test_a_misread_answer_to_the_goal_question_is_read(dispatcher, domain) -> None:
    tracker = make_tracker(
        "get promoted",
        intent="ask_job_value",
        slots={"requested_slot": "goal"},
        entities=_kept(goal="upskill", max_weeks=6.0),
    )
    slots = _slots_set(await ValidateLearnerProfileForm().run(dispatcher, tracker, domain))
    assert slots["goal"] == "upskill"
    assert slots["max_weeks"] == 6.0
    assert slots["requested_slot"] == "subject"


async def test_a_kept_answer_changes_no_wish_said_before_but_the_one_asked(
    dispatcher, domain
) -> None:
    tracker = make_tracker(
        "Not more than 10 weeks, I start a new job in September",
        intent="out_of_scope",
        slots={"goal": "upskill", "subject": "marketing", "requested_slot": "refinements_done"},
        entities=_kept(max_weeks=10.0, goal="career_change"),
    )
    slots = _slots_set(await ValidateLearnerProfileForm().run(dispatcher, tracker, domain))
    assert slots["max_weeks"] == 10.0
    assert slots.get("goal", "upskill") == "upskill"


async def test_a_question_at_the_form_is_answered_as_a_question(dispatcher, domain) -> None:
    """No slot is set, so Rasa's form rejects the turn and the question's rule answers it."""
    tracker = make_tracker(
        "how many credits do I need for a masters?",
        intent="ask_credit",
        slots={"goal": "upskill", "subject": "marketing", "requested_slot": "refinements_done"},
        entities=_kept(credit_bearing=True),
    )
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    assert [e for e in events if e.get("name") != "requested_slot"] == []


@pytest.mark.parametrize(
    ("confidence", "extractor", "kept"),
    [
        (0.55, "ProfileEntityExtractor", True),
        (0.95, "ProfileEntityExtractor", False),
        # A learned guess is never said outright, however probable ("psychology!! the
        # brain is so interesting" is no new goal for an upskiller).
        (0.97, "GoalClassifier", True),
    ],
)
async def test_a_goal_only_implied_by_another_answer_keeps_the_one_said(
    dispatcher, domain, confidence: float, extractor: str, kept: bool
) -> None:
    """ "beginner level, must carry academic credit" suggests further study; the learner
    said upskill. "I want to change career now, under £200" does change it."""
    text = "beginner level, and it must carry academic credit"
    goal = {
        "entity": "goal",
        "value": "further_study",
        "confidence": confidence,
        "extractor": extractor,
    }
    latest = {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": [goal]}
    events = [
        {"event": "slot", "name": "goal", "value": "upskill"},
        {"event": "slot", "name": "subject", "value": "marketing"},
        {"event": "user", "text": text, "parse_data": latest},
        {"event": "slot", "name": "goal", "value": "further_study"},
        {"event": "slot", "name": "credit_bearing", "value": True},
    ]
    tracker = make_tracker(
        text,
        slots={
            "goal": "further_study",
            "subject": "marketing",
            "credit_bearing": True,
            "requested_slot": "refinements_done",
        },
        entities=[goal],
        events=events,
    )
    slots = _slots_set(await ValidateLearnerProfileForm().run(dispatcher, tracker, domain))
    assert slots.get("goal", "further_study") == ("upskill" if kept else "further_study")


@pytest.mark.parametrize(
    ("confidence", "requested", "kept"),
    [(0.7, "refinements_done", True), (0.8, "refinements_done", False), (0.7, "subject", False)],
)
async def test_a_subject_named_in_passing_keeps_the_topic_asked_for(
    dispatcher, domain, confidence: float, requested: str, kept: bool
) -> None:
    """ "excel pivot tables", then "upskilling for my job. office admin": the job is no new
    topic. A subject marked as wanted ("I want to get into marketing", 0.8) or the answer to
    the subject question does replace it."""
    text = "upskilling for my job. office admin"
    topic = {"entity": "topic", "value": "office admin", "confidence": confidence}
    latest = {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": [topic]}
    slots = {"topic": "office admin", "goal": "upskill", "requested_slot": requested}
    events = [
        {"event": "slot", "name": "topic", "value": "excel pivot tables"},
        {"event": "user", "text": text, "parse_data": latest},
        {"event": "slot", "name": "topic", "value": "office admin"},
    ]
    tracker = make_tracker(text, slots=slots, entities=[topic], events=events)
    found = _slots_set(await ValidateLearnerProfileForm().run(dispatcher, tracker, domain))
    assert found.get("topic", "office admin") == ("excel pivot tables" if kept else "office admin")


@pytest.mark.parametrize(("confidence", "taken"), [(0.4, False), (0.95, True)])
async def test_a_goal_guessed_from_another_answer_is_no_goal(
    dispatcher, domain, confidence: float, taken: bool
) -> None:
    """ "No need credits" answers the refinements question; a goal the learned reading
    guesses from it is not set. A goal said outright with it is."""
    goal = {"entity": "goal", "value": "further_study", "confidence": confidence}
    goal["role"] = ANSWER_ROLE
    credit = {"entity": "credit_bearing", "value": False, "confidence": 0.8, "role": ANSWER_ROLE}
    tracker = make_tracker(
        "No need credits",
        intent="deny",
        slots={"subject": "marketing", "requested_slot": "refinements_done"},
        entities=[goal, credit],
    )
    slots = _slots_set(await ValidateLearnerProfileForm().run(dispatcher, tracker, domain))
    assert slots["credit_bearing"] is False
    assert ("goal" in slots) == taken


def _request(text: str) -> dict[str, Any]:
    parse = {"intent": {"name": "find_course", "confidence": 0.95}, "entities": []}
    return {"event": "user", "text": text, "parse_data": parse}


@pytest.mark.parametrize(
    ("request_text", "by_request"),
    [
        ("github always confuse me. branch, merge, pull request... I need learn properly", True),
        ("HSK 1~2 preparation course is exist?", True),
        # everyday words, but clearly close in meaning to some courses (career planning)
        ("dunno what career i want tbh, anything to help me figure it out n plan", True),
        ("I want to get a better job, no idea what though", False),
        ("something fun to learn in the evenings", False),
        ("Front of house for 9 years. Done with it. What could I retrain as?", False),
    ],
)
async def test_a_skipped_subject_after_a_specific_request_searches_its_words(
    store, dispatcher, domain, request_text: str, by_request: bool
) -> None:
    skip = {"event": "user", "text": "/skip", "parse_data": {"intent": {"name": "skip"}}}
    tracker = make_tracker(
        "/skip",
        intent="skip",
        slots={"requested_slot": "subject"},
        events=[_request(request_text), skip],
    )
    result = await ValidateLearnerProfileForm().extract_subject(dispatcher, tracker, domain)
    if by_request:
        assert result == {"subject": None, "exploring": False, "by_request": True}
    else:
        assert result == {"subject": None, "exploring": True}


async def test_searching_the_requests_words_needs_no_subject(dispatcher, domain) -> None:
    form = ValidateLearnerProfileForm()
    slots = list(domain["forms"]["learner_profile_form"]["required_slots"])
    asked = await form.required_slots(
        slots, dispatcher, make_tracker(slots={"by_request": True}), domain
    )
    assert "subject" not in asked and "goal" in asked
    named = make_tracker(slots={"by_request": True, "subject": "languages"})
    assert "subject" in await form.required_slots(slots, dispatcher, named, domain)


async def test_a_topic_only_guessed_before_is_not_kept_over_a_new_one(dispatcher, domain) -> None:
    """ "just exploring, kids are in school now" (school, guessed) and then "not sure...
    psychology maybe?" (guessed too): the later one is as good, so it stays."""
    first = "just exploring tbh, kids are in school now"
    school = {"entity": "topic", "value": "school", "confidence": 0.8}
    text = "not sure... psychology maybe? or something creative"
    psychology = {"entity": "topic", "value": "psychology", "confidence": 0.7}
    latest = {
        "text": text,
        "intent": {"name": "inform", "confidence": 0.9},
        "entities": [psychology],
    }
    events = [
        {"event": "user", "text": first, "parse_data": {"entities": [school]}},
        {"event": "slot", "name": "topic", "value": "school"},
        {"event": "user", "text": text, "parse_data": latest},
        {"event": "slot", "name": "topic", "value": "psychology"},
    ]
    slots = {"topic": "psychology", "requested_slot": "refinements_done"}
    tracker = make_tracker(text, slots=slots, entities=[psychology], events=events)
    found = _slots_set(await ValidateLearnerProfileForm().run(dispatcher, tracker, domain))
    assert found.get("topic", "psychology") == "psychology"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # Leaving teaching: neither the subject nor the topic is teaching.
        ("6 years teaching year 4 and I'm burnt out, I want to do something different", None),
        ("I am a staff nurse, band 5, and I want to get to band 6", None),
        ("career change into data science", "data-science-ai"),
    ],
)
async def test_the_job_told_about_in_a_goal_answer_is_no_subject(
    dispatcher, domain, text: str, subject: str | None
) -> None:
    entities = extracted(text)
    told = {e["entity"]: e["value"] for e in entities}
    latest = {"text": text, "intent": {"name": "state_goal", "confidence": 0.9}}
    latest["entities"] = entities
    events = [
        {"event": "user", "text": text, "parse_data": latest},
        *({"event": "slot", "name": k, "value": v} for k, v in told.items()),
    ]
    tracker = make_tracker(
        text,
        intent="state_goal",
        slots={**told, "requested_slot": "goal"},
        entities=entities,
        events=events,
    )
    slots = _slots_set(await ValidateLearnerProfileForm().run(dispatcher, tracker, domain))
    assert slots.get("subject", told.get("subject")) == subject
    if subject is None:
        assert slots.get("topic", told.get("topic")) is None
    assert slots.get("goal", told["goal"]) == told["goal"]


async def test_a_later_answer_that_tells_the_job_keeps_the_subject(dispatcher, domain) -> None:
    """ "I am a band 5 nurse earning £28,000 so I can spend maybe £200" answers the budget;
    nursing is the job held, not a new subject."""
    text = "I am a band 5 nurse earning £28,000 so I can spend maybe £200"
    entities = extracted(text)
    told = {e["entity"]: e["value"] for e in entities}
    assert told["subject"] == "health-social-care" and told["budget"] == 200
    latest = {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": entities}
    events = [
        {"event": "slot", "name": "subject", "value": "marketing"},
        {"event": "user", "text": text, "parse_data": latest},
        *({"event": "slot", "name": k, "value": v} for k, v in told.items()),
    ]
    slots = {**told, "goal": "upskill", "requested_slot": "refinements_done"}
    tracker = make_tracker(text, slots=slots, entities=entities, events=events)
    found = _slots_set(await ValidateLearnerProfileForm().run(dispatcher, tracker, domain))
    assert found["subject"] == "marketing"
    assert found.get("budget", 200) == 200


async def test_other_wishes_given_to_the_goal_question_are_kept(dispatcher, domain) -> None:
    # Rasa rejects a form whose validation sets none of its slots; the fallback then said
    # "Sorry, I didn't get that" to a message whose hours had been taken.
    text = "I work full time in a bank so only weekends, maybe 4 hours"
    slots = {"requested_slot": "goal", "hours_per_week": 4.0, "refinements_done": True}
    tracker = make_tracker(text, slots=slots)
    tracker.add_slots([{"event": "slot", "name": "hours_per_week", "value": 4.0}])
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["hours_per_week"] == 4.0
    assert slots["requested_slot"] == "goal"
    assert [m.get("response") for m in dispatcher.messages] == ["utter_noted"]


async def test_an_unreadable_budget_given_to_the_goal_question_is_said(dispatcher, domain) -> None:
    text = "max 40 francs per month"
    currency = {"entity": "budget_currency", "value": "francs", "start": 4, "end": 13}
    slots = {"requested_slot": "goal", "refinements_done": True}
    tracker = make_tracker(text, slots=slots, entities=[currency])
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert "budget" in slots and slots["budget"] is None
    [message] = dispatcher.messages
    assert message["response"] == "utter_budget_currency_unread"
    assert message["currency"] == "francs"


async def test_an_unreadable_budget_is_said_when_the_form_asks_on(dispatcher, domain) -> None:
    # The goal question left open at its second ask: the subject question follows.
    text = "max 40 francs per month"
    currency = {"entity": "budget_currency", "value": "francs", "start": 4, "end": 13}
    slots = {"requested_slot": "goal", "asked": "goal:2", "refinements_done": True}
    tracker = make_tracker(text, slots=slots, entities=[currency])
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    slots_set = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots_set["goal"] == "any"
    responses = [m.get("response") for m in dispatcher.messages]
    assert responses.count("utter_budget_currency_unread") == 1


def test_a_request_about_a_list_is_no_topic(dispatcher, domain) -> None:
    text = "ok save the wedding one, thanks a lot!"
    tracker = make_tracker(text, intent="save_shortlist", slots={"requested_slot": "subject"})
    result = ValidateLearnerProfileForm().validate_subject(text, dispatcher, tracker, domain)
    assert result == {"subject": None}


async def test_a_question_about_a_list_shown_before_is_an_interruption(dispatcher, domain) -> None:
    slots = {"requested_slot": "refinements_done", "last_results": ["c1", "c2"]}
    tracker = make_tracker("tell me more about number 2", intent="course_details", slots=slots)
    result = await ValidateLearnerProfileForm().extract_refinements_done(
        dispatcher, tracker, domain
    )
    assert result == {}


def test_a_question_at_the_second_ask_leaves_the_subject_open(dispatcher, domain) -> None:
    # Asked twice, answered with questions both times: not asked a third time.
    text = "do i get a cert at the end"
    slots = {"requested_slot": "subject", "asked": "subject:2"}
    tracker = make_tracker(text, intent="nlu_fallback", slots=slots)
    result = ValidateLearnerProfileForm().validate_subject(text, dispatcher, tracker, domain)
    assert result == {"subject": None, "exploring": True}


def test_wishes_keep_the_subject_question_open(dispatcher, domain) -> None:
    # A carer gives hours, then a budget, then names dementia: no exploration questions
    # in between (they would take the next two answers).
    text = "money is tight I'd say no more than 30 euro"
    budget = {"entity": "budget", "value": 26.1, "start": 35, "end": 42}
    slots = {"requested_slot": "subject", "asked": "subject:2"}
    tracker = make_tracker(text, slots=slots, entities=[budget])
    result = ValidateLearnerProfileForm().validate_subject(text, dispatcher, tracker, domain)
    assert result == {"subject": None}


async def test_a_question_naming_what_it_wants_is_searched(store, dispatcher, domain) -> None:
    text = "how long is the fodmap one? 10 weeks is long"
    slots = {"requested_slot": "subject", "asked": "subject:2"}
    tracker = make_tracker(text, intent="course_details", slots=slots)
    form = ValidateLearnerProfileForm()
    assert await form.extract_subject(dispatcher, tracker, domain) == {}
    result = form.validate_subject(text, dispatcher, tracker, domain)
    # searched by its words, not taken whole as the topic (it is more than a topic phrase)
    assert result == {
        "subject": None,
        "exploring": False,
        "by_request": True,
        "described_request": text,
    }


async def test_a_question_given_to_the_goal_question_is_answered_and_the_form_goes_on(
    dispatcher, domain
) -> None:
    """ "im 16 is that ok" to "What's your main goal?" (read as affirm): whether they can
    enrol answered, and the goal asked again, not "Sorry, I didn't get that"."""
    tracker = make_tracker("im 16 is that ok", intent="affirm", slots={"requested_slot": "goal"})
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert "goal" in slots and slots["goal"] is None
    assert [m.get("response") for m in dispatcher.messages] == ["utter_enrol_needs_a_list"]
    # an answer the form cannot read and no question: nothing said, the form rejects it
    dispatcher.messages.clear()
    tracker = make_tracker("blah blah", intent="affirm", slots={"requested_slot": "goal"})
    events = await ValidateLearnerProfileForm().run(dispatcher, tracker, domain)
    assert not [e for e in events if e.get("event") == "slot" and e["name"] != "requested_slot"]
    assert dispatcher.messages == []
