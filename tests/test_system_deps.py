"""Missing Chromium, Redis or PostgreSQL never passes quietly: loud locally, a failure in CI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.system_deps import in_ci, missing_dependency, summary_lines

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = """
import pytest

def test_browser():
    pytest.skip("/usr/bin/chromium is missing: apt-get install -y chromium")

def test_redis():
    pytest.skip("redis-server is not installed (apt-get install redis-server)")

def test_other():
    pytest.skip("no /proc on this system")

def test_fine():
    pass
"""


@pytest.mark.parametrize(
    ("reason", "package"),
    [
        ("/usr/bin/chromium is missing: apt-get install -y chromium", "chromium"),
        ("redis-server is not installed (apt-get install redis-server)", "redis-server"),
        ("Redis unavailable: no redis-server", "redis-server"),
        ("PostgreSQL unavailable: initdb not found", "postgresql"),
        (
            "tmux is not installed (the terminal test of make shell): apt-get install -y tmux",
            "tmux",
        ),
        ("no /proc on this system", None),
    ],
)
def test_skip_reasons_name_the_dependency(reason: str, package: str | None) -> None:
    found = missing_dependency(reason)
    assert (found.package if found else None) == package


def test_ci_flag() -> None:
    assert in_ci({"CI": "true"}) and in_ci({"CI": "1"})
    assert not in_ci({}) and not in_ci({"CI": "false"}) and not in_ci({"CI": ""})


def test_summary_names_what_and_how() -> None:
    lines = summary_lines(Counter({"chromium": 40, "redis-server": 4}), ci=False)
    assert lines[0] == "44 tests did NOT run because system programs are missing:"
    assert "  Chromium (browser tests): 40 tests" in lines
    assert "  Redis (lock store tests): 4 tests" in lines
    assert "sudo apt-get install -y chromium redis-server" in lines[-2]
    assert "NOT a full pass" in lines[-1]
    assert summary_lines(Counter(), ci=False) == []


def _run(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(ROOT)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "tests.system_deps",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            str(tmp_path / "test_sample.py"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


def test_a_run_without_them_says_so_at_the_end(tmp_path: Path) -> None:
    run = _run(tmp_path, ci=None)
    assert run.returncode == 0, run.stdout
    tail = run.stdout[run.stdout.index("missing system dependencies") :]
    assert "2 tests did NOT run because system programs are missing:" in tail
    assert "Chromium (browser tests): 1 test\n" in tail
    assert "sudo apt-get install -y chromium redis-server" in tail
    assert "1 passed, 3 skipped" in tail


def test_under_ci_they_fail(tmp_path: Path) -> None:
    run = _run(tmp_path, ci="true")
    assert run.returncode == 1, run.stdout
    assert "2 failed, 1 passed, 1 skipped" in run.stdout
    assert "They failed because CI is set." in run.stdout
