"""The plain ``rasa init`` assistant: the baseline the benchmark compares us with.

``rasa init --no-prompt --init-dir DIR`` writes Rasa's default project (greet/mood/goodbye data,
a config with no pipeline or policies, so Rasa's defaults are used) and trains it with those
defaults: all offline. Its server runs with the project's own ``endpoints.yml`` (in-memory
tracker and lock stores: one default Rasa process) and ``credentials.yml`` (REST channel on).
Its custom-action server is never needed: its stories use responses only.

A built project can be kept in a cache folder (keyed by the Rasa version) so that
``bench.run_all --quick`` need not retrain it; the full run always builds it afresh.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from bench.latency import RASA, server_env


@dataclass(frozen=True)
class PlainAssistant:
    folder: Path
    model: Path
    build_s: float | None  # `rasa init` including training; None when reused from the cache
    cached: bool = False


def find_model(folder: Path) -> Path:
    """The newest model archive in ``folder/models``; FileNotFoundError when there is none."""
    archives = sorted((folder / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not archives:
        raise FileNotFoundError(f"no trained model in {folder / 'models'}")
    return archives[-1]


def build(folder: Path, log: Path, timeout_s: float = 3600) -> PlainAssistant:
    """Run ``rasa init --no-prompt`` into ``folder`` (created; must be empty) and train it."""
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with log.open("wb") as handle:
        done = subprocess.run(
            [RASA, "init", "--no-prompt", "--init-dir", str(folder)],
            cwd=folder,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env=server_env(RASA_CACHE_DIRECTORY=str(folder / ".rasa" / "cache")),
            timeout=timeout_s,
            check=False,
        )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"rasa init failed (exit {done.returncode}):\n{tail}")
    return PlainAssistant(folder, find_model(folder), round(seconds, 1))


def cache_folder(cache_root: Path) -> Path:
    """Where a built plain project is kept for this Rasa version."""
    return cache_root / f"plain-rasa-{metadata.version('rasa')}"


def from_cache(cache_root: Path) -> PlainAssistant | None:
    """A previously built project for this Rasa version, or None."""
    folder = cache_folder(cache_root)
    try:
        return PlainAssistant(folder, find_model(folder), None, cached=True)
    except FileNotFoundError:
        return None


def save_to_cache(plain: PlainAssistant, cache_root: Path) -> None:
    """Copy a freshly built project into the cache (replacing an older copy)."""
    target = cache_folder(cache_root)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(plain.folder, target, ignore=shutil.ignore_patterns(".rasa"))
