"""Benchmark of the course store: import time and search latency by catalogue size.

Usage::

    python -m bench.store_bench [--sizes 10000 100000] [--profiles 200] [--json PATH]

For the real catalogue and for synthetic catalogues of each size (built from the
real rows with new ids and varied numbers, written as CSV to a temporary folder),
it imports the CSV into a fresh temporary SQLite database, then runs a fixed mix
of learner profiles through :func:`actions.store.search.recommend` and reports
median and 95th-percentile latency. Nothing is asserted: it prints a table (and
saves JSON with ``--json``).
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy.orm import Session

from actions.store.db import dispose_engines, get_engine
from actions.store.importer import COLUMNS, DEFAULT_CATALOGUE, import_catalogue
from actions.store.models import DELIVERIES, LEVELS
from actions.store.search import GOALS, LearnerProfile, recommend, subject_ids

DEFAULT_SIZES = (10_000, 100_000)
SEED = 20221129


@dataclass
class Result:
    catalogue: str
    courses: int
    import_s: float
    profiles: int
    search_p50_ms: float
    search_p95_ms: float
    search_max_ms: float
    subject_p95_ms: float  # searches with a subject (the bot always has one)
    no_subject_p95_ms: float  # searches over the whole catalogue (candidate pool)
    relaxed_share: float  # share of searches that had to relax a wish


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _vary(value: str, rng: random.Random, low: float, high: float, digits: int = 0) -> str:
    if not value:
        return value
    number = float(value) * rng.uniform(low, high)
    number = round(number, digits) if digits else round(number)
    return f"{max(number, 1 if not digits else 0.01):g}"


def synthetic_rows(
    real: Sequence[dict[str, str]], size: int, seed: int = SEED
) -> list[dict[str, str]]:
    """``size`` rows derived from the real ones: new ids, varied length, hours and price."""
    rng = random.Random(seed)
    rows = []
    for i in range(size):
        base = real[i % len(real)]
        row = dict(base)
        row["id"] = f"{base['id'][:180]}-s{i}"
        row["duration_weeks"] = _vary(base["duration_weeks"], rng, 0.5, 2.0)
        row["hours_per_week"] = _vary(base["hours_per_week"], rng, 0.6, 1.6)
        weeks, hours = row["duration_weeks"], row["hours_per_week"]
        row["hours_total"] = (
            f"{float(weeks) * float(hours):g}" if weeks and hours else base["hours_total"]
        )
        if base["price"] and base["price_model"] != "free":
            row["price"] = _vary(base["price"], rng, 0.6, 1.6, digits=2)
        rows.append(row)
    return rows


def write_csv(path: Path, rows: Sequence[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def profile_mix(count: int, seed: int = SEED) -> list[tuple[LearnerProfile, str]]:
    """A fixed mix of (profile, sort): nine in ten with a subject (the bot always asks
    for one), budgets from £0 to £2,000, some impossible on purpose."""
    rng = random.Random(seed)
    subjects = subject_ids()
    mix = []
    for i in range(count):
        profile = LearnerProfile(
            subject=None if i % 10 == 9 else rng.choice(subjects),
            goal=rng.choice([None, *GOALS]),
            budget_gbp=rng.choice([None, 0, 25, 50, 100, 300, 600, 2000]),
            hours_per_week=rng.choice([None, 1, 2, 4, 6, 10]),
            max_weeks=rng.choice([None, None, 1, 4, 8, 26]),
            level=rng.choice([None, None, None, *LEVELS]),
            credit_wanted=rng.choice([None, None, None, True]),
            delivery=rng.choice([None, None, *DELIVERIES]),
        )
        mix.append((profile, rng.choice(["best", "best", "best", "cheapest", "shortest"])))
    return mix


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def measure(
    name: str,
    csv_path: Path,
    db_path: Path,
    mix: Sequence[tuple[LearnerProfile, str]],
    repeat: int = 3,
) -> Result:
    url = f"sqlite:///{db_path}"
    engine = get_engine(url)
    report = import_catalogue(engine, csv_path)
    timings: list[float] = []
    with_subject: list[float] = []
    without_subject: list[float] = []
    relaxed = 0
    with Session(engine, future=True) as session:
        # Steady state, as in a running action server: one untimed pass first, so every
        # statement shape is compiled and cached and the pages are in the OS cache.
        for profile, sort in mix:
            recommend(session, profile, sort=sort)
        for profile, sort in mix:
            runs = []
            for _ in range(repeat):  # the median of a few runs damps a busy machine's noise
                started = time.perf_counter()
                result = recommend(session, profile, sort=sort)
                runs.append((time.perf_counter() - started) * 1000)
            elapsed = statistics.median(runs)
            timings.append(elapsed)
            (with_subject if profile.subject else without_subject).append(elapsed)
            relaxed += not result.exact
        session.rollback()
    dispose_engines()
    return Result(
        catalogue=name,
        courses=report.rows_valid,
        import_s=round(report.elapsed_s, 3),
        profiles=len(mix),
        search_p50_ms=round(statistics.median(timings), 2),
        search_p95_ms=round(_percentile(timings, 0.95), 2),
        search_max_ms=round(max(timings), 2),
        subject_p95_ms=round(_percentile(with_subject, 0.95), 2) if with_subject else 0.0,
        no_subject_p95_ms=(
            round(_percentile(without_subject, 0.95), 2) if without_subject else 0.0
        ),
        relaxed_share=round(relaxed / len(mix), 2),
    )


def table(results: Sequence[Result]) -> str:
    head = (
        f"{'catalogue':<10} {'courses':>8} {'import s':>9} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'max ms':>7} {'p95 subj':>9} {'p95 no-subj':>12} {'relaxed':>8}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(
            f"{r.catalogue:<10} {r.courses:>8,} {r.import_s:>9.2f} {r.search_p50_ms:>7.2f} "
            f"{r.search_p95_ms:>7.2f} {r.search_max_ms:>7.2f} {r.subject_p95_ms:>9.2f} "
            f"{r.no_subject_p95_ms:>12.2f} {r.relaxed_share:>8.0%}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.store_bench",
        description=(
            "Import time and search latency (p50/p95 over a fixed mix of learner profiles) "
            "for the real catalogue and synthetic catalogues, on temporary SQLite databases."
        ),
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=list(DEFAULT_SIZES),
        help="synthetic catalogue sizes (default: 10000 100000; none: real catalogue only)",
    )
    parser.add_argument("--profiles", type=int, default=200, help="profiles per catalogue")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per profile; its median is kept (default 3)"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also save results as JSON")
    args = parser.parse_args(argv)

    real = read_rows(DEFAULT_CATALOGUE)
    mix = profile_mix(args.profiles)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        folder = Path(tmp)
        print(f"Real catalogue: {len(real):,} courses; {len(mix)} profiles", flush=True)
        results.append(measure("real", DEFAULT_CATALOGUE, folder / "real.db", mix, args.repeat))
        for size in args.sizes:
            path = folder / f"synthetic-{size}.csv"
            write_csv(path, synthetic_rows(real, size))
            print(f"Synthetic catalogue: {size:,} courses", flush=True)
            results.append(measure("synthetic", path, folder / f"s{size}.db", mix, args.repeat))
    print()
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload: dict[str, Any] = {
            "python": platform.python_version(),
            "sqlalchemy": sqlalchemy.__version__,
            "sqlite": sqlite3.sqlite_version,
            "machine": platform.machine(),
            "profiles": args.profiles,
            "repeat": args.repeat,
            "results": [asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"\nSaved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
