"""The tracker store benchmark replays conversations through both stores and reports them."""

from __future__ import annotations

from pathlib import Path

from bench import tracker_store_bench
from bot import rasa_speedups


def test_runs_both_stores_and_prints_a_table(tmp_path: Path) -> None:
    results = tracker_store_bench.run(conversations=2, turns=3, rounds=2)
    assert [r.store for r in results] == ["rasa SQLTrackerStore", "ours"]
    for result in results:
        assert result.reads == 2 * 3 * 2 and result.writes == 2 * 3 * 2
        assert 0 < result.read_p50_ms <= result.read_p95_ms
        assert 0 < result.write_p50_ms <= result.write_p95_ms
    text = tracker_store_bench.table(results)
    assert "ratio rasa/ours" in text and "ours" in text
    assert not rasa_speedups.installed()  # the benchmark leaves Rasa as it found it


def test_main_saves_json(tmp_path: Path) -> None:
    out = tmp_path / "ts.json"
    argv = ["--conversations", "1", "--turns", "1", "--rounds", "1", "--json", str(out)]
    assert tracker_store_bench.main(argv) == 0
    assert '"store": "ours"' in out.read_text()
