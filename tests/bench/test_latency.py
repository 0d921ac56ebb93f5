"""Pure helpers of bench.latency: statistics, journeys, round-robin and rotation (no servers)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from bench.latency import (
    OUR_STEP_LABELS,
    PLAIN_STEP_LABELS,
    BatchResult,
    LatencyStats,
    RoundRobin,
    Sample,
    by_step,
    first_errors,
    median,
    our_journey,
    percentile,
    plain_journey,
    pooled,
    ratio,
    reply_has,
    rotation,
)

# --------------------------------------------------------------------------- statistics


def test_percentile_interpolates_like_numpy_linear() -> None:
    values = [10.0, 20.0, 30.0, 40.0]
    assert percentile(values, 0) == 10.0
    assert percentile(values, 100) == 40.0
    assert percentile(values, 50) == 25.0
    assert percentile(values, 95) == pytest.approx(38.5)
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0  # order does not matter


def test_percentile_of_one_value_is_that_value() -> None:
    assert percentile([7.5], 95) == 7.5


@pytest.mark.parametrize("q", [-1, 101, math.nan])
def test_percentile_rejects_q_outside_0_100(q: float) -> None:
    with pytest.raises(ValueError):
        percentile([1.0, 2.0], q)


def test_percentile_and_median_reject_no_values() -> None:
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        median([])


def test_median_of_even_and_odd_counts() -> None:
    assert median([1.0, 3.0, 2.0]) == 2.0
    assert median([1.0, 2.0, 3.0, 10.0]) == 2.5


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [(2.0, 4.0, 0.5), (3.0, 1.0, 3.0), (1.0, 0.0, None), (None, 1.0, None), (1.0, None, None)],
)
def test_ratio(a: float | None, b: float | None, expected: float | None) -> None:
    assert ratio(a, b) == expected


def test_latency_stats_from_seconds_in_milliseconds() -> None:
    stats = LatencyStats.from_seconds([0.010, 0.020, 0.030, 0.040, 0.100])
    assert stats is not None
    assert stats.n == 5
    assert stats.p50_ms == 30.0
    assert stats.p95_ms == pytest.approx(88.0)
    assert stats.mean_ms == 40.0
    assert stats.max_ms == 100.0
    assert LatencyStats.from_seconds([]) is None


# --------------------------------------------------------------------------- journeys


def test_both_journeys_have_the_same_number_of_messages() -> None:
    assert len(our_journey().steps) == len(plain_journey().steps) == 6
    assert our_journey().labels == OUR_STEP_LABELS
    assert plain_journey().labels == PLAIN_STEP_LABELS


def test_our_journey_greets_states_goal_and_subject_then_searches_twice() -> None:
    journey = our_journey(0)
    steps = {s.label: s for s in journey.steps}
    assert steps["greet"].message == "hello"
    assert steps["subject"].message == "marketing"
    # The recommendation and the refinement must come back with courses from the store.
    assert steps["recommend"].expect == "course_list"
    assert steps["refine"].expect == "course_list"
    assert [s.expect for s in journey.steps].count("course_list") == 2


def test_our_journeys_vary_the_subject_between_conversations() -> None:
    subjects = {our_journey(i).steps[3].message for i in range(5)}
    assert len(subjects) == 5
    assert our_journey(0) == our_journey(5)  # deterministic, cycling


def test_plain_journey_uses_only_rasa_init_intents_examples_or_close_paraphrases() -> None:
    for variant in range(3):
        journey = plain_journey(variant)
        assert journey.name == "plain"
        assert all(step.expect == "text" for step in journey.steps)
        assert all(step.message.strip() for step in journey.steps)


def test_reply_has_course_list_or_text() -> None:
    course_list: list[dict[str, Any]] = [
        {"text": "Here are 3"},
        {"custom": {"type": "course_list", "courses": []}},
    ]
    assert reply_has(course_list, "course_list")
    assert reply_has(course_list, "text")
    assert not reply_has([{"text": "Which subject?"}], "course_list")
    assert not reply_has([], "text")
    assert not reply_has([{"text": "   "}], "text")
    assert not reply_has([{"custom": "course_list"}], "course_list")


# --------------------------------------------------------------------------- client helpers


def test_round_robin_alternates_per_message() -> None:
    pick = RoundRobin(["a", "b"])
    assert [pick() for _ in range(5)] == ["a", "b", "a", "b", "a"]
    one = RoundRobin(["only"])
    assert {one() for _ in range(3)} == {"only"}
    with pytest.raises(ValueError):
        RoundRobin([])


def test_rotation_alternates_the_order_of_targets() -> None:
    assert rotation(["A", "B"], 0) == ["A", "B"]
    assert rotation(["A", "B"], 1) == ["B", "A"]
    assert rotation(["A", "B"], 2) == ["A", "B"]
    assert rotation(["A", "B", "C"], 1) == ["B", "C", "A"]
    assert rotation([], 3) == []
    # Over a full cycle every target is first once.
    assert {rotation(["A", "B", "C"], r)[0] for r in range(3)} == {"A", "B", "C"}


def _batch(samples: list[Sample], wall_s: float = 2.0) -> BatchResult:
    return BatchResult("ours", 10, 1, wall_s, samples)


def test_batch_counts_only_answered_messages() -> None:
    batch = _batch(
        [Sample("greet", 0.1, True), Sample("find", 0.2, True), Sample("goal", 9.0, False, "x")]
    )
    assert batch.errors == 1
    assert batch.replies_per_s == 1.0
    assert pooled([batch]) == [0.1, 0.2]
    assert first_errors([batch]) == ["x"]
    assert BatchResult("x", 1, 0, 0.0).replies_per_s == 0.0


def test_by_step_medians_in_milliseconds() -> None:
    batches = [
        _batch([Sample("greet", 0.010, True), Sample("find", 0.050, True)]),
        _batch([Sample("greet", 0.030, True), Sample("find", 0.500, False)]),
    ]
    assert by_step(batches, ["greet", "find", "goal"]) == {
        "greet": 20.0,
        "find": 50.0,
        "goal": None,
    }
