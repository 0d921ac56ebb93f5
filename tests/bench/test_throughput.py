"""bench.throughput: summarising rounds into a row (no servers)."""

from __future__ import annotations

import pytest

from bench.latency import BatchResult, Sample
from bench.throughput import redis_missing_reason, throughput_row


def _round(replies: int, wall_s: float, errors: int = 0) -> BatchResult:
    samples = [Sample("greet", 0.05, True) for _ in range(replies)]
    samples += [Sample("greet", 1.0, False, "boom") for _ in range(errors)]
    return BatchResult("ours", 10, 10, wall_s, samples)


def test_row_takes_the_median_round_and_ratios() -> None:
    rounds = [_round(60, 6.0), _round(60, 3.0), _round(60, 4.0, errors=2)]  # 10, 20, 15 /s
    row = throughput_row("ours-2proc", 2, rounds, baseline_per_s=30.0, stores="x",
                         ours_one_per_s=10.0)  # fmt: skip
    assert row.replies_per_s == 15.0
    assert (row.min_per_s, row.max_per_s) == (10.0, 20.0)
    assert row.replies == 180
    assert row.errors == 2
    assert row.vs_plain == 0.5
    assert row.vs_ours_1 == 1.5
    assert row.concurrency == 10 and row.rounds == 3 and row.processes == 2


def test_row_without_baselines_has_no_ratios() -> None:
    row = throughput_row("plain", 1, [_round(10, 1.0)], baseline_per_s=None, stores="mem")
    assert row.vs_plain is None and row.vs_ours_1 is None


def test_row_needs_rounds() -> None:
    with pytest.raises(ValueError):
        throughput_row("ours", 1, [], 1.0, "x")


def test_redis_reason_names_the_missing_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bench.throughput.shutil.which", lambda name: None)
    reason = redis_missing_reason()
    assert reason is not None and "redis-server" in reason
    monkeypatch.setattr("bench.throughput.shutil.which", lambda name: "/usr/bin/" + name)
    assert redis_missing_reason() is None
