"""Memory of running servers (from /proc) and training time and model size of our assistant.

Memory: the resident set size (``VmRSS``) and its peak (``VmHWM``) from ``/proc/<pid>/status``,
summed over a server process and all its descendants (Linux only; elsewhere the numbers are
None). Training: ``rasa train`` (full) and ``rasa train nlu`` (NLU only) of our assistant into a
temporary folder with ``--force`` and an empty temporary cache, so nothing is reused.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.latency import RASA, ROOT, server_env

PROC = Path("/proc")

# --------------------------------------------------------------------------- memory


def parse_status(text: str) -> dict[str, int]:
    """The ``kB`` fields of a /proc/<pid>/status text, in kB (e.g. {"VmRSS": 123456})."""
    fields: dict[str, int] = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB" and parts[0].isdigit():
            fields[key.strip()] = int(parts[0])
    return fields


def parse_ppid(stat_text: str) -> int | None:
    """The parent pid from a /proc/<pid>/stat text (the command may contain spaces and
    parentheses, so read after the last ')')."""
    _, paren, rest = stat_text.rpartition(")")
    parts = rest.split()
    if not paren or len(parts) < 2:
        return None
    try:
        return int(parts[1])
    except ValueError:
        return None


def descendants(pid: int, parents: Mapping[int, int]) -> list[int]:
    """Every descendant of ``pid`` given a {child: parent} map, breadth first."""
    children: dict[int, list[int]] = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    found: list[int] = []
    queue = [pid]
    while queue:
        current = queue.pop(0)
        for child in sorted(children.get(current, [])):
            if child not in found and child != pid:
                found.append(child)
                queue.append(child)
    return found


def _parent_map(proc: Path = PROC) -> dict[int, int]:
    parents: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = parse_ppid((entry / "stat").read_text())
        except OSError:
            continue
        if ppid is not None:
            parents[int(entry.name)] = ppid
    return parents


@dataclass(frozen=True)
class Memory:
    """Memory of a process tree in MB (1 MB = 1024 * 1024 bytes)."""

    processes: int
    rss_mb: float
    peak_rss_mb: float


def sum_memory(statuses: Iterable[Mapping[str, int]]) -> Memory:
    """Add up parsed status files (kB) into MB."""
    rss = peak = count = 0
    for status in statuses:
        count += 1
        rss += status.get("VmRSS", 0)
        peak += status.get("VmHWM", status.get("VmRSS", 0))
    return Memory(count, round(rss / 1024, 1), round(peak / 1024, 1))


def tree_memory(pid: int, proc: Path = PROC) -> Memory | None:
    """RSS and peak RSS of ``pid`` and its descendants; None when it is gone or there is no
    /proc."""
    if not (proc / str(pid) / "status").exists():
        return None
    pids = [pid, *descendants(pid, _parent_map(proc))]
    statuses: list[dict[str, int]] = []
    for each in pids:
        try:
            statuses.append(parse_status((proc / str(each) / "status").read_text()))
        except OSError:
            continue
    return sum_memory(statuses) if statuses else None


# --------------------------------------------------------------------------- training

TRAINING_DATA: tuple[str, ...] = ("data/nlu", "data/rules")


@dataclass(frozen=True)
class Training:
    kind: str  # "full" or "nlu"
    seconds: float | None
    model_mb: float | None
    ok: bool
    error: str = ""


def training_command(
    kind: str, out: Path, config: str = "config.yml", name: str | None = None
) -> list[str]:
    """The ``rasa train`` command line for our data (run from the repository root); the model
    is ``<out>/<name>.tar.gz`` (default ``bench-full`` or ``bench-nlu``)."""
    if kind == "full":
        return [
            RASA,
            "train",
            "--data",
            *TRAINING_DATA,
            "--domain",
            "domain.yml",
            "--config",
            config,
            "--out",
            str(out),
            "--fixed-model-name",
            name or "bench-full",
            "--force",
        ]
    if kind == "nlu":
        return [
            RASA,
            "train",
            "nlu",
            "--nlu",
            "data/nlu",
            "--domain",
            "domain.yml",
            "--config",
            config,
            "--out",
            str(out),
            "--fixed-model-name",
            name or "bench-nlu",
        ]
    raise ValueError(f"unknown training kind {kind!r} (full or nlu)")


def time_training(kind: str, folder: Path, timeout_s: float = 3600) -> Training:
    """Train our assistant into ``folder`` with an empty cache; seconds and model size.

    ``rasa train nlu`` has no ``--force`` in Rasa 3.6: the empty cache directory has the same
    effect (nothing to reuse)."""
    out = folder / f"models-{kind}"
    log = folder / f"train-{kind}.log"
    env = server_env(
        RASA_CACHE_DIRECTORY=str(folder / f"cache-{kind}"),
        ACTION_SERVER_URL="http://127.0.0.1:1/webhook",
        TRACKER_STORE_URL=f"sqlite:///{folder / 'unused-tracker.db'}",
    )
    started = time.perf_counter()
    try:
        with log.open("wb") as handle:
            done = subprocess.run(
                training_command(kind, out),
                cwd=ROOT,
                stdout=handle,
                stderr=subprocess.STDOUT,
                env=env,
                timeout=timeout_s,
                check=False,
            )
    except subprocess.TimeoutExpired:
        return Training(kind, None, None, False, f"timed out after {timeout_s:.0f}s")
    seconds = round(time.perf_counter() - started, 1)
    archives = sorted(out.glob("*.tar.gz"))
    if done.returncode != 0 or not archives:
        tail = log.read_text(errors="replace")[-1500:]
        return Training(kind, seconds, None, False, f"exit {done.returncode}: {tail}")
    size = round(archives[-1].stat().st_size / 1024 / 1024, 1)
    return Training(kind, seconds, size, True)


def file_mb(path: Path) -> float | None:
    try:
        return round(path.stat().st_size / 1024 / 1024, 1)
    except OSError:
        return None


def memory_rows(named: Sequence[tuple[str, int]]) -> dict[str, Memory | None]:
    """Memory of several servers by name, measured now."""
    return {name: tree_memory(pid) for name, pid in named}
