"""Tests skipped because a system program is missing are reported loudly, and fail under CI.

A fresh machine without Chromium, redis-server, PostgreSQL or tmux runs ``make test`` with the
browser, Redis, PostgreSQL and terminal tests skipped. That must not read as "passed": the end
of the run names what did not run and the one command that installs it. With ``CI`` set (as CI
services do) such a skip is a failure, so a CI image that lost a package cannot go green.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass

import pytest
from _pytest.terminal import TerminalReporter


@dataclass(frozen=True)
class SystemDependency:
    name: str
    package: str  # the Debian package that provides it
    reason: re.Pattern[str]  # how the tests' skip reasons name it


DEPENDENCIES = (
    SystemDependency("Chromium (browser tests)", "chromium", re.compile(r"chromium", re.I)),
    SystemDependency("Redis (lock store tests)", "redis-server", re.compile(r"\bredis", re.I)),
    SystemDependency("PostgreSQL (store tests)", "postgresql", re.compile(r"postgresql", re.I)),
    SystemDependency("tmux (terminal test of make shell)", "tmux", re.compile(r"\btmux\b", re.I)),
)
_MISSING: Counter[str] = Counter()


def in_ci(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    return environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def missing_dependency(reason: str) -> SystemDependency | None:
    """The system dependency a skip reason says is missing, if any."""
    return next((dep for dep in DEPENDENCIES if dep.reason.search(reason)), None)


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr or "")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    dependency = missing_dependency(_skip_reason(report))
    if dependency is None:
        return
    _MISSING[dependency.package] += 1
    if in_ci():
        report.outcome = "failed"
        report.longrepr = (
            f"{_skip_reason(report)}\nCI is set, so a missing system dependency fails the test: "
            f"install it with: apt-get install -y {dependency.package}"
        )


def summary_lines(missing: Counter[str], ci: bool) -> list[str]:
    """The end-of-run notice for tests that did not run for want of system programs."""
    if not missing:
        return []
    by_package = {dep.package: dep for dep in DEPENDENCIES}
    total = sum(missing.values())
    lines = [f"{total} tests did NOT run because system programs are missing:"]
    lines += [
        f"  {by_package[pkg].name}: {count} test{'' if count == 1 else 's'}"
        for pkg, count in sorted(missing.items())
    ]
    packages = " ".join(sorted(missing))
    lines.append(f"Install them with: sudo apt-get install -y {packages}   (or run .ci/run)")
    lines.append(
        "They failed because CI is set." if ci else "This run is NOT a full pass until they run."
    )
    return lines


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    lines = summary_lines(_MISSING, in_ci())
    if not lines:
        return
    terminalreporter.section("missing system dependencies", sep="!", red=True, bold=True)
    for line in lines:
        terminalreporter.write_line(line, red=True, bold=True)
