"""bench.run_all: formatting, target checks, settings and the command line (no servers)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.latency import LatencyStats
from bench.run_all import (
    MET,
    NOT_MEASURED,
    NOT_MET,
    ROOT,
    SECTIONS,
    TargetCheck,
    assess,
    build_parser,
    cpu_model,
    fmt,
    format_table,
    main,
    margin,
    mem_total_gb,
    report,
    settings_for,
    step_table,
    summary_table,
    target_checks,
    to_jsonable,
)

# --------------------------------------------------------------------------- formatting


def test_fmt_cells() -> None:
    assert fmt(None) == "-"
    assert fmt(1234) == "1,234"
    assert fmt(3.14159, 2) == "3.14"
    assert fmt(1234.5) == "1,234.5"
    assert fmt(True) == "yes"
    assert fmt("text", suffix="!") == "text!"


def test_format_table_aligns_columns() -> None:
    table = format_table(["name", "ms"], [["ours", 58.1], ["plain", None]])
    lines = table.splitlines()
    assert lines[0] == "name     ms"
    assert lines[1] == "-----  ----"
    assert lines[2] == "ours   58.1"
    assert lines[3] == "plain     -"
    assert len({len(line) for line in lines}) == 1


def test_format_table_custom_alignment_and_errors() -> None:
    table = format_table(["a", "b"], [["x", "long"]], align="ll")
    assert table.splitlines()[2] == "x  long"
    with pytest.raises(ValueError):
        format_table(["a", "b"], [["only one"]])
    with pytest.raises(ValueError):
        format_table(["a", "b"], [["x", "y"]], align="lx")


def test_step_table_puts_journeys_side_by_side() -> None:
    latency = {
        "ours": {"by_step_seq_p50_ms": {"greet": 40.0, "find": 80.0}},
        "plain": {"by_step_seq_p50_ms": {"greet": 20.0, "mood_sad": None}},
    }
    lines = step_table(latency).splitlines()
    assert lines[2].split() == ["1", "greet", "40.0", "greet", "20.0", "2.00x"]
    assert lines[3].split() == ["2", "find", "80.0", "mood_sad", "-", "-"]


# --------------------------------------------------------------------------- targets


@pytest.mark.parametrize(
    ("value", "limit", "op", "expected"),
    [
        (0.9, 1.0, "<=", MET),
        (1.0, 1.0, "<=", MET),
        (1.1, 1.0, "<=", NOT_MET),
        (1.6, 1.5, ">=", MET),
        (1.4, 1.5, ">=", NOT_MET),
        (None, 1.0, "<=", NOT_MEASURED),
        (1.0, None, ">=", NOT_MEASURED),
    ],
)
def test_assess(value: float | None, limit: float | None, op: str, expected: str) -> None:
    assert assess(value, limit, op) == expected


def test_assess_rejects_unknown_comparison() -> None:
    with pytest.raises(ValueError):
        assess(1.0, 1.0, "<")


def test_margin_reads_as_a_miss_or_room_to_spare() -> None:
    assert margin(2.0, 1.0, "<=") == "misses by 100%"
    assert margin(0.5, 1.0, "<=") == "50% to spare"
    assert margin(0.75, 1.5, ">=") == "misses by 50%"
    assert margin(3.0, 1.5, ">=") == "100% to spare"
    assert margin(0.923, 0.926, ">=") == "misses by 0.3%"
    assert margin(1.0, 1.0, "<=") == "0.0% to spare"
    assert margin(None, 1.0, "<=") == ""


def _results() -> dict:
    return {
        "latency": {
            "ratios": {"seq_p50": 2.5},
            "ours": {"sequential": {"p50_ms": 50.0}},
            "plain": {"sequential": {"p50_ms": 20.0}},
        },
        "throughput": {
            "rows": [
                {"name": "plain (rasa init)", "processes": 1, "replies_per_s": 50.0,
                 "vs_plain": 1.0, "vs_ours_1": None},
                {"name": "ours", "processes": 1, "replies_per_s": 15.0, "vs_plain": 0.3,
                 "vs_ours_1": 1.0},
                {"name": "ours-2proc", "processes": 2, "replies_per_s": 27.0, "vs_plain": 0.54,
                 "vs_ours_1": 1.8},
            ]
        },
        "training": {"full": {"seconds": 150.0}},
        "memory": {"after_load": {"ours-rasa": {"rss_mb": 1100.0}}},
        "store": {"results": [
            {"catalogue": "real", "courses": 1608, "subject_p95_ms": 1.0},
            {"catalogue": "synthetic", "courses": 100000, "subject_p95_ms": 4.2},
        ]},
        "nlu": {
            "ours": {"intent_macro_f1": 0.95, "slot_exact_match": 0.9},
            "default": {"intent_macro_f1": 0.93, "slot_exact_match": 0.5},
        },
    }  # fmt: skip


def test_target_checks_cover_every_target_of_the_issue() -> None:
    checks = {c.name: c for c in target_checks(_results())}
    assert checks["Sequential reply p50, ours/plain"].status == NOT_MET
    throughput = checks["Throughput x10, ours vs 1 default Rasa"]
    assert throughput.status == NOT_MET and "ours-2proc" in throughput.measured
    assert checks["(other reading) scale-out, ours N procs vs 1"].status == MET
    assert checks["Full training time"].status == MET
    assert checks["Rasa server RSS (ours)"].status == NOT_MET
    assert checks["Course search p95 at 100k"].status == MET
    assert checks["NLU intent macro-F1, ours vs default"].status == MET
    assert checks["NLU slot exact-match, ours vs default"].status == MET


def test_target_checks_of_an_empty_run_are_not_measured() -> None:
    checks = target_checks({})
    assert len(checks) == 7
    assert {c.status for c in checks} == {NOT_MEASURED}


def test_summary_table_lists_every_status() -> None:
    table = summary_table(target_checks(_results()))
    assert "NOT MET" in table and "MET" in table and "misses by" in table


def test_report_renders_a_partial_payload() -> None:
    payload = to_jsonable(
        {
            "machine": {"cpu_model": "Test CPU", "cores": 2, "versions": {"rasa": "3.6.21"}},
            "load_start": [1.0, 2.0, 3.0],
            "load_end": None,
            "results": {
                "latency": {
                    "concurrency": 10,
                    "ours": {"sequential": LatencyStats(3, 50.0, 60.0, 52.0, 61.0),
                             "messages_per_journey": 6, "errors": 0},
                    "plain": {"sequential": LatencyStats(3, 20.0, 25.0, 21.0, 26.0),
                              "messages_per_journey": 6, "errors": 0},
                    "ratios": {"seq_p50": 2.5},
                },
            },
            "notes": {"throughput": ["ours-2proc row skipped: redis-server is not installed"]},
            "targets": target_checks({}),
        }
    )  # fmt: skip
    text = report(payload)
    assert "Test CPU" in text
    assert "2.50x" in text
    assert "redis-server is not installed" in text
    assert "Summary" in text


def test_to_jsonable_handles_dataclasses_paths_and_tuples() -> None:
    @dataclass
    class Thing:
        path: Path
        items: tuple[int, ...]

    assert to_jsonable({"t": Thing(Path("/x"), (1, 2))}) == {"t": {"path": "/x", "items": [1, 2]}}
    assert to_jsonable(TargetCheck("a", "b", "c", MET)) == {
        "name": "a", "goal": "b", "measured": "c", "status": MET, "margin": "",
    }  # fmt: skip


# --------------------------------------------------------------------------- machine facts


def test_cpu_model_and_memory_from_proc_text() -> None:
    assert cpu_model("processor\t: 0\nmodel name\t: AMD EPYC 7B13\n") == "AMD EPYC 7B13"
    assert mem_total_gb("MemTotal:       24683652 kB\nMemFree: 1 kB\n") == 23.5
    assert mem_total_gb("") is None


# --------------------------------------------------------------------------- settings and CLI


def test_quick_settings_do_less_and_skip_the_100k_store() -> None:
    quick, full = settings_for(True), settings_for(False)
    assert quick.seq_rounds < full.seq_rounds
    assert quick.load_rounds < full.load_rounds
    assert "100000" not in quick.store_args and full.store_args == ()
    assert quick.concurrency == full.concurrency == 10
    assert settings_for(False, rounds=2, load_rounds=1).seq_rounds == 2


def test_parser_knows_every_section() -> None:
    args = build_parser().parse_args(["--quick", "--skip", "nlu", "store"])
    assert args.quick and args.skip == ["nlu", "store"]
    assert set(SECTIONS) == {"latency", "throughput", "memory", "nlu", "training", "store"}
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--skip", "everything"])


def test_missing_model_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--model", str(tmp_path / "none.tar.gz"), "--json", str(tmp_path / "o.json")])
    assert code == 2
    assert "make train" in capsys.readouterr().err


def test_help_is_fast_and_lists_the_sections() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.run_all", "--help"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert "--quick" in done.stdout and "--skip" in done.stdout
    assert "Sections" in done.stdout and "Usage::" not in done.stdout
    assert "throughput" in done.stdout


def test_nlu_targets_compare_the_means_of_several_trainings_when_there_are() -> None:
    results = _results()
    results["nlu"]["ours_spread"] = {"runs": 3, "intent_macro_f1": 0.92, "slot_exact_match": 0.9}
    results["nlu"]["default_spread"] = {
        "runs": 3, "intent_macro_f1": 0.94, "slot_exact_match": 0.5,
    }  # fmt: skip
    checks = {c.name: c for c in target_checks(results)}
    intent = checks["NLU intent macro-F1, ours vs default"]
    assert intent.status == NOT_MET  # the single models said MET (0.95 vs 0.93)
    assert intent.measured == "means of 3: 0.920 vs 0.940"
    assert checks["NLU slot exact-match, ours vs default"].status == MET
