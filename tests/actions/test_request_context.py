"""The learner's own words around their request."""

from __future__ import annotations

from typing import Any

from actions.request_context import request_text


def _user(text: str, intent: str, *entities: str) -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "parse_data": {"intent": {"name": intent}, "entities": [{"entity": e} for e in entities]},
    }


def test_the_latest_request_is_the_context() -> None:
    events = [
        _user("hi", "greet"),
        _user(
            "I'm a nurse on an oncology ward; courses on caring for dying patients?", "find_course"
        ),
        _user("/skip", "skip"),
        _user("£200 tops", "inform"),
    ]
    assert request_text(events) == events[1]["text"]


def test_a_message_naming_a_new_topic_replaces_it() -> None:
    events = [
        _user("I want to get into marketing", "state_goal"),
        _user("actually something on SQL", "inform", "topic"),
    ]
    assert request_text(events) == "actually something on SQL"


def test_a_request_naming_nothing_leaves_the_earlier_one() -> None:
    first = _user("we farm beef and want to go organic; the soil science", "find_course", "topic")
    vague = _user("whatever's normal for a course like that, evenings in winter", "find_course")
    assert request_text([first, vague]) == first["text"]
    assert request_text([vague]) == vague["text"]  # the first request counts as it is
    goal = _user("I want a new career in the trades", "state_goal", "goal")
    assert request_text([first, goal]) == goal["text"]
    # The job held names nothing wanted either.
    held = _user("personal. im mechanic not doctor", "state_goal")
    held["parse_data"]["entities"] = [{"entity": "subject", "said_as": "held"}]
    assert request_text([first, held]) == first["text"]


def test_starting_again_forgets_it() -> None:
    events = [
        _user("courses on wine tasting", "find_course"),
        {"event": "action", "name": "action_restart_search"},
        _user("ok", "affirm"),
    ]
    assert request_text(events) is None


def test_button_payloads_are_not_words() -> None:
    assert request_text([_user('/find_course{"subject":"law"}', "find_course")]) is None


def test_the_text_is_read_as_the_nlu_read_it() -> None:
    """Spoken punctuation put back by the NLU (nlu/dictation.py) reaches the search."""
    event = _user("dementia care full stop free", "find_course")
    event["parse_data"]["text"] = "dementia care. free"
    assert request_text([event]) == "dementia care. free"
    assert request_text([_user("dementia care", "find_course")]) == "dementia care"


def _topic(value: str | None) -> dict[str, Any]:
    return {"event": "slot", "name": "topic", "value": value}


def test_a_topic_the_story_logic_put_back_leaves_the_request_as_it_was() -> None:
    """ "I'm 70 and retired (nurse 38 yrs) ... 2 or 3 hours a week" after Spanish courses:
    the topic 'nurse' was undone, so the Spanish request still ranks the courses."""
    story = _user("I'm 70 and retired (nurse 38 yrs), maybe 2 or 3 hours a week", "inform")
    story["parse_data"]["entities"] = [{"entity": "topic", "value": "nurse"}]
    events = [
        _user("I need to learn some Spanish, total beginner", "find_course"),
        _topic("Spanish"),
        story,
        _topic("nurse"),
        _topic("Spanish"),
    ]
    assert request_text(events) == events[0]["text"]
    # a new topic that stays is the new request
    assert request_text(events[:4]) == story["text"]


def test_the_message_that_started_the_questions_is_the_request_whatever_its_intent() -> None:
    opening = _user("Refresh needed: reading ECGs and heart disease basics. 2-4 weeks", "inform")
    started = {"event": "active_loop", "name": "learner_profile_form"}
    skip = _user("/skip", "skip")
    assert request_text([_user("hi", "greet"), opening, started, skip]) == opening["text"]
    # a request said before stays the request; a button press is no request
    request = _user("courses on wine tasting", "find_course")
    assert request_text([request, opening, started]) == request["text"]
    assert request_text([_user("/find_course", "find_course"), started]) is None


def test_a_long_answer_to_the_subject_question_is_the_request() -> None:
    """The interfaith forum's description, answered to "Which subject?", named nothing the
    NLU marks (a goal kept aside), so the opening message ("... my neighbours are Muslim")
    had stayed the request and ranked a course on neighbours first."""
    opening = _user("I am a retired minister. Most of my neighbours are Muslim.", "state_goal")
    asked = {"event": "slot", "name": "requested_slot", "value": "subject"}
    answer = _user(
        "I co-chair an interfaith forum and should like to deepen my understanding of Islam.",
        "state_goal",
    )
    taken = {"event": "slot", "name": "described_request", "value": answer["text"]}
    assert request_text([opening, asked, answer, taken]) == answer["text"]
    # Not when the form did not take it as the request ("dunno really. maybe work as a TA
    # one day but mostly for him" after "my little brother is autistic ...").
    assert request_text([opening, asked, answer]) == opening["text"]
    # A later request replaces it.
    later = _user("actually something on SQL", "inform", "topic")
    assert request_text([opening, asked, answer, taken, later]) == later["text"]


def test_a_longer_answer_to_anything_else_with_no_wish_adds_to_the_request() -> None:
    """ "To be more precise: I want to recognise postnatal depression earlier ..." answered
    to "Anything else that matters?" had left the request at "a course about mental health
    after birth", and the list at mental health in general."""
    opening = _user("I search a course about mental health after birth.", "find_course", "topic")
    asked = {"event": "slot", "name": "requested_slot", "value": "refinements_done"}
    more = _user(
        "To be more precise: I want to recognise postnatal depression earlier and what to say.",
        "inform",
    )
    assert request_text([opening, asked, more]) == f"{opening['text']} {more['text']}"
    # A wish, a short answer, or an answer to another question adds nothing.
    wish = _user(
        "I can do about three hours a week in the evenings after work", "inform", "hours_per_week"
    )
    short = _user("no thats all thanks", "deny")
    subject = {"event": "slot", "name": "requested_slot", "value": "subject"}
    for events in ([opening, asked, wish], [opening, asked, short], [opening, subject, more]):
        assert request_text(events) == opening["text"]
