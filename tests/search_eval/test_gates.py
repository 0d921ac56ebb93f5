"""The retrieval gates: every set held has a gate and a file, and a gate says what falls below."""

from __future__ import annotations

from tests.search_eval.gates import GATES, IN_MAKE_TEST, below_gate
from tests.search_eval.harness import EVAL_SET

MET = {"precision_at_3": 0.95, "hit_at_1": 0.95, "honest_miss_rate": 1.0, "silent_off_topic": 0}


def test_every_set_make_test_holds_has_a_gate_and_a_file() -> None:
    assert set(IN_MAKE_TEST) <= set(GATES)
    for name in GATES:
        assert EVAL_SET.with_name(name).is_file(), name


def test_scores_at_or_above_the_gate_pass() -> None:
    gate = GATES["retrieval.yml"]
    at = {
        "precision_at_3": gate.min_precision,
        "hit_at_1": gate.min_hit,
        "honest_miss_rate": gate.min_honest,
        "silent_off_topic": gate.max_silent,
    }
    assert below_gate("retrieval.yml", at) == []
    assert below_gate("retrieval.yml", MET) == []


def test_each_score_below_its_gate_is_named() -> None:
    low = {**MET, "hit_at_1": 0.5, "silent_off_topic": 99}
    assert below_gate("retrieval_fresh6.yml", low) == ["hit@1", "silent off-topic"]


def test_a_set_without_a_gate_is_never_below() -> None:
    assert below_gate("retrieval_fresh18.yml", {**MET, "precision_at_3": 0.0}) == []
