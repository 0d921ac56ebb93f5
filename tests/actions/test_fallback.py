from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.answers import ANSWER_ROLE
from actions.fallback import ActionAskRephrase
from actions.search_actions import ActionRecommendCourses
from tests.actions.conftest import course_lists, extracted, make_tracker, slot_events, texts


async def test_offers_the_likeliest_intents(dispatcher, domain) -> None:
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "ask_credit", "confidence": 0.35},
        {"name": "out_of_scope", "confidence": 0.2},
        {"name": "compare_courses", "confidence": 0.1},
    ]
    tracker = make_tracker("credits compare??", intent="nlu_fallback", intent_ranking=ranking)
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    payloads = [button["payload"] for button in message["buttons"]]
    assert payloads[:2] == ["/ask_credit", "/compare_courses"]
    assert len(payloads) == 3


def _with_topic(tracker, topic: str):
    tracker.latest_message["entities"] = [{"entity": "topic", "value": topic}]
    return tracker


async def test_a_named_topic_leads_the_suggestions(dispatcher, domain) -> None:
    tracker = _with_topic(make_tracker("teaching maths better", intent="nlu_fallback"), "maths")
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["buttons"][0] == {
        "title": "Courses on maths",
        "payload": '/find_course{"topic":"maths"}',
    }


async def test_an_unsure_message_with_a_new_wish_searches_again(store, domain) -> None:
    slots = {"subject": "marketing", "last_results": ["x"], "budget": 500.0}
    text = "under 500 quid, evenings"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="nlu_fallback", slots=slots, entities=extracted(text))
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    [payload] = course_lists(dispatcher)
    assert all(c["subject"] == "marketing" for c in payload["courses"])
    assert "not sure I understood" not in dispatcher.messages[0].get("text", "")


async def test_an_unsure_message_inside_the_form_still_asks_to_rephrase(store, domain) -> None:
    text = "under 500 quid"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text,
        intent="nlu_fallback",
        slots={"last_results": ["x"]},
        entities=extracted(text),
        active_loop="learner_profile_form",
    )
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert "not sure I understood" in dispatcher.messages[0]["text"]


async def test_an_unsure_message_naming_a_topic_starts_the_form(store, domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "kubernetes",
        intent="nlu_fallback",
        entities=[{"entity": "topic", "value": "kubernetes", "start": 0, "end": 10}],
    )
    events = await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert events == [{"event": "followup", "name": "learner_profile_form", "timestamp": None}]
    assert dispatcher.messages == []


async def test_wishes_an_unsure_intent_kept_aside_search_again(store, domain) -> None:
    """ "mum's credit card, not more than 300, 20 hours a week": the likeliest intent (a credit
    question) kept the wishes aside; nlu_fallback means it was too unsure to decide."""
    slots = {"subject": "marketing", "last_results": ["x"]}
    text = "my mum said I can use her credit card but not more than £300, 20 hours a week"
    kept = [{**e, "role": ANSWER_ROLE} for e in extracted(text)]
    assert {e["entity"] for e in kept} >= {"budget", "hours_per_week"}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="nlu_fallback", slots=slots, entities=kept)
    events = await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert slot_events(events)["budget"] == 300.0
    [payload] = course_lists(dispatcher)
    assert all((c["cost_gbp"] or 0) <= 300 for c in payload["courses"])
    assert "not sure I understood" not in dispatcher.messages[0].get("text", "")


