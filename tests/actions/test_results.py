"""Why this course, which to pick, and job value: answered from the list's own data."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.results import ActionJobValue, ActionWhichToPick, ActionWhyRecommended
from actions.search_actions import ActionRecommendCourses
from tests.actions.conftest import course_lists, extracted, make_tracker, slot_events, texts

PROFILE = {"goal": "career_change", "topic": "UX design", "budget": 500.0}


async def _listed(domain: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(first, make_tracker(slots=PROFILE), domain)
    return course_lists(first)[0]["courses"], {**PROFILE, **slot_events(events)}


async def test_why_gives_each_course_its_own_reasons(store, dispatcher, domain) -> None:
    courses, slots = await _listed(domain)
    tracker = make_tracker("why did you recommend that?", intent="why_recommended", slots=slots)
    await ActionWhyRecommended().run(dispatcher, tracker, domain)
    reply = texts(dispatcher)
    for course in courses:
        assert course["title"] in reply
    assert "fits because" in reply


async def test_why_about_one_course_answers_for_that_one(store, dispatcher, domain) -> None:
    courses, slots = await _listed(domain)
    tracker = make_tracker(
        "why the second one?",
        intent="why_recommended",
        slots={**slots, "course_index": [2]},
    )
    await ActionWhyRecommended().run(dispatcher, tracker, domain)
    reply = texts(dispatcher)
    assert courses[1]["title"] in reply and courses[0]["title"] not in reply


async def test_which_to_pick_names_one_listed_course_with_a_reason(
    store, dispatcher, domain
) -> None:
    courses, slots = await _listed(domain)
    # ("u pick one" reads "one" as a position: it must not stay for a later "save")
    tracker = make_tracker(
        "u pick one", intent="which_to_pick", slots={**slots, "course_index": [1]}
    )
    events = await ActionWhichToPick().run(dispatcher, tracker, domain)
    assert slot_events(events) == {"course_index": None}
    reply = texts(dispatcher)
    assert reply.startswith("I'd start with ")
    assert sum(course["title"] in reply.split("\n")[0] for course in courses) == 1
    assert "changing career" in reply


async def test_job_value_is_honest_and_grounded(store, dispatcher, domain) -> None:
    _courses, slots = await _listed(domain)
    tracker = make_tracker("would any of these get me a job?", intent="ask_job_value", slots=slots)
    await ActionJobValue().run(dispatcher, tracker, domain)
    reply = texts(dispatcher)
    assert "No course can promise a job" in reply
    assert "depends on the sector" in reply
    assert "What the courses I showed you carry" in reply


async def test_a_certificate_or_test_question_read_as_job_value_gets_its_own_answer(
    store, domain
) -> None:
    _courses, slots = await _listed(domain)
    for text, expected in [
        ("the first one, will it give a certificate?", "utter_what_finishing_gives"),
        ("is there a mock test in the second one?", "assessed"),
    ]:
        dispatcher = CollectingDispatcher()
        tracker = make_tracker(text, intent="ask_job_value", slots=slots)
        await ActionJobValue().run(dispatcher, tracker, domain)
        reply = texts(dispatcher) + " ".join(m.get("response") or "" for m in dispatcher.messages)
        assert expected in reply and "No course can promise a job" not in reply, text


async def test_an_unsure_job_question_naming_no_job_is_routed_as_unsure(store, domain) -> None:
    """ "Does it mean they will keep taking money from my bank?" (ask_job_value at 0.41) had
    got "No course can promise a job"; a sure reading, or one naming jobs, still gets it."""
    _courses, slots = await _listed(domain)
    for text, confidence, answered in [
        ("Does it mean they will keep taking money from my bank?", 0.41, False),
        ("its just for me at home not for a job", 0.35, False),
        ("would any of these get me a job?", 0.41, True),
        ("will it pay off in the end", 0.9, True),
    ]:
        dispatcher = CollectingDispatcher()
        tracker = make_tracker(text, intent="ask_job_value", slots=slots)
        tracker.latest_message["intent"]["confidence"] = confidence
        await ActionJobValue().run(dispatcher, tracker, domain)
        assert ("No course can promise a job" in texts(dispatcher)) is answered, text
        if text.startswith("its just"):  # said, not asked: acknowledged
            assert [m.get("response") for m in dispatcher.messages] == ["utter_noted"]


async def test_an_unsure_job_question_naming_a_topic_with_no_list_searches_it(
    store, domain
) -> None:
    """ "need help wi ma CV an job interviews ... anythin free?" (ask_job_value at 0.31) had
    got "No course can promise a job" with no list to judge: the courses on it instead."""
    text = (
        "need help wi ma CV an job interviews, apprenticeship finishes in the summer an a've "
        "never had a proper interview. anythin free?"
    )
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="ask_job_value", entities=extracted(text))
    tracker.latest_message["intent"]["confidence"] = 0.31
    await ActionJobValue().run(dispatcher, tracker, domain)
    assert "No course can promise a job" not in texts(dispatcher)
    listed = course_lists(dispatcher)
    assert listed and any("interview" in c["title"].lower() for c in listed[0]["courses"])


async def test_questions_about_results_without_a_list(store, dispatcher, domain) -> None:
    await ActionWhichToPick().run(dispatcher, make_tracker("which?"), domain)
    assert "haven't shown you any courses" in texts(dispatcher)


async def test_a_question_about_getting_into_university_is_answered_about_study(
    store, dispatcher, domain
) -> None:
    """ "does it help me get into uni" had been told "No course can promise a job"."""
    _courses, slots = await _listed(domain)
    tracker = make_tracker("does it help me get into uni", intent="ask_job_value", slots=slots)
    await ActionJobValue().run(dispatcher, tracker, domain)
    reply = texts(dispatcher)
    assert reply.startswith("No course can promise a university place")
    assert "job" not in reply.lower()
    assert "What the courses I showed you carry:" in reply


async def test_an_unsure_question_whether_the_list_counts_toward_a_degree_is_answered(
    store, dispatcher, domain
) -> None:
    """ "any of this count toward a bachelors? never finished mine" (unsure, with a level
    read from "bachelors") had searched again at undergraduate level."""
    from actions.fallback import ActionAskRephrase

    _courses, slots = await _listed(domain)
    text = "any of this count toward a bachelors? never finished mine"
    level = {"entity": "level", "value": "undergraduate", "start": 27, "end": 36}
    tracker = make_tracker(text, intent="nlu_fallback", slots=slots, entities=[level])
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    reply = texts(dispatcher)
    assert reply.startswith("No course can promise a university place"), reply
    assert not course_lists(dispatcher)
