from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.course_list import ActionCompareCourses, ActionCourseDetails
from actions.search_actions import ActionRecommendCourses
from actions.shortlist import ActionSaveShortlist, ActionShowShortlist
from tests.actions.conftest import course_lists, extracted, make_tracker, slot_events, texts

PROFILE = {"goal": "upskill", "subject": "marketing"}


def _turns(asked: str, replies: CollectingDispatcher, then: str) -> list[dict]:
    """Tracker events: a message, the assistant's replies to it (with their cards), the next."""
    said = [
        {"event": "bot", "text": m.get("text"), "data": {"custom": m.get("custom")}}
        for m in replies.messages
    ]
    return [{"event": "user", "text": asked}, *said, {"event": "user", "text": then}]


async def _shown(domain) -> tuple[dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await ActionRecommendCourses().run(dispatcher, make_tracker(slots=PROFILE), domain)
    return {**PROFILE, **slot_events(events)}, course_lists(dispatcher)[0]["courses"]


async def test_details_of_the_second_course(store, dispatcher, domain) -> None:
    slots, courses = await _shown(domain)
    tracker = make_tracker(
        "tell me more about the second one",
        intent="course_details",
        slots={**slots, "course_index": [2]},
    )
    events = await ActionCourseDetails().run(dispatcher, tracker, domain)
    assert courses[1]["title"] in texts(dispatcher)
    assert courses[0]["title"] not in texts(dispatcher)
    assert "\nLength: " in texts(dispatcher)  # "how many hours in total?" is answered
    assert slot_events(events)["course_index"] is None


async def test_details_of_the_last_course(store, dispatcher, domain) -> None:
    slots, courses = await _shown(domain)
    tracker = make_tracker(
        "the last one", intent="course_details", slots={**slots, "course_index": [-1]}
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    assert courses[-1]["title"] in texts(dispatcher)


async def test_details_without_a_position_asks_which(store, dispatcher, domain) -> None:
    slots, _ = await _shown(domain)
    await ActionCourseDetails().run(
        dispatcher, make_tracker("tell me more", intent="course_details", slots=slots), domain
    )
    assert dispatcher.messages[0]["buttons"]


async def test_details_of_a_course_a_longer_list_lacks_say_so(store, dispatcher, domain) -> None:
    """ "the knife one, how many hours a week?" after a list of three without it."""
    slots, courses = await _shown(domain)
    assert len(courses) > 1 and not any("knife" in c["title"].lower() for c in courses)
    tracker = make_tracker(
        "the knife one, how many hours a week?", intent="course_details", slots=slots
    )
    events = await ActionCourseDetails().run(dispatcher, tracker, domain)
    assert texts(dispatcher).startswith('None of the courses in my last list is the "knife" one')
    # ... and the catalogue's courses on knives follow ("What about the palliative care one
    # from UWI?" had been told to say "courses on palliative care" itself).
    [found] = course_lists(dispatcher)
    # (the one knife course first; the rest, if any, are said to be close in meaning)
    first, *rest = found["courses"]
    assert "knife" in first["title"].lower()
    assert all(
        "knife" in c["title"].lower() or "close in meaning" in c["why"].lower() for c in rest
    )
    assert slot_events(events)["topic"] == "knife"


async def test_details_of_a_course_no_list_shows_nor_the_catalogue_has_say_so(
    store, dispatcher, domain
) -> None:
    """ "the zorbing one" with no zorbing course anywhere: the list lacks it, say so."""
    slots, _ = await _shown(domain)
    tracker = make_tracker("the zorbing one, how long is it?", intent="course_details", slots=slots)
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    assert texts(dispatcher).startswith('None of the courses in my last list is the "zorbing" one')
    assert dispatcher.messages[0]["buttons"]
    assert not course_lists(dispatcher)


async def test_details_of_a_course_the_list_lacks_say_so(store, dispatcher, domain) -> None:
    """One course shown; "the pivot one" is not it: no details of another course as if."""
    slots, courses = await _shown(domain)
    tracker = make_tracker(
        "ok the pivot one. how long",
        intent="course_details",
        slots={**slots, "last_results": slots["last_results"][:1]},
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert 'None of the courses in my last list is the "pivot" one' in said
    assert courses[0]["title"] not in said


async def test_a_course_said_to_be_dropped_is_not_asked_about(store, dispatcher, domain) -> None:
    """ "ok forget the spreadsheet one tell me about database sql" had been told the list
    has no "spreadsheet" one; the new topic is searched instead."""
    slots, _ = await _shown(domain)
    text = "ok forget the spreadsheet one tell me about database sql my cousin says so"
    tracker = make_tracker(text, intent="course_details", slots=slots, entities=extracted(text))
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert "None of the courses in my last list" not in said, said
    [payload] = course_lists(dispatcher)
    titles = [c["title"].lower() for c in payload["courses"]]
    assert all("database" in t or "sql" in t for t in titles), said


async def test_a_course_named_by_its_whole_title_is_that_course(store, dispatcher, domain) -> None:
    """ "Introduction to Sustainability" is not in a marketing list: its own details, said to
    be outside the list (word matching showed a listed course under its name)."""
    slots, courses = await _shown(domain)
    tracker = make_tracker(
        "tell me more about Introduction to Sustainability, how much and how many weeks?",
        intent="course_details",
        slots=slots,
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert said.startswith("That course isn't one of those I just showed")
    assert "\nIntroduction to Sustainability (" in said
    assert not any(course["title"] in said for course in courses)
    listed = CollectingDispatcher()
    await ActionCourseDetails().run(
        listed,
        make_tracker(f"what about {courses[1]['title']}?", intent="course_details", slots=slots),
        domain,
    )
    assert texts(listed).startswith(courses[1]["title"])


async def test_details_with_no_list_says_so(store, dispatcher, domain) -> None:
    await ActionCourseDetails().run(
        dispatcher, make_tracker("the second one", intent="course_details"), domain
    )
    assert "haven't shown you any courses" in texts(dispatcher)


async def test_compare_one_and_three(store, dispatcher, domain) -> None:
    slots, courses = await _shown(domain)
    tracker = make_tracker(
        "compare 1 and 3", intent="compare_courses", slots={**slots, "course_index": [1, 3]}
    )
    await ActionCompareCourses().run(dispatcher, tracker, domain)
    text = texts(dispatcher)
    assert courses[0]["title"] in text and courses[2]["title"] in text
    assert courses[1]["title"] not in text
    assert "Price" in text and "Length" in text


async def test_comparing_a_course_the_list_lacks_says_so(store, dispatcher, domain) -> None:
    slots, courses = await _shown(domain)
    tracker = make_tracker(
        "Is the zyxwv one better than the others?", intent="compare_courses", slots=slots
    )
    await ActionCompareCourses().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert said.startswith('None of the courses in my last list is the "zyxwv" one')
    assert not any(course["title"] in said for course in courses)


async def test_a_refinement_read_as_course_details_refines_the_list(store, domain) -> None:
    slots = {"subject": "teaching-education", "last_results": ["x"]}
    text = "is there anything free"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent="course_details", slots=slots, entities=extracted(text))
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    [payload] = course_lists(dispatcher)
    assert payload["courses"] and all(c["cost_gbp"] == 0 for c in payload["courses"])


async def test_a_position_beyond_the_list_is_not_guessed(store, dispatcher, domain) -> None:
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(
        first, make_tracker(slots={"topic": "kubernetes"}), domain
    )
    slots = {"topic": "kubernetes", **slot_events(events)}
    assert len(slots["last_results"]) == 1
    tracker = make_tracker(
        "tell me about the second one",
        intent="course_details",
        slots={**slots, "course_index": [2]},
    )
    await ActionCourseDetails().run(dispatcher, tracker, domain)
    assert texts(dispatcher).startswith("The last list had only 1 course.")


async def test_saving_a_position_beyond_the_list_saves_nothing(store, dispatcher, domain) -> None:
    """ "save the second one" after a one-course list: asks, rather than saving the one."""
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(
        first, make_tracker(slots={"topic": "kubernetes"}), domain
    )
    slots = {"topic": "kubernetes", **slot_events(events)}
    assert len(slots["last_results"]) == 1
    tracker = make_tracker(
        "save the second one", intent="save_shortlist", slots={**slots, "course_index": [2]}
    )
    await ActionSaveShortlist().run(dispatcher, tracker, domain)
    assert texts(dispatcher).startswith("The last list had only 1 course.")
    shown = CollectingDispatcher()
    await ActionShowShortlist().run(shown, make_tracker(), domain)
    assert "Your shortlist is empty" in texts(shown)


async def test_saving_by_whole_title_saves_that_course_and_no_namesake(
    store, dispatcher, domain
) -> None:
    """ "save Introduction to Sustainability" after a list on sustainable business: that
    course (outside the list), not a listed one whose title begins with the same words."""
    first = CollectingDispatcher()
    slots = {"topic": "sustainable business", "subject": "environment-sustainability"}
    events = await ActionRecommendCourses().run(first, make_tracker(slots=slots), domain)
    slots = {**slots, **slot_events(events)}
    listed = [c["title"] for c in course_lists(first)[0]["courses"]]
    assert "Introduction to Sustainability" not in listed
    assert any("sustainab" in title.lower() for title in listed), listed
    tracker = make_tracker(
        "guarda Introduction to Sustainability please", intent="save_shortlist", slots=slots
    )
    await ActionSaveShortlist().run(dispatcher, tracker, domain)
    assert texts(dispatcher).startswith("Saved 1 course")
    shown = CollectingDispatcher()
    await ActionShowShortlist().run(shown, make_tracker(), domain)
    said = texts(shown)
    assert "Introduction to Sustainability (" in said
    assert not any(title in said for title in listed if title != "Introduction to Sustainability")


async def test_saving_a_course_named_from_no_course_of_the_list_saves_nothing(
    store, dispatcher, domain
) -> None:
    """ "save the glasgow one" after a list with no Glasgow course: say so and ask which,
    never save the whole list in its place."""
    slots, courses = await _shown(domain)
    assert not any("glasgow" in (c["provider"] or "").lower() for c in courses)
    tracker = make_tracker("save the glasgow one pls", intent="save_shortlist", slots=slots)
    await ActionSaveShortlist().run(dispatcher, tracker, domain)
    assert texts(dispatcher).startswith('None of the courses in my last list is the "glasgow" one')
    shown = CollectingDispatcher()
    await ActionShowShortlist().run(shown, make_tracker(), domain)
    assert "Your shortlist is empty" in texts(shown)


async def test_saving_two_named_courses_saves_the_listed_one_and_says_which_was_not(
    store, dispatcher, domain
) -> None:
    """ "save the X one and the Waterloo one" when only X is listed: X is saved, by title,
    and the reply says the Waterloo one was not (nothing dropped silently)."""
    slots, courses = await _shown(domain)
    word = next(w for w in courses[0]["title"].lower().split() if len(w) > 5)
    tracker = make_tracker(
        f"please save the {word} one and the waterloo one", intent="save_shortlist", slots=slots
    )
    await ActionSaveShortlist().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert said.startswith("Saved 1 course to your shortlist: "), said
    assert 'I didn\'t save the "waterloo" one' in said


async def test_saving_that_one_saves_the_course_just_shown_not_the_list(
    store, dispatcher, domain
) -> None:
    """ "save that one" right after the details of one course saves that course; with no
    course in focus it asks which, never saving the whole list."""
    slots, courses = await _shown(domain)
    asked = CollectingDispatcher()
    await ActionSaveShortlist().run(
        asked, make_tracker("save that one", intent="save_shortlist", slots=slots), domain
    )
    assert texts(asked).startswith("Which one shall I save?")
    details = CollectingDispatcher()
    tracker = make_tracker(
        "tell me more about the second one",
        intent="course_details",
        slots={**slots, "course_index": [2]},
    )
    await ActionCourseDetails().run(details, tracker, domain)
    events = _turns("tell me more about the second one", details, "save that one")
    tracker = make_tracker("save that one", intent="save_shortlist", slots=slots, events=events)
    await ActionSaveShortlist().run(dispatcher, tracker, domain)
    assert texts(dispatcher).startswith(f"Saved 1 course to your shortlist: {courses[1]['title']}")


async def test_a_course_named_from_an_earlier_list_is_found_there(store, domain) -> None:
    """ "save the X one" / "tell me about the X one" after a later list without it: the
    course an earlier list showed, said to be from it (the conversation remembers them)."""
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(first, make_tracker(slots=PROFILE), domain)
    earlier = course_lists(first)[0]["courses"]
    seen = slot_events(events)["seen_ids"]
    second = CollectingDispatcher()
    later_profile = {"topic": "kubernetes", "seen_ids": seen}
    events = await ActionRecommendCourses().run(second, make_tracker(slots=later_profile), domain)
    slots = {**later_profile, **slot_events(events)}
    assert earlier[0]["id"] in slots["seen_ids"]
    word = next(w for w in earlier[0]["title"].lower().split() if len(w) > 6)
    details = CollectingDispatcher()
    tracker = make_tracker(f"tell me about the {word} one", intent="course_details", slots=slots)
    await ActionCourseDetails().run(details, tracker, domain)
    assert texts(details).startswith("That one was in an earlier list I showed you:")
    assert earlier[0]["title"] in texts(details)
    # "save that one" right after: the earlier course just shown, not the last list's
    events = _turns(f"tell me about the {word} one", details, "save that one")
    that_one = CollectingDispatcher()
    tracker = make_tracker("save that one", intent="save_shortlist", slots=slots, events=events)
    await ActionSaveShortlist().run(that_one, tracker, domain)
    assert texts(that_one).startswith(f"Saved 1 course to your shortlist: {earlier[0]['title']}")
    saved = CollectingDispatcher()
    tracker = make_tracker(f"save the {word} one", intent="save_shortlist", slots=slots)
    await ActionSaveShortlist().run(saved, tracker, domain)
    # saved above by "save that one" already
    assert texts(saved).startswith(
        f"Saved 0 courses to your shortlist (1 already there): {earlier[0]['title']}"
    )


async def test_a_length_question_about_a_named_course_answers_for_that_one(
    store, dispatcher, domain
) -> None:
    """ "How much is it exactly for the glaucoma one and how long?": that course's details,
    not the length of every course shown."""
    slots, courses = await _shown(domain)
    others = {w for c in (courses[0], courses[2]) for w in c["title"].lower().split()}
    word = next(w for w in courses[1]["title"].lower().split() if len(w) > 4 and w not in others)
    text = f"How much is it exactly for the {word} one and how long?"
    await ActionCourseDetails().run(
        dispatcher, make_tracker(text, intent="course_details", slots=slots), domain
    )
    said = texts(dispatcher)
    assert courses[1]["title"] in said and "\nPrice: " in said
    assert courses[0]["title"] not in said


async def test_a_course_named_from_an_earlier_list_can_be_compared(store, domain) -> None:
    """ "compare the dashboards one with the complex charts one", one from each list: both
    compared, the earlier one said to be from an earlier list (it crashed the action)."""
    first = CollectingDispatcher()
    events = await ActionRecommendCourses().run(first, make_tracker(slots=PROFILE), domain)
    earlier = course_lists(first)[0]["courses"]
    second = CollectingDispatcher()
    later_profile = {"topic": "python", "seen_ids": slot_events(events)["seen_ids"]}
    events = await ActionRecommendCourses().run(second, make_tracker(slots=later_profile), domain)
    later = course_lists(second)[0]["courses"]
    slots = {**later_profile, **slot_events(events)}
    old = next(w for w in earlier[0]["title"].lower().split() if len(w) > 6)
    others = {w for c in later if c is not later[1] for w in c["title"].lower().split()}
    new = next(w for w in later[1]["title"].lower().split() if len(w) > 6 and w not in others)
    text = f"compare the {old} one with the {new} one"
    compared = CollectingDispatcher()
    tracker = make_tracker(text, intent="compare_courses", slots=slots)
    await ActionCompareCourses().run(compared, tracker, domain)
    reply = texts(compared)
    assert reply.startswith("Side by side:")
    assert f"- {earlier[0]['title']} (from an earlier list)" in reply
    assert f"2. {later[1]['title']}" in reply


async def test_a_course_compared_by_words_of_a_title_no_list_showed(
    store, dispatcher, domain
) -> None:
    """ "compare the star carr one with the first one" after archaeology courses without it:
    both compared, the first said outside the list (the compare had said the list lacks it;
    personas_fresh30 compared courses named "the come rain or shine one", "the Roman one")."""
    slots, courses = await _shown(domain)
    text = "compare the star carr one with the first one"
    tracker = make_tracker(text, intent="compare_courses", slots=slots, entities=extracted(text))
    await ActionCompareCourses().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert "The Mysteries of Star Carr" in said and courses[0]["title"] in said
    # a name two titles fit is said not to be listed, as before
    vague = CollectingDispatcher()
    text = "compare the weather one with the first one"
    tracker = make_tracker(text, intent="compare_courses", slots=slots, entities=extracted(text))
    await ActionCompareCourses().run(vague, tracker, domain)
    assert texts(vague).startswith('None of the courses in my last list is the "weather" one')