async def test_a_longer_unsure_request_naming_its_subject_starts_the_form(store, domain) -> None:
    text = "I need to get better with spreadsheets for work, my manager keeps asking for reports"
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.45},
        {"name": "find_course", "confidence": 0.29},
        {"name": "ask_job_value", "confidence": 0.18},
    ]
    topic = [{"entity": "topic", "value": "spreadsheets", "start": 29, "end": 41}]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="nlu_fallback", intent_ranking=ranking, entities=topic)
    events = await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert events == [{"event": "followup", "name": "learner_profile_form", "timestamp": None}]
    # A wish given as information, likeliest by a hair: a request too.
    close = [
        {"name": "nlu_fallback", "confidence": 0.45},
        {"name": "inform", "confidence": 0.52},
        {"name": "state_goal", "confidence": 0.48},
    ]
    informed = make_tracker(
        "I want to change career into sustainability, budget £2000",
        intent="nlu_fallback",
        intent_ranking=close,
        entities=[{"entity": "subject", "value": "environment-sustainability"}],
    )
    followed = await ActionAskRephrase().run(CollectingDispatcher(), informed, domain)
    assert followed == [{"event": "followup", "name": "learner_profile_form", "timestamp": None}]
    # Likeliest something else, or naming nothing: the suggestions, as before.
    # (With no list shown yet, naming a topic is a request whatever is likeliest: see
    # test_an_unsure_message_naming_a_subject_before_any_list_starts_the_form.)
    # (Naming nothing and describing nothing the catalogue has: see
    # test_an_unsure_message_describing_courses_we_have_starts_the_form.)
    shown = {"last_results": ["x"]}
    vague = "honestly not sure what I am after, it has been a long week"
    for said_text, ranked, named, slots in (
        (
            text,
            [ranking[0], {**ranking[2], "confidence": 0.29}, {**ranking[1], "confidence": 0.18}],
            topic,
            shown,
        ),
        (vague, ranking, [], {}),
    ):
        asked = CollectingDispatcher()
        other = make_tracker(
            said_text, intent="nlu_fallback", intent_ranking=ranked, entities=named, slots=slots
        )
        await ActionAskRephrase().run(asked, other, domain)
        assert "not sure I understood" in asked.messages[0]["text"]


async def test_an_unsure_goodbye_or_thanks_gets_the_likelier_reply(store, domain) -> None:
    """ "Ok thanks, that is all for now": goodbye and thank too close to choose, and either
    reply fits; anything else next to them still gets the suggestions."""
    closing = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "goodbye", "confidence": 0.45},
        {"name": "thank", "confidence": 0.43},
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "Ok thanks, that is all for now", intent="nlu_fallback", intent_ranking=closing
    )
    assert await ActionAskRephrase().run(dispatcher, tracker, domain) == []
    assert [m.get("response") for m in dispatcher.messages] == ["utter_goodbye"]
    thanks_first = [closing[0], {**closing[2], "confidence": 0.5}, closing[1]]
    thanked = CollectingDispatcher()
    await ActionAskRephrase().run(
        thanked, make_tracker("ta, bye", intent="nlu_fallback", intent_ranking=thanks_first), domain
    )
    assert [m.get("response") for m in thanked.messages] == ["utter_you_are_welcome"]
    for ranked in (
        [closing[0], closing[1], {"name": "deny", "confidence": 0.43}],  # not both closing
        [closing[0], {**closing[1], "confidence": 0.3}, {**closing[2], "confidence": 0.2}],
    ):
        asked = CollectingDispatcher()
        other = make_tracker("hmm ok", intent="nlu_fallback", intent_ranking=ranked)
        await ActionAskRephrase().run(asked, other, domain)
        assert "not sure I understood" in asked.messages[0]["text"]
    in_form = CollectingDispatcher()
    await ActionAskRephrase().run(
        in_form,
        make_tracker(
            "Ok thanks, that is all for now",
            intent="nlu_fallback",
            intent_ranking=closing,
            active_loop="learner_profile_form",
        ),
        domain,
    )
    assert "not sure I understood" in in_form.messages[0]["text"]


async def test_unsure_thanks_after_a_list_asking_nothing_is_thanks(store, domain) -> None:
    """ "Thank you. I shall start with the Birmingham one and see how I go. Regards, Norm."
    after a list; a question after thanks, or thanks with no list shown, still asks."""
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "course_details", "confidence": 0.26},
        {"name": "thank", "confidence": 0.2},
    ]
    shown = {"last_results": ["some-course"]}
    said = "Thank you. I shall start with the Birmingham one and see how I go. Regards, Norm."
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(said, intent="nlu_fallback", intent_ranking=ranking, slots=shown)
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_you_are_welcome"]
    for text, slots in (
        ("Thank you. Does the Birmingham one start in May?", shown),
        (said, {}),
    ):
        asked = CollectingDispatcher()
        other = make_tracker(text, intent="nlu_fallback", intent_ranking=ranking, slots=slots)
        await ActionAskRephrase().run(asked, other, domain)
        assert [m.get("response") for m in asked.messages] != ["utter_you_are_welcome"]


