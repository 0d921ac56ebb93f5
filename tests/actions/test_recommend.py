"""How a course list is introduced: honest about courses on part of the topic only."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.card_actions import list_fingerprint
from actions.recommend import _header, next_step_buttons, send_recommendations
from actions.store.search import LearnerProfile, SearchResult
from actions.store.topic_match import FULL, PARTIAL, TopicMatch
from tests.actions.conftest import make_recommendation, make_tracker


def _result(status: str, related: list[bool]) -> SearchResult:
    courses = [
        make_recommendation(id=f"c{i}", related=flag) for i, flag in enumerate(related, start=1)
    ]
    topic = TopicMatch("wine tasting", status, [("wine",), ("tasting",)], used=[("wine",)])
    return SearchResult(courses, [], [], True, len(courses), len(courses), topic=topic)


def test_a_list_topped_up_with_related_courses_says_which_are_on_the_topic() -> None:
    text = _header(_result(FULL, [False, True, True]), LearnerProfile(), None)
    assert text.startswith("Here are 3 courses: the first is on wine tasting")
    assert "part of it" in text


def test_several_on_the_whole_topic_are_counted() -> None:
    text = _header(_result(FULL, [False, False, True]), LearnerProfile(), None)
    assert "the first 2 are on wine tasting" in text


def test_a_page_of_related_courses_only_says_so() -> None:
    text = _header(_result(FULL, [True, True]), LearnerProfile(), None)
    assert text.startswith("That's every course on wine tasting.")


def test_a_partial_match_with_related_courses_does_not_claim_one_idea_for_all() -> None:
    text = _header(_result(PARTIAL, [False, True, True]), LearnerProfile(), None)
    assert "I have no course on wine tasting as a whole" in text
    assert "each is about part of it" in text and "they are about" not in text


def test_a_list_on_the_whole_topic_is_introduced_plainly() -> None:
    text = _header(_result(FULL, [False, False, False]), LearnerProfile(), None)
    assert text == "Here are 3 courses on wine tasting that fit:"


def test_a_rare_word_read_as_a_misspelling_is_said_first() -> None:
    """ "apiculture" read as agriculture: the list must not be called courses on apiculture."""
    result = _result(FULL, [False, False, False])
    assert result.topic is not None
    result.topic.topic = "apiculture"
    result.topic.corrected = {"apiculture": "agricultur"}
    text = _header(result, LearnerProfile(), None)
    assert text.startswith('I have no course on "apiculture". Reading it as a misspelling')
    result.topic.corrected = {"kubernetis": "kubernet"}  # no English word: read quietly
    assert _header(result, LearnerProfile(), None).startswith("Here are 3 courses on")


def test_more_on_buttons_name_their_list() -> None:
    buttons = next_step_buttons(["a", "b"])
    more = [b for b in buttons if b["title"].startswith("More on")]
    assert [b["title"] for b in more] == ["More on 1", "More on 2"]
    assert all(list_fingerprint(["a", "b"]) in b["payload"] for b in more)
    assert all(len(b["payload"].encode()) <= 64 for b in buttons)  # Telegram callback data


def test_a_list_going_by_the_whole_request_does_not_claim_the_topic() -> None:
    result = _result(FULL, [False, False, False])
    result.by_request = True
    text = _header(result, LearnerProfile(), None)
    assert text.startswith("Going by everything you told me") and "wine tasting" not in text
    result.topic.status = PARTIAL  # type: ignore[union-attr]
    assert _header(result, LearnerProfile(), None).startswith(
        "I have no course on wine tasting as a whole. Going by everything you told me"
    )
    result.topic.status = "none"  # type: ignore[union-attr]
    assert "none is about wine tasting" in _header(result, LearnerProfile(), None)


def test_a_list_found_by_the_requests_words_alone_says_so() -> None:
    courses = [make_recommendation(id="c1")]
    result = SearchResult(courses, [], [], True, 1, 1, topic=None, by_request=True)
    text = _header(result, LearnerProfile(), None)
    assert text.startswith("Going by the words of your request")
    assert "tell me a subject" in text
    plain = SearchResult(courses, [], [], True, 1, 1, topic=None)
    assert _header(plain, LearnerProfile(), None) == "Here is 1 course that fits what you told me:"


async def test_a_goal_only_guessed_after_a_list_does_not_replace_the_goal_held(store) -> None:
    """ "About 2 hours a week ... Budget £30 tops, work won't pay for it." after "to get
    better in my current job": the learned goal reader's "career change" is a guess; the
    list is searched for the goal held, and the slot is set back to it."""
    text = "About 2 hours a week, evenings. Budget £30 tops, work won't pay for it."
    guess = {
        "entity": "goal",
        "value": "career_change",
        "start": 0,
        "end": len(text),
        "confidence": 0.6,
        "extractor": "GoalClassifier",
    }
    said = "It's to get better in my current job, not changing career."
    upskill = {"entity": "goal", "value": "upskill", "confidence": 0.95}
    events = [
        {"event": "user", "text": said, "parse_data": {"entities": [upskill]}},
        {"event": "slot", "name": "goal", "value": "upskill"},
        {"event": "user", "text": text, "parse_data": {"entities": [guess]}},
        {"event": "slot", "name": "goal", "value": "career_change"},
    ]
    tracker = make_tracker(
        text,
        slots={"goal": "career_change", "topic": "pivot tables", "budget": 30},
        events=events,
        entities=[guess],
    )
    dispatcher = CollectingDispatcher()
    result = await send_recommendations(dispatcher, tracker)
    assert {"event": "slot", "name": "goal", "value": "upskill", "timestamp": None} in result
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "career change" not in said
    # The goal said outright in the message replaces it as before.
    outright = {**guess, "confidence": 0.95, "extractor": "ProfileEntityExtractor"}
    changed = make_tracker(
        text,
        slots={"goal": "career_change", "topic": "pivot tables", "budget": 30},
        events=[*events[:2], {"event": "user", "text": text}, *events[3:]],
        entities=[outright],
    )
    again = await send_recommendations(CollectingDispatcher(), changed)
    assert not [e for e in again if e.get("name") == "goal"]
    # A goal only guessed before may give way to a later guess.
    guessed_before = make_tracker(
        text,
        slots={"goal": "career_change", "topic": "pivot tables", "budget": 30},
        events=[
            {**events[0], "parse_data": {"entities": [{**upskill, "confidence": 0.6}]}},
            *events[1:],
        ],
        entities=[guess],
    )
    later = await send_recommendations(CollectingDispatcher(), guessed_before)
    assert not [e for e in later if e.get("name") == "goal"]


def test_a_course_found_by_meaning_is_not_called_one_on_the_topic() -> None:
    """ "Here are 3 courses on scratch that fit:" had led with "Safeguarding Adults", found
    by what the conversation meant (personas_fresh26)."""
    result = _result(FULL, [False, False, False])
    result.courses[0].by_meaning = True
    text = _header(result, LearnerProfile(), None)
    assert text.startswith("Here are 3 courses on wine tasting or close in meaning")
    assert "that fit:" not in text
