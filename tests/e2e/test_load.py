"""Load: 100 learners with their own profiles, 8 turns each, all at once (bench/load_test.py).

The slow test runs the full load test against the real stack (one Rasa server, one action
server) and asserts no errors and no cross-talk; it prints latency percentiles and the total
time but asserts nothing about them. The fast tests check the load test's own checks.
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.load_test import (
    JOURNEY,
    Learner,
    LoadResult,
    Turn,
    check_reply,
    check_urls,
    make_learners,
    run_load,
)
from tests.servers import Server, signed


@pytest.mark.slow
def test_a_hundred_concurrent_conversations_of_eight_turns(stack: dict[str, Server]) -> None:
    result = run_load([stack["rasa"].url], conversations=100, turns=8, timeout_s=120, sign=signed)
    print(f"\n{result.report()}")
    assert result.requests == 800
    assert not result.errors, result.report()
    assert not result.crosstalk, result.report()


# -- the load test's own checks (no servers) ---------------------------------------------


def _course(title: str, subject: str) -> dict[str, Any]:
    return {"title": title, "subject": subject}


def _list_reply(sender: str, *courses: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"recipient_id": sender, "text": "Here are courses, within your £300 budget"},
        {"recipient_id": sender, "custom": {"type": "course_list", "courses": list(courses)}},
    ]


LEARNER = Learner("load-t-000", "marketing", "marketing", 300, "I'd like to explore marketing")


def test_learners_have_distinct_senders_and_profiles_and_are_reproducible() -> None:
    learners = make_learners(50, seed=7, prefix="p")
    assert len({learner.sender for learner in learners}) == 50
    assert len({learner.subject for learner in learners}) >= 20
    assert len({learner.budget for learner in learners}) > 5
    assert all(f"£{learner.budget}" in learner.opening for learner in learners)
    assert [x.opening for x in make_learners(50, seed=7, prefix="q")] == [
        x.opening for x in learners
    ]
    script = learners[0].turns(12)
    assert script[0].text == learners[0].opening
    assert script[1:10] == list(JOURNEY) and script[10] == JOURNEY[0]


def test_a_clean_reply_records_nothing_and_becomes_the_last_list() -> None:
    result = LoadResult(["u"], 1, 1, 1)
    shown = [_course("A", "marketing"), _course("B", "marketing")]
    last = check_reply(LEARNER, Turn("x", "list"), _list_reply(LEARNER.sender, *shown), [], result)
    assert last == shown and result.ok


def test_another_learners_course_budget_or_reply_is_cross_talk() -> None:
    result = LoadResult(["u"], 1, 1, 1)
    replies = _list_reply(LEARNER.sender, _course("Nursing 101", "health-social-care"))
    replies[0]["text"] = "within your £900 budget"
    replies.append({"recipient_id": "someone-else", "text": "hello"})
    check_reply(LEARNER, Turn("x", "list"), replies, [], result)
    assert len(result.crosstalk) == 3 and not result.errors


def test_details_of_the_wrong_course_are_cross_talk() -> None:
    result = LoadResult(["u"], 1, 1, 1)
    last = [_course("First", "marketing"), _course("Second", "marketing")]
    reply = [{"recipient_id": LEARNER.sender, "text": "First (Provider) ..."}]
    check_reply(
        LEARNER, Turn("tell me more about the second one", "detail", 1), reply, last, result
    )
    assert result.crosstalk and "Second" in result.crosstalk[0]


def test_details_of_the_course_asked_for_are_theirs_whatever_its_subject() -> None:
    """A topic's list may hold a course of another subject found close in meaning
    ("Study UK: Prepare to Study and Live in the UK" for "arts"): its details name no topic,
    and are checked by the course's name, not its subject."""
    result = LoadResult(["u"], 1, 1, 1)
    other = _course("Study UK", "study-skills")
    last = [_course("First", "marketing"), other]
    reply = [
        {"recipient_id": LEARNER.sender, "text": "Study UK (British Council) ..."},
        {"recipient_id": LEARNER.sender, "custom": {"type": "course_list", "courses": [other]}},
    ]
    check_reply(
        LEARNER, Turn("tell me more about the second one", "detail", 1), reply, last, result
    )
    assert result.ok


def test_apologies_and_stack_traces_are_errors() -> None:
    result = LoadResult(["u"], 1, 1, 1)
    apology = [{"recipient_id": LEARNER.sender, "text": "Sorry, I'm having trouble right now."}]
    trace = [{"recipient_id": LEARNER.sender, "text": "Traceback (most recent call last):"}]
    check_reply(LEARNER, Turn("x", "other"), apology, [], result)
    check_reply(LEARNER, Turn("x", "other"), trace, [], result)
    assert len(result.errors) == 2


def test_only_loopback_urls_unless_allowed() -> None:
    check_urls(["http://127.0.0.1:5005", "http://localhost:5006"], allow_remote=False)
    with pytest.raises(SystemExit):
        check_urls(["http://example.org:5005"], allow_remote=False)
    check_urls(["http://example.org:5005"], allow_remote=True)


def test_percentiles() -> None:
    result = LoadResult(["u"], 1, 1, 1, latencies_ms=[float(n) for n in range(1, 101)])
    assert result.percentile(50) == pytest.approx(50.5, abs=1)
    assert result.percentile(95) == pytest.approx(95, abs=1)
    assert result.summary()["max_ms"] == 100


def test_a_course_about_the_learners_words_in_another_subject_is_theirs() -> None:
    result = LoadResult(["u"], 1, 1, 1)
    about = _course(f"Advanced {LEARNER.phrase.title()} in Practice", "teaching-education")
    check_reply(LEARNER, Turn("x", "list"), _list_reply(LEARNER.sender, about), [], result)
    assert result.crosstalk == []


def test_a_topic_list_must_be_about_this_learners_words() -> None:
    result = LoadResult(["u"], 1, 1, 1)
    mine = _list_reply(LEARNER.sender, _course("Anything", "politics-society"))
    mine[1]["custom"]["topic"] = LEARNER.phrase
    check_reply(LEARNER, Turn("x", "list"), mine, [], result)
    assert result.crosstalk == []
    theirs = _list_reply(LEARNER.sender, _course("Anything", LEARNER.subject))
    theirs[1]["custom"]["topic"] = "kubernetes"
    check_reply(LEARNER, Turn("x", "list"), theirs, [], result)
    assert len(result.crosstalk) == 1 and "kubernetes" in result.crosstalk[0]