async def test_an_unsure_change_to_the_list_naming_a_topic_searches_it(store, domain) -> None:
    """ "What about the farming ones, would any of them cover pollinators?" after a list."""
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "refine_search", "confidence": 0.23},
        {"name": "course_details", "confidence": 0.19},
    ]
    tracker = make_tracker(
        "What about the farming ones, would any of them cover pollinators?",
        intent="nlu_fallback",
        intent_ranking=ranking,
        slots={"last_results": ["x"]},
        entities=[
            {"entity": "topic", "value": "farming", "start": 15, "end": 22, "confidence": 0.9}
        ],
    )
    events = await ActionAskRephrase().run(CollectingDispatcher(), tracker, domain)
    assert events == [{"event": "followup", "name": "learner_profile_form", "timestamp": None}]


async def test_an_unsure_save_naming_courses_saves_those_and_offers_the_adviser(
    store, domain
) -> None:
    costing = "fl-how-to-manage-food-costing-in-the-catering-and-res-international-culina"
    hygiene = "fl-food-safety-and-personal-hygiene-in-a-professional-international-culina"
    nutrition = "fl-introduction-to-nutrition-and-food-safety-taipei-medical-unive"
    text = (
        "Can you save the costing one and the hygiene one? And is there an actual person I "
        "could talk to about starting a home business"
    )
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "save_shortlist", "confidence": 0.28},
        {"name": "human_handoff", "confidence": 0.25},
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text,
        intent="nlu_fallback",
        intent_ranking=ranking,
        slots={"last_results": [nutrition, costing, hygiene]},
        sender_id="saver-by-name",
    )
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["text"].startswith("Saved 2 courses to your shortlist")
    assert dispatcher.messages[1]["response"] == "utter_offer_adviser"


#: The form's start, as ActionAskRephrase returns it when an unsure message asks for courses.
STARTS_THE_FORM = [{"event": "followup", "name": "learner_profile_form", "timestamp": None}]


async def _unsure_after_a_list(
    domain, text: str, ranking: list[dict], entities: list[dict]
) -> tuple[list[dict], CollectingDispatcher]:
    """ActionAskRephrase's events and replies for an unsure ``text`` after a list."""
    tracker = make_tracker(
        text,
        intent="nlu_fallback",
        intent_ranking=ranking,
        slots={"last_results": ["x"]},
        entities=entities,
    )
    dispatcher = CollectingDispatcher()
    return await ActionAskRephrase().run(dispatcher, tracker, domain), dispatcher


async def test_an_unsure_question_about_no_shown_course_naming_a_topic_searches_it(
    store, domain
) -> None:
    """ "What about ecology or biodiversity then?" after a list: likeliest a question about
    a course, but it points at none of the list and names a new topic."""
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "course_details", "confidence": 0.18},
        {"name": "compare_courses", "confidence": 0.16},
    ]
    topic = [{"entity": "topic", "value": "ecology", "start": 19, "end": 26}]
    text = "Righto. What about ecology or biodiversity then, the land around the orchard?"
    events, _ = await _unsure_after_a_list(domain, text, ranking, topic)
    assert events == STARTS_THE_FORM
    # Pointing at a course of the list by position: no search, the list question it
    # likeliest is (actions.list_question) is answered instead.
    position = {"entity": "course_index", "value": 2, "start": 29, "end": 30}
    events, dispatcher = await _unsure_after_a_list(
        domain, "what about ecology in number 2?", ranking, [*topic, position]
    )
    assert events != STARTS_THE_FORM
    # (the list's id "x" is in no catalogue: said so)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_list_gone"]


async def test_an_unsure_question_about_the_course_shown_is_no_search(store, domain) -> None:
    """ "Is it a live class with a lecturer at a set time ...?" after a list asks about the
    course shown; "lecturer" is a teaching word, read as the topic only by inference: no
    search for courses on it (it had listed English courses as "nearest to lecturer")."""
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "find_course", "confidence": 0.19},
        {"name": "inform", "confidence": 0.14},
    ]
    text = "Is it a live class with a lecturer at a set time, or do I work through it as I please?"
    entities = extracted(text)
    assert any(e["entity"] == "subject" for e in entities)
    events, _ = await _unsure_after_a_list(domain, text, ranking, entities)
    assert events != STARTS_THE_FORM


