"""bench.resources: /proc parsing and memory sums, training command lines (no servers)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.resources import (
    TRAINING_DATA,
    Memory,
    descendants,
    parse_ppid,
    parse_status,
    sum_memory,
    training_command,
    tree_memory,
)
from tests.servers import ROOT

STATUS = """\
Name:\trasa
Umask:\t0022
State:\tS (sleeping)
Pid:\t4242
PPid:\t1
VmPeak:\t 5000000 kB
VmHWM:\t  1048576 kB
VmRSS:\t   524288 kB
Threads:\t42
"""


def test_parse_status_reads_kb_fields_only() -> None:
    fields = parse_status(STATUS)
    assert fields["VmRSS"] == 524288
    assert fields["VmHWM"] == 1048576
    assert "Threads" not in fields  # not a kB field
    assert "Name" not in fields


def test_parse_ppid_handles_spaces_and_parentheses_in_the_command() -> None:
    assert parse_ppid("4242 (rasa) S 17 4242 4242 0 -1") == 17
    assert parse_ppid("4243 (odd (name) x) R 4242 1 1 0") == 4242
    assert parse_ppid("garbage") is None


def test_descendants_walks_the_whole_tree_but_not_siblings() -> None:
    parents = {10: 1, 11: 10, 12: 10, 13: 11, 20: 1, 21: 20}
    assert descendants(10, parents) == [11, 12, 13]
    assert descendants(13, parents) == []
    assert descendants(99, parents) == []


def test_sum_memory_in_megabytes_with_peak_falling_back_to_rss() -> None:
    memory = sum_memory([parse_status(STATUS), {"VmRSS": 102400}])
    assert memory == Memory(processes=2, rss_mb=612.0, peak_rss_mb=1124.0)
    assert sum_memory([]) == Memory(0, 0.0, 0.0)


def test_tree_memory_of_this_process_and_of_a_gone_one(tmp_path: Path) -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc on this system")
    mine = tree_memory(os.getpid())
    assert mine is not None and mine.processes >= 1 and mine.rss_mb > 0
    assert tree_memory(os.getpid(), proc=tmp_path) is None


def test_tree_memory_reads_a_fake_proc(tmp_path: Path) -> None:
    for pid, ppid, rss in ((100, 1, 1024), (101, 100, 2048), (200, 1, 4096)):
        folder = tmp_path / str(pid)
        folder.mkdir()
        (folder / "stat").write_text(f"{pid} (python) S {ppid} 1 1 0")
        (folder / "status").write_text(f"VmRSS:\t{rss} kB\nVmHWM:\t{rss * 2} kB\n")
    (tmp_path / "self").mkdir()  # not a pid: ignored
    assert tree_memory(100, proc=tmp_path) == Memory(2, 3.0, 6.0)


def test_training_commands() -> None:
    out = Path("/tmp/out")
    full = training_command("full", out)
    assert full[1:3] == ["train", "--data"]
    assert {"data/nlu", "data/rules", "--force"} <= set(full)
    # A path that does not exist makes Rasa read all of data/ (vocabularies included) instead.
    assert all((ROOT / path).is_dir() for path in TRAINING_DATA)
    assert full[full.index("--config") + 1] == "config.yml"
    nlu = training_command("nlu", out)
    assert nlu[1:3] == ["train", "nlu"]
    assert nlu[nlu.index("--nlu") + 1] == "data/nlu"
    with pytest.raises(ValueError):
        training_command("core", out)


def test_no_other_data_file_looks_like_training_data() -> None:
    """`rasa train` and `rasa data validate` read all of data/ by default: a vocabulary with a
    top-level ``rules:`` or ``nlu:`` key would be read as dialogue rules or NLU examples."""
    import yaml

    rasa_keys = {"nlu", "rules", "stories", "responses", "intents"}
    trained = {ROOT / path for path in TRAINING_DATA}
    clashing = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "data").rglob("*.yml"))
        if not any(folder in path.parents for folder in trained)
        and isinstance(raw := yaml.safe_load(path.read_text(encoding="utf-8")), dict)
        and rasa_keys & set(raw)
    ]
    assert not clashing, f"data files Rasa would read as training data: {clashing}"
