"""Benchmark of the course store: import time and search latency by catalogue size.

Usage::

    python -m bench.store_bench [--sizes 10000 100000] [--profiles 200]
                                [--backends sqlite postgres] [--json PATH]

For the real catalogue and for synthetic catalogues of each size (built from the
real rows with new ids and varied numbers, written as CSV to a temporary folder),
it imports the CSV into a fresh temporary database (SQLite, and a throwaway
PostgreSQL when it can start), then runs a fixed mix of learner profiles through
:func:`actions.store.search.recommend` and reports median and 95th-percentile
latency, overall and for searches with a topic (full-text). Topics are words and
word pairs of catalogue titles, some misspelt and some absent, drawn with a fixed
seed. Nothing is asserted: it prints a table (and saves JSON with ``--json``).
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

from actions.store.catalogue_check import COLUMNS
from actions.store.db import dispose_engines, get_engine
from actions.store.importer import DEFAULT_CATALOGUE, import_catalogue
from actions.store.models import DELIVERIES, LEVELS
from actions.store.search import GOALS, LearnerProfile, recommend, subject_ids
from actions.store.topics import topic_vocabulary, words
from bench.throughput import ThrowawayPostgres

DEFAULT_SIZES = (10_000, 100_000)
SEED = 20221129


@dataclass
class Result:
    catalogue: str
    backend: str
    courses: int
    import_s: float
    profiles: int
    search_p50_ms: float
    search_p95_ms: float
    search_max_ms: float
    subject_p95_ms: float  # searches with a subject (the bot always has one)
    no_subject_p95_ms: float  # searches over the whole catalogue (candidate pool)
    topic_p95_ms: float  # searches with a topic (full-text relevance)
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


def topic_pool(real: Sequence[dict[str, str]], seed: int = SEED) -> list[str]:
    """Topics as learners name them: title words and word pairs, one in ten misspelt
    (two letters swapped) and one in ten absent (letters no title has in that order)."""
    rng = random.Random(seed)
    stop = topic_vocabulary().stopwords
    pool: list[str] = []
    for row in rng.sample(list(real), min(300, len(real))):
        content = [w for w in words(row["title"]) if w not in stop and len(w) > 3]
        if not content:
            continue
        start = rng.randrange(len(content))
        topic = " ".join(content[start : start + rng.choice([1, 1, 2])])
        roll = rng.random()
        if roll < 0.1 and len(topic) > 5:
            i = rng.randrange(1, len(topic) - 2)
            topic = topic[:i] + topic[i + 1] + topic[i] + topic[i + 2 :]
        elif roll < 0.2:
            topic = "".join(rng.choice("qxzjv") for _ in range(7))
        pool.append(topic)
    return pool


def profile_mix(
    count: int, seed: int = SEED, topics: Sequence[str] = ()
) -> list[tuple[LearnerProfile, str]]:
    """A fixed mix of (profile, sort): nine in ten with a subject, budgets from £0 to
    £2,000, some impossible on purpose; with ``topics``, half of them name a topic."""
    rng = random.Random(seed)
    subjects = subject_ids()
    mix = []
    for i in range(count):
        topic = rng.choice(topics) if topics and i % 2 == 0 else None
        profile = LearnerProfile(
            topic=topic,
            # The request around the topic, as a learner writes it: other catalogue words
            # (they rank the courses, see actions.store.relevance).
            context=(
                f"I work in {rng.choice(topics)} and {rng.choice(topics)}, looking for "
                f"{topic}, maybe {rng.choice(topics)} too"
                if topic
                else None
            ),
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
    url: str,
    mix: Sequence[tuple[LearnerProfile, str]],
    repeat: int = 3,
) -> Result:
    engine = get_engine(url)
    report = import_catalogue(engine, csv_path)
    timings: list[float] = []
    with_subject: list[float] = []
    without_subject: list[float] = []
    with_topic: list[float] = []
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
            if profile.topic:
                with_topic.append(elapsed)
            relaxed += not result.exact
        session.rollback()
    dispose_engines()
    return Result(
        catalogue=name,
        backend=engine.dialect.name,
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
        topic_p95_ms=round(_percentile(with_topic, 0.95), 2) if with_topic else 0.0,
        relaxed_share=round(relaxed / len(mix), 2),
    )


def table(results: Sequence[Result]) -> str:
    head = (
        f"{'catalogue':<10} {'database':<10} {'courses':>8} {'import s':>9} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'max ms':>7} {'p95 subj':>9} {'p95 no-subj':>12} {'p95 topic':>10} "
        f"{'relaxed':>8}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(
            f"{r.catalogue:<10} {r.backend:<10} {r.courses:>8,} {r.import_s:>9.2f} "
            f"{r.search_p50_ms:>7.2f} {r.search_p95_ms:>7.2f} {r.search_max_ms:>7.2f} "
            f"{r.subject_p95_ms:>9.2f} {r.no_subject_p95_ms:>12.2f} {r.topic_p95_ms:>10.2f} "
            f"{r.relaxed_share:>8.0%}"
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
    parser.add_argument(
        "--backends",
        nargs="+",
        choices=("sqlite", "postgres"),
        default=["sqlite", "postgres"],
        help="databases to measure (default both; PostgreSQL is skipped, with the reason, "
        "when a throwaway server cannot start)",
    )
    args = parser.parse_args(argv)

    real = read_rows(DEFAULT_CATALOGUE)
    mix = profile_mix(args.profiles, topics=topic_pool(real))
    results: list[Result] = []
    notes: list[str] = []
    postgres: ThrowawayPostgres | None = None
    if "postgres" in args.backends:
        postgres = ThrowawayPostgres()
        reason = postgres.start()
        if reason is not None:
            notes.append(f"PostgreSQL skipped: {reason}")
            postgres.stop()
            postgres = None

    def urls(folder: Path, stem: str) -> list[str]:
        found = [f"sqlite:///{folder / (stem + '.db')}"] if "sqlite" in args.backends else []
        if postgres is not None:
            found.append(postgres.create_database().replace("postgresql:", "postgresql+psycopg2:"))
        return found

    try:
        with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
            folder = Path(tmp)
            print(f"Real catalogue: {len(real):,} courses; {len(mix)} profiles", flush=True)
            for url in urls(folder, "real"):
                results.append(measure("real", DEFAULT_CATALOGUE, url, mix, args.repeat))
            for size in args.sizes:
                path = folder / f"synthetic-{size}.csv"
                write_csv(path, synthetic_rows(real, size))
                print(f"Synthetic catalogue: {size:,} courses", flush=True)
                for url in urls(folder, f"s{size}"):
                    results.append(measure("synthetic", path, url, mix, args.repeat))
    finally:
        if postgres is not None:
            postgres.stop()
    print()
    print(table(results))
    for note in notes:
        print(note)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload: dict[str, Any] = {
            "python": platform.python_version(),
            "sqlalchemy": sqlalchemy.__version__,
            "sqlite": sqlite3.sqlite_version,
            "machine": platform.machine(),
            "profiles": args.profiles,
            "repeat": args.repeat,
            "notes": notes,
            "results": [asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"\nSaved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