async def test_an_unsure_question_about_a_named_topic_searches_it(store, domain) -> None:
    """ "So there's no BSL at all? What about Makaton?": likeliest something else (a denial),
    but it asks about a topic it names and points at no course of the list."""
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "deny", "confidence": 0.2},
        {"name": "ask_credit", "confidence": 0.1},
    ]
    text = "So there's no BSL at all? What about Makaton?"
    topic = [{"entity": "topic", "value": "Makaton", "start": 37, "end": 44, "confidence": 0.9}]
    events, _ = await _unsure_after_a_list(domain, text, ranking, topic)
    assert events == STARTS_THE_FORM
    # Not a question: still the suggestions.
    said = [{"entity": "topic", "value": "Makaton", "start": 15, "end": 22}]
    events, dispatcher = await _unsure_after_a_list(
        domain, "My friend does Makaton.", ranking, said
    )
    assert events == []
    assert "not sure I understood" in dispatcher.messages[0]["text"]


async def test_an_unsure_message_dropping_the_topic_for_a_new_one_searches_it(
    store, domain
) -> None:
    """ "scrap the books. what about getting customers thru facebook, i start a new route
    next month" after bookkeeping courses: it drops what it had and names a new topic."""
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "start_again", "confidence": 0.2},
        {"name": "inform", "confidence": 0.19},
    ]
    text = (
        "scrap the books. what about getting customers thru facebook, i start a new route "
        "next month"
    )
    events, _ = await _unsure_after_a_list(domain, text, ranking, extracted(text))
    assert events == STARTS_THE_FORM


async def test_an_unsure_message_naming_a_subject_before_any_list_starts_the_form(
    store, domain
) -> None:
    """ "fine. negotiation then. sales. closing deals." with no list shown yet: whatever the
    likeliest intent, naming what to learn can only ask for courses."""
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "ask_job_value", "confidence": 0.21},
        {"name": "inform", "confidence": 0.2},
    ]
    entities = [{"entity": "topic", "value": "negotiation", "start": 6, "end": 17}]
    text = "fine. negotiation then. sales. closing deals. i can talk to anybody"
    tracker = make_tracker(text, intent="nlu_fallback", intent_ranking=ranking, entities=entities)
    events = await ActionAskRephrase().run(CollectingDispatcher(), tracker, domain)
    assert events == [{"event": "followup", "name": "learner_profile_form", "timestamp": None}]
    # ... but not a goodbye naming a subject, nor once a list is shown.
    leaving = [{"name": "nlu_fallback", "confidence": 0.3}, *reversed(ranking)]
    leaving[1] = {"name": "goodbye", "confidence": 0.25}
    for ranked, slots in ((leaving, {}), (ranking, {"last_results": ["x"]})):
        other = make_tracker(
            text, intent="nlu_fallback", intent_ranking=ranked, entities=entities, slots=slots
        )
        dispatcher = CollectingDispatcher()
        assert await ActionAskRephrase().run(dispatcher, other, domain) == []


async def test_being_unsure_of_one_wish_after_a_list_leaves_it_open(dispatcher, domain) -> None:
    """ "For the hours I am not sure, it depend of my night shifts" after a list: the wish
    stays open and the list stands, rather than "Sorry, I'm not sure I understood"."""
    text = "For the hours I am not sure, it depend of my night shifts"
    tracker = make_tracker(text, intent="nlu_fallback", slots={"last_results": ["a", "b"]})
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_wish_left_open"
    assert message["wish"] == "weekly hours"
    before_a_list = CollectingDispatcher()
    await ActionAskRephrase().run(before_a_list, make_tracker(text, intent="nlu_fallback"), domain)
    assert before_a_list.messages[0].get("response") != "utter_wish_left_open"


async def test_an_unsure_question_about_a_named_course_is_about_that_course(
    store, dispatcher, domain
) -> None:
    """ "The risk assessment one, can use for HIRARC or not?" after a list without it: said
    not to be in the list (it had been "Sorry, I'm not sure I understood")."""
    shown = CollectingDispatcher()
    profile = {"topic": "selenium"}
    events = await ActionRecommendCourses().run(shown, make_tracker(slots=profile), domain)
    slots = {**profile, **slot_events(events)}
    text = "The risk assessment one, can use for HIRARC or not?"
    await ActionAskRephrase().run(
        dispatcher, make_tracker(text, intent="nlu_fallback", slots=slots), domain
    )
    assert texts(dispatcher).startswith(
        'None of the courses in my last list is the "risk assessment" one'
    )


async def test_an_unsure_message_describing_courses_we_have_starts_the_form(store, domain) -> None:
    """No intent sure and no topic named, but what it describes is close in meaning to
    courses of the catalogue: a request, taken by the profile form."""
    text = "wanna make games like the indie ones on steam, how do i even start designin them"
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "state_goal", "confidence": 0.22},
        {"name": "refine_search", "confidence": 0.18},
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="nlu_fallback", intent_ranking=ranking)
    events = await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert slot_events(events) == {"by_request": True}  # no subject question
    assert events[-1] == {"event": "followup", "name": "learner_profile_form", "timestamp": None}
    assert dispatcher.messages == []
    # After a list, the same words are likelier about it; a greeting or a short message is
    # no request; a message close to no course gets the suggestions.
    for said_text, slots, first in (
        (text, {"last_results": ["x"]}, "state_goal"),
        (text, {}, "greet"),
        ("indie games on steam", {}, "state_goal"),
        ("honestly not sure what I am after, it has been a long week", {}, "state_goal"),
    ):
        ranked = [ranking[0], {"name": first, "confidence": 0.25}, *ranking[1:]]
        asked = CollectingDispatcher()
        other = make_tracker(said_text, intent="nlu_fallback", intent_ranking=ranked, slots=slots)
        assert await ActionAskRephrase().run(asked, other, domain) == []
        assert "not sure I understood" in asked.messages[0]["text"], said_text


async def test_an_unsure_opening_story_with_a_goal_starts_the_form(store, domain) -> None:
    """A learner's situation told first, its two likeliest intents both requests and a
    goal read from it if only as an answer: the form asks what to learn. After a list, a
    short message, or one whose likeliest intents are not both requests: suggestions."""
    text = (
        "yo so i did a coding bootcamp in 2023 and ive been applying to junior dev jobs for "
        "like 8 months. made it to 3 technical rounds and got cooked every time on the "
        "leetcode type stuff ngl"
    )
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "inform", "confidence": 0.41},
        {"name": "state_goal", "confidence": 0.37},
        {"name": "find_course", "confidence": 0.07},
    ]
    goal = {"entity": "goal", "value": "career_change", "role": "if_answer", "start": 0}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="nlu_fallback", intent_ranking=ranking, entities=[goal])
    events = await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert events[-1] == {"event": "followup", "name": "learner_profile_form", "timestamp": None}
    assert dispatcher.messages == []
    # A goal said outright needs no story.
    lost = make_tracker(
        "hi. lost my job. need something",
        intent="nlu_fallback",
        intent_ranking=ranking,
        entities=[{"entity": "goal", "value": "career_change", "start": 4, "end": 15}],
    )
    told = CollectingDispatcher()
    assert (await ActionAskRephrase().run(told, lost, domain))[-1]["name"] == "learner_profile_form"
    greeted = [ranking[0], ranking[1], {"name": "greet", "confidence": 0.39}]
    for said_text, slots, ranked, entities in (
        (text, {"last_results": ["x"]}, ranking, [goal]),
        ("ok so yeah that is about it really", {}, ranking, [goal]),
        (text + ", how do I make my phone screen bigger?", {}, ranking, [goal]),
        (text, {}, greeted, [goal]),
        (text, {}, ranking, []),
    ):
        asked = CollectingDispatcher()
        other = make_tracker(
            said_text, intent="nlu_fallback", intent_ranking=ranked, slots=slots, entities=entities
        )
        await ActionAskRephrase().run(asked, other, domain)
        assert "not sure I understood" in asked.messages[0]["text"], said_text


async def test_a_message_not_understood_changes_no_wish(dispatcher, domain) -> None:
    """ "Do you know how I might make it larger?" (about an iPad) got "not sure I
    understood", yet the slot mappings had made "larger" the topic of the next search."""
    text = "Forgive me, the writing on this iPad is small. How might I make it larger?"
    before = {"event": "slot", "name": "topic", "value": "Christian-Muslim relations"}
    after = {"event": "slot", "name": "topic", "value": "larger"}
    tracker = make_tracker(text, intent="nlu_fallback", slots={"topic": "larger"})
    tracker.events = [before, {"event": "user", "text": text}, after]
    events = await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert "not sure I understood" in dispatcher.messages[0]["text"]
    assert slot_events(events) == {"topic": "Christian-Muslim relations"}


async def test_an_unsure_question_naming_a_field_in_passing_searches_nothing(
    store, dispatcher, domain
) -> None:
    """The iPad question had searched courses on "iPad" (a computing word in passing)."""
    text = (
        "Forgive the interruption, but the writing on this iPad has become very small. "
        "Do you know how I might make it larger?"
    )
    tracker = make_tracker(text, intent="nlu_fallback", entities=extracted(text))
    events = await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert "not sure I understood" in dispatcher.messages[0]["text"]
    assert not any(e.get("event") == "followup" for e in events)


async def test_a_question_about_the_list_answered_sets_back_what_to_search(
    store, dispatcher, domain
) -> None:
    """The iPad question, answered as one about the list shown, had left "iPad" (a field's
    word in passing) as the topic of the learner's next request."""
    text = (
        "Forgive the interruption, but the writing on this iPad has become very small. "
        "Do you know how I might make it larger?"
    )
    slots = {"last_results": ["fl-animal-feed-production-feed-safety-eit-food"], "topic": "iPad"}
    tracker = make_tracker(text, intent="nlu_fallback", slots=slots, entities=extracted(text))
    before = {"event": "slot", "name": "topic", "value": "Christian-Muslim relations"}
    after = {"event": "slot", "name": "topic", "value": "iPad"}
    tracker.events = [before, {"event": "user", "text": text}, after]
    events = await ActionAskRephrase().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_question_not_recorded"]
    assert slot_events(events) == {"topic": "Christian-Muslim relations"}


async def test_an_unsure_topic_after_a_list_is_searched_when_the_requests_outweigh(
    domain,
) -> None:
    """ "Mainly microbiology, that's the bench I work on most" after a list: affirm 0.16
    was likeliest alone, the intents asking for courses 0.35 together; it had got "Sorry,
    I'm not sure I understood"."""
    text = (
        "Mainly microbiology, that's the bench I work on most, cultures and sensitivities all day."
    )
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "affirm", "confidence": 0.16},
        {"name": "inform", "confidence": 0.14},
        {"name": "state_goal", "confidence": 0.13},
        {"name": "find_course", "confidence": 0.08},
    ]
    shown = {"last_results": ["c1", "c2", "c3"]}
    tracker = make_tracker(
        text, intent="nlu_fallback", intent_ranking=ranking, slots=shown, entities=extracted(text)
    )
    events = await ActionAskRephrase().run(CollectingDispatcher(), tracker, domain)
    assert events == [{"event": "followup", "name": "learner_profile_form", "timestamp": None}]
    # The likeliest other intent outweighing them all: not a request.
    thanks = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "thank", "confidence": 0.29},
        {"name": "inform", "confidence": 0.14},
        {"name": "state_goal", "confidence": 0.1},
    ]
    tracker = make_tracker(
        text, intent="nlu_fallback", intent_ranking=thanks, slots=shown, entities=extracted(text)
    )
    events = await ActionAskRephrase().run(CollectingDispatcher(), tracker, domain)
    assert {"event": "followup", "name": "learner_profile_form", "timestamp": None} not in events


async def test_more_about_the_request_answering_anything_else_shows_the_list(store, domain) -> None:
    """ "my big problem is i never know how much to charge per plate so i make money and
    not lose it", answering "Anything else that matters?" (its goal only guessed, kept in
    case it answered the goal question), had been "Sorry, I'm not sure I understood"
    (personas_fresh30): it says more about the request, which the search reads."""
    text = "my big problem is i never know how much to charge per plate so i make money"
    guess = {"entity": "goal", "value": "upskill", "role": "if_answer", "confidence": 0.42}
    events = [
        {"event": "slot", "name": "requested_slot", "value": "refinements_done"},
        {"event": "user", "text": text, "parse_data": {"entities": [guess]}},
    ]

    def tracker(said: str, asked: str = "refinements_done"):  # type: ignore[no-untyped-def]
        return make_tracker(
            said,
            intent="nlu_fallback",
            slots={"requested_slot": asked},
            entities=[guess],
            active_loop="learner_profile_form",
            events=[events[0], {**events[1], "text": said}],
        )

    dispatcher = CollectingDispatcher()
    done = await ActionAskRephrase().run(dispatcher, tracker(text), domain)
    assert done == [{"event": "slot", "name": "refinements_done", "value": True, "timestamp": None}]
    assert dispatcher.messages == []
    # not a question, nor an answer to another question, nor a short reply
    for said, asked in (
        (f"{text}?", "refinements_done"),
        (text, "goal"),
        ("no idea really", "refinements_done"),
    ):
        other = CollectingDispatcher()
        await ActionAskRephrase().run(other, tracker(said, asked), domain)
        assert other.messages, said
