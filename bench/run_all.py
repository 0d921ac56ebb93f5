"""Every benchmark in one run, side by side, with the targets: ``make bench``.

Usage::

    python -m bench.run_all [--quick] [--json bench/results/latest.json] [--skip SECTION ...]

Sections (each prints a table; a summary table marks every target MET or NOT MET):

1. latency    reply latency through the REST channel, p50/p95, one conversation at a time and
              10 at once: our assistant (real action server and Rasa server, a temporary copy
              of the course store) next to the plain ``rasa init`` assistant, interleaved
2. throughput replies per second with 10 conversations at once: one Rasa process, N Rasa
              processes (round-robin, shared SQL tracker store, Redis lock store), and one
              default Rasa process (the plain assistant)
3. nlu        intent macro-F1 and slot exact-match on tests/nlu/heldout.yml: our pipeline and
              Rasa's default pipeline trained on the same data
4. training   full and NLU-only training time of our assistant, model size
   memory     RSS of the Rasa and action servers after the journeys
5. store      course search latency at 1.6k, 10k and 100k courses (bench.store_bench), and
              the tracker store per message: Rasa's SQLTrackerStore next to ours
              (bench.tracker_store_bench)

Everything runs in a temporary folder on free localhost ports; nothing in the repository
changes except the JSON file and a cache under bench/results/cache (the plain assistant and
the default-pipeline model, reused by --quick). Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = ROOT / "bench" / "results" / "latest.json"
DEFAULT_CACHE = ROOT / "bench" / "results" / "cache"
DEFAULT_MODEL = ROOT / "models" / "course-advisor.tar.gz"
SECTIONS: tuple[str, ...] = ("latency", "throughput", "memory", "nlu", "training", "store")
SERVER_SECTIONS = frozenset({"latency", "throughput", "memory"})
NO_SLOT_NOTE = (
    "{share:.1%} of the test messages state no slot: a model that never fills one scores that "
    "on slot exact-match. The default pipeline has no ProfileEntityExtractor and our training "
    "data has no entity annotations, so its DIET has no entities to learn."
)

# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    """How much to measure. ``quick`` skips training and the 100k store size."""

    quick: bool
    warmup_conversations: int
    seq_rounds: int
    seq_conversations: int  # per round and target, one at a time
    load_rounds: int
    load_conversations: int  # per round and target, `concurrency` at a time
    concurrency: int
    processes: int
    store_args: tuple[str, ...]
    nlu_seeds: int = 1  # trainings of each NLU pipeline (ours with seeds; default as is)


def settings_for(
    quick: bool,
    rounds: int | None = None,
    load_rounds: int | None = None,
    concurrency: int = 10,
    processes: int = 2,
) -> Settings:
    if quick:
        return Settings(
            quick=True,
            warmup_conversations=1,
            seq_rounds=rounds or 3,
            seq_conversations=2,
            load_rounds=load_rounds or 2,
            load_conversations=max(concurrency, 10),
            concurrency=concurrency,
            processes=processes,
            store_args=("--sizes", "10000", "--profiles", "100", "--repeat", "1"),
        )
    return Settings(
        quick=False,
        warmup_conversations=3,
        seq_rounds=rounds or 8,
        seq_conversations=3,
        load_rounds=load_rounds or 5,
        load_conversations=max(3 * concurrency, 10),
        concurrency=concurrency,
        processes=processes,
        store_args=(),
    )


# --------------------------------------------------------------------------- formatting


def fmt(value: Any, digits: int = 1, suffix: str = "") -> str:
    """A table cell: "-" for None, numbers with ``digits`` decimals, text as is."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}{suffix}"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{suffix}"
    return f"{value}{suffix}"


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str | None = None
) -> str:
    """A plain-text table. ``align`` has one letter per column, "l" or "r"; by default the
    first column is left-aligned and the others right-aligned. Cells that are not strings go
    through `fmt`."""
    cells = [[str(h) for h in headers]] + [
        [c if isinstance(c, str) else fmt(c) for c in row] for row in rows
    ]
    for row in cells:
        if len(row) != len(headers):
            raise ValueError(f"row {row} has {len(row)} cells, expected {len(headers)}")
    align = align or "l" + "r" * (len(headers) - 1)
    if len(align) != len(headers) or set(align) - {"l", "r"}:
        raise ValueError(f"align {align!r} must have one 'l' or 'r' per column")
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        parts = [
            cell.ljust(widths[i]) if align[i] == "l" else cell.rjust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def section(title: str, body: str, notes: Sequence[str] = ()) -> str:
    out = [f"== {title} ==", body]
    out += [f"  * {note}" for note in notes]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- targets

MET, NOT_MET, NOT_MEASURED = "MET", "NOT MET", "NOT MEASURED"


@dataclass(frozen=True)
class TargetCheck:
    name: str
    goal: str
    measured: str
    status: str
    margin: str = ""  # by how much it is missed (or met)


def assess(value: float | None, limit: float | None, op: str) -> str:
    """MET when ``value op limit`` holds (op is "<=" or ">="); NOT MEASURED when unknown."""
    if value is None or limit is None:
        return NOT_MEASURED
    if op == "<=":
        return MET if value <= limit else NOT_MET
    if op == ">=":
        return MET if value >= limit else NOT_MET
    raise ValueError(f"unknown comparison {op!r}")


def margin(value: float | None, limit: float | None, op: str) -> str:
    """How far ``value`` is from ``limit``, as a percentage of the limit, signed so that a
    miss reads "misses by 23%" and a pass "with 40% to spare"."""
    if value is None or limit is None or limit == 0:
        return ""
    gap = (value - limit) / abs(limit) if op == "<=" else (limit - value) / abs(limit)
    shown = f"{abs(gap):.1%}" if abs(gap) < 0.1 else f"{abs(gap):.0%}"
    return f"misses by {shown}" if gap > 0 else f"{shown} to spare"


def check(
    name: str, goal: str, value: float | None, limit: float | None, op: str, shown: str
) -> TargetCheck:
    status = assess(value, limit, op)
    return TargetCheck(
        name,
        goal,
        shown if value is not None else "-",
        status,
        margin(value, limit, op) if status != NOT_MEASURED else "",
    )


def _get(data: Mapping[str, Any], *path: str) -> Any:
    current: Any = data
    for key in path:
        if not isinstance(current, Mapping) or key not in current:
            return None
        current = current[key]
    return current


def target_checks(results: Mapping[str, Any]) -> list[TargetCheck]:
    """The issue's targets against the measured results (the JSON payload's sections)."""
    checks: list[TargetCheck] = []

    seq_ratio = _get(results, "latency", "ratios", "seq_p50")
    checks.append(
        check(
            "Sequential reply p50, ours/plain",
            "<= 1.0",
            seq_ratio,
            1.0,
            "<=",
            f"{fmt(seq_ratio, 2)} ({fmt(_get(results, 'latency', 'ours', 'sequential', 'p50_ms'))} "
            f"vs {fmt(_get(results, 'latency', 'plain', 'sequential', 'p50_ms'))} ms)",
        )
    )

    rows = _get(results, "throughput", "rows") or []
    ours = [r for r in rows if r.get("name", "").startswith("ours") and r.get("vs_plain")]
    best = max(ours, key=lambda r: r["vs_plain"], default=None)
    checks.append(
        check(
            "Throughput x10, ours vs 1 default Rasa",
            ">= 1.5x",
            best["vs_plain"] if best else None,
            1.5,
            ">=",
            f"{fmt(best['vs_plain'], 2)}x ({best['name']}, {fmt(best['replies_per_s'])}/s)"
            if best
            else "-",
        )
    )

    scaled = [r for r in ours if r.get("processes", 1) > 1 and r.get("vs_ours_1")]
    if scaled:
        top = max(scaled, key=lambda r: r["vs_ours_1"])
        checks.append(check(
            "(other reading) scale-out, ours N procs vs 1", ">= 1.5x", top["vs_ours_1"], 1.5,
            ">=", f"{fmt(top['vs_ours_1'], 2)}x ({top['name']})",
        ))  # fmt: skip

    full = _get(results, "training", "full", "seconds")
    checks.append(check("Full training time", "<= 180 s", full, 180.0, "<=", f"{fmt(full)} s"))

    rss = _get(results, "memory", "after_load", "ours-rasa", "rss_mb")
    checks.append(
        check("Rasa server RSS (ours)", "<= 1024 MB", rss, 1024.0, "<=", f"{fmt(rss, 0)} MB")
    )

    p95 = _store_p95_at(results, 100_000)
    checks.append(
        check("Course search p95 at 100k", "<= 10 ms", p95, 10.0, "<=", f"{fmt(p95, 2)} ms")
    )
    for backend, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL")):
        p95 = _store_p95_at(results, 100_000, "topic_p95_ms", backend)
        if p95 is not None:
            checks.append(
                check(
                    f"Topic search p95 at 100k, {label}",
                    "<= 10 ms",
                    p95,
                    10.0,
                    "<=",
                    f"{fmt(p95, 2)} ms",
                )
            )

    for key, label in (
        ("intent_macro_f1", "intent macro-F1"),
        ("slot_exact_match", "slot exact-match"),
    ):
        ours_v = _get(results, "nlu", "ours", key)
        default_v = _get(results, "nlu", "default", key)
        shown = f"{fmt(ours_v, 3)} vs {fmt(default_v, 3)}"
        ours_mean = _get(results, "nlu", "ours_spread", key)
        default_mean = _get(results, "nlu", "default_spread", key)
        if ours_mean is not None and default_mean is not None:
            runs = _get(results, "nlu", "ours_spread", "runs")
            ours_v, default_v = ours_mean, default_mean
            shown = f"means of {runs}: {fmt(ours_v, 3)} vs {fmt(default_v, 3)}"
        checks.append(
            check(f"NLU {label}, ours vs default", ">= default", ours_v, default_v, ">=", shown)
        )
    return checks


def _store_p95_at(
    results: Mapping[str, Any],
    size: int,
    column: str = "subject_p95_ms",
    backend: str = "sqlite",
) -> float | None:
    """A p95 column (default: searches with a subject, as in bench/README.md's target) on
    the synthetic catalogue of ``size`` courses in ``backend`` (rows without a backend
    are SQLite)."""
    for row in _get(results, "store", "results") or []:
        if (
            row.get("catalogue") == "synthetic"
            and int(row.get("courses", 0)) == size
            and row.get("backend", "sqlite") == backend
        ):
            value = row.get(column)
            return float(value) if value is not None else None
    return None


def summary_table(checks: Sequence[TargetCheck]) -> str:
    return format_table(
        ["target", "goal", "measured", "status", ""],
        [[c.name, c.goal, c.measured, c.status, c.margin] for c in checks],
        align="llrll",
    )


# --------------------------------------------------------------------------- machine facts


def cpu_model(cpuinfo: str) -> str:
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("model name", "Model", "Hardware") and value.strip():
            return value.strip()
    return platform.processor() or "unknown"


def mem_total_gb(meminfo: str) -> float | None:
    for line in meminfo.splitlines():
        if line.startswith("MemTotal:"):
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                return round(int(parts[1]) / 1024 / 1024, 1)
    return None


def _read(path: str) -> str:
    try:
        return Path(path).read_text(errors="replace")
    except OSError:
        return ""


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def machine_facts() -> dict[str, Any]:
    versions: dict[str, str | None] = {}
    for package in ("rasa", "rasa-sdk", "tensorflow", "spacy", "SQLAlchemy", "sanic", "httpx"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    usable: int | None
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "cpu_model": cpu_model(_read("/proc/cpuinfo")),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "memory_gb": mem_total_gb(_read("/proc/meminfo")),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
        "redis_server": shutil.which("redis-server"),
    }


def machine_table(facts: Mapping[str, Any], load_start: Any, load_end: Any) -> str:
    versions = facts.get("versions") or {}
    rows = [
        ["CPU", str(facts.get("cpu_model"))],
        ["cores (usable)", f"{facts.get('cores')} ({facts.get('usable_cores')})"],
        ["memory", f"{fmt(facts.get('memory_gb'))} GB"],
        ["platform", str(facts.get("platform"))],
        ["python", str(facts.get("python"))],
        ["rasa / rasa-sdk", f"{versions.get('rasa')} / {versions.get('rasa-sdk')}"],
        ["tensorflow / spacy", f"{versions.get('tensorflow')} / {versions.get('spacy')}"],
        ["load average at start (1/5/15 min)", _load(load_start)],
        ["load average at end (1/5/15 min)", _load(load_end)],
    ]
    return format_table(["fact", "value"], rows, align="ll")


def _load(values: Any) -> str:
    return " ".join(f"{v:.2f}" for v in values) if values else "-"


# --------------------------------------------------------------------------- JSON


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


# --------------------------------------------------------------------------- the run


@dataclass
class Run:
    settings: Settings
    folder: Path
    cache: Path
    model: Path
    cluster_tracker: str
    skip: frozenset[str]
    results: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    durations: dict[str, float] = field(default_factory=dict)

    def note(self, section_name: str, text: str) -> None:
        self.notes.setdefault(section_name, []).append(text)
        say(f"  note: {text}")

    def wants(self, name: str) -> bool:
        return name not in self.skip


def say(text: str) -> None:
    print(text, flush=True)


def timed(run: Run, name: str, work: Callable[[], None]) -> None:
    """Run one section; a failure is recorded and the other sections still run."""
    say(f"\n--> {name}")
    started = time.perf_counter()
    try:
        work()
    except Exception as error:  # a broken section must not lose the others' numbers
        run.results.setdefault("errors", {})[name] = f"{type(error).__name__}: {error}"[:4000]
        run.note(name, f"FAILED: {type(error).__name__}: {str(error)[:500]}")
        traceback.print_exc()
    run.durations[name] = round(time.perf_counter() - started, 1)


def get_plain(run: Run) -> Any:
    from bench import plain_rasa

    if run.settings.quick:
        cached = plain_rasa.from_cache(run.cache)
        if cached is not None:
            run.note("latency", f"plain assistant reused from {cached.folder} (--quick)")
            return cached
    say("  building the plain assistant: rasa init --no-prompt (trains it; about a minute)")
    plain = plain_rasa.build(run.folder / "plain", run.folder / "rasa-init.log")
    say(f"  rasa init took {plain.build_s:.0f}s")
    try:
        plain_rasa.save_to_cache(plain, run.cache)
    except OSError as error:
        run.note("latency", f"could not cache the plain assistant: {error}")
    return plain


def servers_section(run: Run) -> None:
    """Latency, throughput and memory: every server up at once, measurements interleaved."""
    from bench import latency as lat
    from bench import resources, throughput

    s = run.settings
    plain = get_plain(run)
    run.results["plain_assistant"] = {
        "folder": str(plain.folder),
        "model": str(plain.model),
        "rasa_init_s": plain.build_s,
        "cached": plain.cached,
    }
    say("  importing a temporary course store")
    db_url = lat.import_store(run.folder)
    started: list[Any] = []
    clusters: list[tuple[str, Any]] = []
    try:
        actions = lat.launch_action_server(run.folder, db_url)
        ours = lat.launch_rasa_server(
            "ours",
            run.folder,
            run.model,
            env=lat.our_rasa_env(actions.url, f"sqlite:///{run.folder / 'tracker-ours.db'}"),
        )
        plain_server = lat.launch_rasa_server(
            "plain", run.folder, plain.model, cwd=plain.folder, endpoints="endpoints.yml"
        )
        started += [actions, ours, plain_server]
        say("  starting the action server, our Rasa server and the plain Rasa server")
        lat.start_all([(actions, "/health"), (ours, "/"), (plain_server, "/")])
        run.results["startup_s"] = {srv.name: srv.started_s for srv in started}

        targets = [
            lat.Target("ours", (ours.url,), lat.our_journey),
            lat.Target("plain", (plain_server.url,), lat.plain_journey),
        ]
        say("  warming up (untimed journeys on every target)")
        warm_errors = lat.warm_up(targets, s.warmup_conversations)
        for name, errors in warm_errors.items():
            if errors:
                run.note("latency", f"{errors} failed replies while warming up {name}")
        memory_named = [
            ("ours-rasa", ours.pid),
            ("ours-actions", actions.pid),
            ("plain-rasa", plain_server.pid),
        ]
        run.results.setdefault("memory", {})["after_warmup"] = resources.memory_rows(memory_named)

        pair = targets[:2]
        seq: dict[str, list[Any]] = {}
        parse: dict[str, list[float]] = {}
        if run.wants("latency"):
            say(
                f"  sequential: {s.seq_rounds} rounds x {s.seq_conversations} journeys, "
                "ours and plain alternating"
            )
            seq = lat.interleaved(pair, s.seq_rounds, s.seq_conversations, 1, say)
            say("  NLU alone: POST /model/parse of every journey message, alternating")
            parse = lat.parse_latency(pair, s.seq_rounds)
        # The scale-out processes start only now: idle servers (and PostgreSQL, Redis) on the
        # same two cores would add scheduler noise to the sequential latencies above.
        if run.wants("throughput"):
            reason = throughput.redis_missing_reason()
            if reason:
                run.note("throughput", f"scale-out rows skipped: {reason}")
            else:
                for tracker in cluster_trackers(run.cluster_tracker):
                    name = f"ours-{s.processes}proc" + (f"-{tracker}" if tracker != "auto" else "")
                    say(
                        f"  starting {s.processes} more Rasa processes with Redis and a shared "
                        f"tracker store ({tracker})"
                    )
                    notes: list[str] = []
                    try:
                        cluster = throughput.launch_cluster(
                            run.folder, run.model, actions.url, s.processes, tracker, notes
                        )
                    except RuntimeError as error:
                        run.note("throughput", f"{name} row skipped: {str(error)[:300]}")
                        continue
                    finally:
                        for text in notes:
                            run.note("throughput", text)
                    clusters.append((name, cluster))
                    target = lat.Target(name, cluster.urls, lat.our_journey)
                    targets.append(target)
                    say(f"  warming up {name}")
                    errors = lat.warm_up([target], s.warmup_conversations)[name]
                    if errors:
                        run.note("throughput", f"{errors} failed replies warming up {name}")
                    cluster_memory = [
                        (f"{name}-rasa-{i + 1}", srv.pid) for i, srv in enumerate(cluster.servers)
                    ]
                    memory_named += cluster_memory
                    run.results["memory"]["after_warmup"].update(
                        resources.memory_rows(cluster_memory)
                    )
        load: dict[str, list[Any]] = {}
        if run.wants("latency") or run.wants("throughput"):
            load_targets = targets if run.wants("throughput") else pair
            say(
                f"  {s.concurrency} at once: {s.load_rounds} rounds x {s.load_conversations} "
                f"journeys per target, order rotating"
            )
            load = lat.interleaved(
                load_targets, s.load_rounds, s.load_conversations, s.concurrency, say
            )
        run.results["memory"]["after_load"] = resources.memory_rows(memory_named)

        if run.wants("latency"):
            run.results["latency"] = latency_results(seq, load, s, parse)
        if run.wants("throughput"):
            plain_rps = lat.median([b.replies_per_s for b in load["plain"]])
            ours_rps = lat.median([b.replies_per_s for b in load["ours"]])
            rows = [
                throughput.throughput_row("plain (rasa init)", 1, load["plain"], plain_rps,
                                          "in-memory tracker and lock"),
                throughput.throughput_row("ours", 1, load["ours"], plain_rps,
                                          "SQLite tracker, in-memory lock", ours_rps),
            ]  # fmt: skip
            for name, cluster in clusters:
                rows.append(throughput.throughput_row(
                    name, s.processes, load[name], plain_rps,
                    f"{cluster.tracker} tracker, Redis lock (atomic)", ours_rps,
                ))  # fmt: skip
            run.results["throughput"] = {
                "rows": rows,
                "errors": {name: lat.first_errors(batches) for name, batches in load.items()},
            }
    finally:
        for _, cluster in clusters:
            cluster.stop()
        for server in reversed(started):
            server.stop()


def latency_results(
    seq: Mapping[str, Sequence[Any]],
    load: Mapping[str, Sequence[Any]],
    s: Settings,
    parse: Mapping[str, Sequence[float]] | None = None,
) -> dict[str, Any]:
    from bench import latency as lat

    out: dict[str, Any] = {"concurrency": s.concurrency}
    for name, labels in (("ours", lat.OUR_STEP_LABELS), ("plain", lat.PLAIN_STEP_LABELS)):
        seq_b, load_b = seq.get(name, []), load.get(name, [])
        out[name] = {
            "sequential": lat.LatencyStats.from_seconds(lat.pooled(seq_b)),
            "concurrent": lat.LatencyStats.from_seconds(lat.pooled(load_b)),
            "errors": sum(b.errors for b in [*seq_b, *load_b]),
            "first_errors": lat.first_errors([*seq_b, *load_b]),
            "by_step_seq_p50_ms": lat.by_step(seq_b, labels),
            "messages_per_journey": len(labels),
            "nlu_parse": lat.LatencyStats.from_seconds(list((parse or {}).get(name, []))),
        }

    def ratio_of(kind: str, stat: str) -> float | None:
        a, b = out["ours"][kind], out["plain"][kind]
        value = lat.ratio(getattr(a, stat, None), getattr(b, stat, None))
        return None if value is None else round(value, 2)

    out["ratios"] = {
        "seq_p50": ratio_of("sequential", "p50_ms"),
        "seq_p95": ratio_of("sequential", "p95_ms"),
        "conc_p50": ratio_of("concurrent", "p50_ms"),
        "conc_p95": ratio_of("concurrent", "p95_ms"),
        "parse_p50": ratio_of("nlu_parse", "p50_ms"),
    }
    return out


def nlu_section(run: Run) -> None:
    from bench import nlu_quality

    say("  scoring our model on the held-out set")
    scores: dict[str, Any] = {"ours": nlu_quality.evaluate(run.model, "ours", run.folder)}
    model = nlu_quality.cached_default_model(run.cache) if run.settings.quick else None
    default_train_s: float | None = None
    if model is not None:
        run.note("nlu", f"default-pipeline model reused from the cache ({model.name}, --quick)")
    elif run.settings.quick:
        run.note(
            "nlu",
            "default pipeline not trained under --quick and none cached: run "
            "the full benchmark once to cache it",
        )
    else:
        say("  training Rasa's default NLU pipeline on the same data (several minutes)")
        model, default_train_s = nlu_quality.train_default(run.folder)
        try:
            nlu_quality.save_default_model(model, run.cache)
        except OSError as error:
            run.note("nlu", f"could not cache the default model: {error}")
    if model is not None:
        say("  scoring the default pipeline")
        scores["default"] = nlu_quality.evaluate(model, "default", run.folder)
    scores["default_nlu_training_s"] = default_train_s
    seeds = run.settings.nlu_seeds
    if seeds > 1 and "default" in scores:
        ours_runs = [scores["ours"]]
        default_runs = [scores["default"]]
        for i in range(1, seeds):
            say(f"  training and scoring our pipeline again, seed {i} ({i}/{seeds - 1})")
            ours_model, _ = nlu_quality.train_ours(run.folder, seed=i)
            ours_runs.append(nlu_quality.evaluate(ours_model, f"ours-seed{i}", run.folder))
            say(f"  training and scoring the default pipeline again ({i}/{seeds - 1})")
            default_model, _ = nlu_quality.train_default(run.folder, run=i)
            default_runs.append(nlu_quality.evaluate(default_model, f"default-{i}", run.folder))
        scores["ours_runs"] = [asdict(r) for r in ours_runs]
        scores["default_runs"] = [asdict(r) for r in default_runs]
        scores["ours_spread"] = nlu_quality.spread(ours_runs)
        scores["default_spread"] = nlu_quality.spread(default_runs)
        run.note(
            "nlu",
            f"--nlu-seeds {seeds}: ours is the shipped model plus {seeds - 1} more trainings "
            f"(seeded where a component takes a seed; ours is deterministic); the default "
            f"pipeline (unseeded) trained {seeds} times; the targets compare the means",
        )
    scores["no_slot_share"] = nlu_quality.no_slot_share()
    run.results["nlu"] = scores


def training_section(run: Run) -> None:
    from bench import resources

    out: dict[str, Any] = {"model_mb": resources.file_mb(run.model)}
    for kind in ("full", "nlu"):
        say(f"  rasa train{' nlu' if kind == 'nlu' else ''} (timed, empty cache, --force)")
        result = resources.time_training(kind, run.folder)
        out[kind] = result
        if not result.ok:
            run.note("training", f"{kind} training failed: {result.error[:300]}")
        else:
            say(f"  {kind}: {result.seconds:.0f}s, model {result.model_mb} MB")
    run.results["training"] = out


def store_section(run: Run) -> None:
    out = run.folder / "store.json"
    command = [
        sys.executable,
        "-m",
        "bench.store_bench",
        "--json",
        str(out),
        *run.settings.store_args,
    ]
    say(f"  {' '.join(command[1:])}")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    (run.folder / "store.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"store_bench failed (exit {done.returncode}): {done.stderr[-1500:]}")
    run.results["store"] = json.loads(out.read_text(encoding="utf-8"))
    if run.settings.quick:
        run.note("store", "--quick: 100k size skipped (and 100 profiles, 1 run each)")

    from bench import tracker_store_bench

    rounds = 2 if run.settings.quick else 4
    say(f"  tracker store: Rasa's SQLTrackerStore and ours, {rounds} alternating rounds")
    run.results["tracker_store"] = [
        asdict(r) for r in tracker_store_bench.run(conversations=30, turns=6, rounds=rounds)
    ]


def cluster_trackers(choice: str) -> list[str]:
    """The scale-out rows to measure for ``--cluster-tracker``."""
    return ["postgres", "sqlite"] if choice == "both" else [choice]


# --------------------------------------------------------------------------- report


def tracker_table(rows: Sequence[Mapping[str, Any]]) -> str:
    """Section 5b from its JSON rows (``bench.tracker_store_bench.StoreResult`` fields)."""
    from bench.tracker_store_bench import StoreResult, table

    return table([StoreResult(**row) for row in rows])


def latency_table(latency: Mapping[str, Any]) -> str:
    rows: list[list[Any]] = []
    for name, label in (("ours", "ours (Course Advisor)"), ("plain", "plain (rasa init)")):
        data = latency.get(name) or {}
        seq, conc, parse = data.get("sequential"), data.get("concurrent"), data.get("nlu_parse")
        rows.append([
            label, data.get("messages_per_journey"),
            _stat(seq, "n"), _stat(seq, "p50_ms"), _stat(seq, "p95_ms"),
            _stat(conc, "n"), _stat(conc, "p50_ms"), _stat(conc, "p95_ms"),
            _stat(parse, "p50_ms"), data.get("errors"),
        ])  # fmt: skip
    r = latency.get("ratios") or {}
    rows.append([
        "ratio ours/plain", "", "", _x(r.get("seq_p50")), _x(r.get("seq_p95")), "",
        _x(r.get("conc_p50")), _x(r.get("conc_p95")), _x(r.get("parse_p50")), "",
    ])  # fmt: skip
    c = latency.get("concurrency", 10)
    table = format_table(
        ["assistant", "msgs", "seq n", "seq p50", "seq p95", f"x{c} n", f"x{c} p50", f"x{c} p95",
         "NLU p50", "errors"],
        rows,
    )  # fmt: skip
    return table + "\n\n" + step_table(latency)


def step_table(latency: Mapping[str, Any]) -> str:
    """Median latency of each message of the two journeys, side by side."""
    ours = list(((latency.get("ours") or {}).get("by_step_seq_p50_ms") or {}).items())
    plain = list(((latency.get("plain") or {}).get("by_step_seq_p50_ms") or {}).items())
    rows: list[list[Any]] = []
    for i in range(max(len(ours), len(plain))):
        o = ours[i] if i < len(ours) else ("", None)
        q = plain[i] if i < len(plain) else ("", None)
        rows.append([str(i + 1), o[0], o[1], q[0], q[1], _x(_safe_ratio(o[1], q[1]))])
    return format_table(
        ["message", "ours", "p50 ms", "plain", "p50 ms", "ours/plain"], rows, align="llrlrr"
    )


def _stat(stats: Any, key: str) -> Any:
    if stats is None:
        return None
    return stats.get(key) if isinstance(stats, Mapping) else getattr(stats, key, None)


def _x(value: Any) -> str:
    return "-" if value is None else f"{value:.2f}x"


def throughput_table(data: Mapping[str, Any]) -> str:
    rows = []
    for row in data.get("rows") or []:
        r = row if isinstance(row, Mapping) else asdict(row)
        rows.append([
            r["name"], r["processes"], r["stores"], r["replies_per_s"],
            f"{fmt(r['min_per_s'])}-{fmt(r['max_per_s'])}", r["replies"], r["errors"],
            _x(r["vs_plain"]), _x(r.get("vs_ours_1")),
        ])  # fmt: skip
    return format_table(
        ["setup", "procs", "stores", "replies/s", "range", "replies", "errors", "vs plain",
         "vs ours x1"],
        rows,
        align="lrlrrrrrr",
    )  # fmt: skip


def nlu_table(data: Mapping[str, Any]) -> str:
    rows: list[list[Any]] = []
    found: dict[str, Mapping[str, Any]] = {}
    for key, label in (("ours", "ours (config.yml)"), ("default", "Rasa default pipeline")):
        score = data.get(key)
        if score is None:
            rows.append([label, "-", "-", "-", "-", "-"])
            continue
        s = score if isinstance(score, Mapping) else asdict(score)
        found[key] = s
        rows.append(
            [
                label,
                _f3(s["intent_accuracy"]),
                _f3(s["intent_macro_f1"]),
                _f3(s["slot_exact_match"]),
                _f3(s["stated_slots_right"]),
                _f3(s["full_match"]),
            ]
        )
    if len(found) == 2:
        o, d = found["ours"], found["default"]
        rows.append(
            [
                "ratio ours/default",
                *[
                    _x(_safe_ratio(o[k], d[k]))
                    for k in (
                        "intent_accuracy",
                        "intent_macro_f1",
                        "slot_exact_match",
                        "stated_slots_right",
                        "full_match",
                    )
                ],
            ]
        )
    for key, label in (("ours_spread", "ours"), ("default_spread", "Rasa default")):
        sp = data.get(key)
        if sp:
            rows.append(
                [
                    f"{label}, mean of {sp['runs']} trainings",
                    _f3(sp["intent_accuracy"]),
                    f"{_f3(sp['intent_macro_f1'])} ({_f3(sp['intent_macro_f1_min'])}-"
                    f"{_f3(sp['intent_macro_f1_max'])})",
                    _f3(sp["slot_exact_match"]),
                    "",
                    "",
                ]
            )
    return format_table(
        [
            "pipeline",
            "intent acc",
            "intent macro-F1",
            "slot exact",
            "stated slots right",
            "both right",
        ],
        rows,
    )


def _f3(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


def _safe_ratio(a: Any, b: Any) -> float | None:
    if a is None or b in (None, 0):
        return None
    return float(a) / float(b)


def resources_table(results: Mapping[str, Any]) -> str:
    training = results.get("training") or {}
    rows: list[list[Any]] = []
    for kind, label in (("full", "rasa train (full), s"), ("nlu", "rasa train nlu, s")):
        t = training.get(kind)
        t = t if isinstance(t, Mapping) or t is None else asdict(t)
        rows.append([label, t.get("seconds") if t else None])
    rows.append(["model size (models/course-advisor.tar.gz), MB", training.get("model_mb")])
    nlu = results.get("nlu") or {}
    rows.append(["default NLU pipeline training (same data), s", nlu.get("default_nlu_training_s")])
    plain = results.get("plain_assistant") or {}
    rows.append(["plain assistant: rasa init incl. training, s", plain.get("rasa_init_s")])
    for name, seconds in (results.get("startup_s") or {}).items():
        rows.append([f"start-up until it answers: {name}, s", seconds])
    return format_table(["item", "value"], rows)


def memory_table(memory: Mapping[str, Any]) -> str:
    after_warmup = memory.get("after_warmup") or {}
    after_load = memory.get("after_load") or {}
    rows = []
    for name in after_load or after_warmup:
        w, a = after_warmup.get(name), after_load.get(name)
        rows.append(
            [
                name,
                _stat(a, "processes"),
                _stat(w, "rss_mb"),
                _stat(a, "rss_mb"),
                _stat(a, "peak_rss_mb"),
            ]
        )
    return format_table(
        [
            "server (process tree)",
            "procs",
            "RSS after warm-up MB",
            "RSS after load MB",
            "peak RSS MB",
        ],
        rows,
    )


def store_table(store: Mapping[str, Any]) -> str:
    rows = []
    for r in store.get("results") or []:
        rows.append(
            [
                r["catalogue"],
                r.get("backend", "sqlite"),
                r["courses"],
                r["import_s"],
                r["search_p50_ms"],
                r["search_p95_ms"],
                r["search_max_ms"],
                r["subject_p95_ms"],
                r["no_subject_p95_ms"],
                r.get("topic_p95_ms", 0.0),
                f"{r['relaxed_share']:.0%}",
            ]
        )
    return format_table(
        [
            "catalogue",
            "database",
            "courses",
            "import s",
            "p50 ms",
            "p95 ms",
            "max ms",
            "p95 subj",
            "p95 no-subj",
            "p95 topic",
            "relaxed",
        ],
        [[c if not isinstance(c, float) else f"{c:.2f}" for c in row] for row in rows],
    )


def report(payload: Mapping[str, Any]) -> str:
    """Every table of a run (``payload`` is the JSON payload, plain dicts)."""
    results = payload.get("results") or {}
    notes = payload.get("notes") or {}
    out = [
        section(
            "Machine",
            machine_table(
                payload.get("machine") or {}, payload.get("load_start"), payload.get("load_end")
            ),
        )
    ]
    if results.get("latency"):
        out.append(
            section(
                "1. Reply latency through the REST channel (ms, client side, per message)",
                latency_table(results["latency"]),
                [
                    *notes.get("latency", []),
                    "seq: one conversation at a time; xN: N conversations at once; pooled over "
                    "interleaved rounds after a warm-up",
                ],
            )
        )
    if results.get("throughput"):
        out.append(
            section(
                "2. Throughput (answered messages per second, median over rounds)",
                throughput_table(results["throughput"]),
                notes.get("throughput", []),
            )
        )
    elif notes.get("throughput"):
        out.append(section("2. Throughput", "(not measured)", notes["throughput"]))
    if results.get("nlu"):
        nlu = results["nlu"]
        out.append(
            section(
                "3. NLU quality on tests/nlu/heldout.yml",
                nlu_table(nlu),
                [
                    *notes.get("nlu", []),
                    NO_SLOT_NOTE.format(share=nlu.get("no_slot_share") or 0.0),
                ],
            )
        )
    if results.get("training") or results.get("startup_s") or results.get("nlu"):
        out.append(
            section("4. Training and start-up", resources_table(results), notes.get("training", []))
        )
    if results.get("memory") and results["memory"].get("after_load"):
        out.append(
            section(
                "4b. Memory (VmRSS of each server and its children)",
                memory_table(results["memory"]),
                notes.get("memory", []),
            )
        )
    if results.get("store"):
        out.append(
            section(
                "5. Course search (bench.store_bench, SQLite and PostgreSQL)",
                store_table(results["store"]),
                [
                    *notes.get("store", []),
                    "p95 subj: searches with a subject, the ones the bot makes (the target)",
                ],
            )
        )
    if results.get("tracker_store"):
        out.append(
            section(
                "5b. Tracker store per message (bench.tracker_store_bench, SQLite file)",
                tracker_table(results["tracker_store"]),
                ["30 conversations x 6 turns per round; read = load the session, write = save"],
            )
        )
    errors = results.get("errors") or {}
    if errors:
        out.append(
            section("Sections that failed", "\n".join(f"{k}: {v[:300]}" for k, v in errors.items()))
        )
    checks = [TargetCheck(**c) for c in payload.get("targets") or []]
    out.append(section("Summary: targets from the issue", summary_table(checks)))
    return "\n".join(out)


# --------------------------------------------------------------------------- the command


def help_description(doc: str) -> str:
    """The module docstring without its usage block (argparse prints its own usage)."""
    head, _, rest = doc.partition("Usage::")
    body = rest.split("\n\n", 2)[-1] if rest else ""
    return (head.strip() + "\n\n" + body.strip()).strip()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run_all",
        description=help_description(__doc__ or ""),
        epilog=(
            "examples:\n"
            "  python -m bench.run_all                      # everything (~20 min on 2 cores)\n"
            "  python -m bench.run_all --quick              # a few minutes: fewer rounds, no\n"
            "                                               # training, no 100k store size\n"
            "  python -m bench.run_all --skip training nlu  # servers and store only\n"
            "  python -m bench.run_all --json /tmp/b.json   # save the numbers elsewhere\n\n"
            "The JSON holds every number, the machine facts (CPU, cores, memory, versions,\n"
            "load average at start and end) and the target checks. Exit code 0 when the run\n"
            "completed (targets missed or not), 1 when a section failed, 2 for usage errors."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer rounds; skip training and the 100k store size; reuse the "
        "cached plain assistant and default-pipeline model if present",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help="where to save every number (default: bench/results/latest.json)",
    )
    parser.add_argument(
        "--skip",
        nargs="+",
        choices=SECTIONS,
        default=[],
        metavar="SECTION",
        help=f"sections to leave out: {', '.join(SECTIONS)}",
    )
    parser.add_argument(
        "--model",
        type=Path,
        default=DEFAULT_MODEL,
        metavar="PATH",
        help="our trained model (default: models/course-advisor.tar.gz)",
    )
    parser.add_argument(
        "--rounds", type=int, metavar="N", help="sequential latency rounds (default 8; --quick 3)"
    )
    parser.add_argument(
        "--load-rounds",
        type=int,
        metavar="N",
        help="rounds with N conversations at once (default 5; --quick 2)",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=10,
        metavar="N",
        help="conversations at once for the load rounds (default 10)",
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=2,
        metavar="N",
        help="Rasa processes in the scale-out row (default 2)",
    )
    parser.add_argument(
        "--nlu-seeds",
        type=int,
        default=1,
        metavar="N",
        help="train each NLU pipeline N times (ours seeded where a component takes a seed, "
        "the default pipeline as it is) and compare the means: the default pipeline's "
        "intent F1 moves by about 0.01 between trainings (default 1; each extra training "
        "takes under a minute for ours and ~4-6 min for the default; ignored with --quick)",
    )
    parser.add_argument(
        "--cluster-tracker",
        choices=("both", "auto", "postgres", "sqlite"),
        default="both",
        help="tracker store shared by the scale-out processes: both (default: one row "
        "with a throwaway PostgreSQL, as across machines, one with a shared SQLite "
        "file, as on one machine), postgres, sqlite, or auto (PostgreSQL if "
        "installed, else SQLite)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=DEFAULT_CACHE,
        metavar="DIR",
        help="cache for the plain assistant and the default-pipeline model "
        "(default: bench/results/cache)",
    )
    parser.add_argument(
        "--keep-temp",
        action="store_true",
        help="keep the temporary folder (server logs, training logs)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("rounds", "load_rounds"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name.replace('_', '-')} must be 1 or more")
    if args.concurrency < 1 or args.processes < 1:
        parser.error("--concurrency and --processes must be 1 or more")
    model = args.model if args.model.is_absolute() else (Path.cwd() / args.model)
    skip = frozenset(args.skip) | ({"training"} if args.quick else frozenset())
    needs_model = (SERVER_SECTIONS | {"nlu"}) - skip
    if needs_model and not model.exists():
        print(f"error: no model at {model}: run `make train` first", file=sys.stderr)
        return 2

    if args.nlu_seeds < 1:
        parser.error("--nlu-seeds must be 1 or more")
    settings = settings_for(
        args.quick, args.rounds, args.load_rounds, args.concurrency, args.processes
    )
    if not args.quick:
        settings = replace(settings, nlu_seeds=args.nlu_seeds)
    folder = Path(tempfile.mkdtemp(prefix="bench-run-"))
    run = Run(settings, folder, args.cache, model, args.cluster_tracker, skip)
    started = time.perf_counter()
    load_start = load_average()
    facts = machine_facts()
    say(f"Benchmark ({'quick' if args.quick else 'full'}); temporary folder {folder}")
    say(
        f"Machine: {facts['cpu_model']}, {facts['cores']} cores, {facts['memory_gb']} GB, "
        f"load {_load(load_start)}"
    )
    try:
        if SERVER_SECTIONS - skip:
            timed(run, "servers (latency, throughput, memory)", lambda: servers_section(run))
        if "memory" in skip:
            run.results.pop("memory", None)
        if run.wants("nlu"):
            timed(run, "nlu", lambda: nlu_section(run))
        if run.wants("training"):
            timed(run, "training", lambda: training_section(run))
        elif args.quick:
            run.note("training", "--quick: training not timed")
        if run.wants("store"):
            timed(run, "store", lambda: store_section(run))
    finally:
        if args.keep_temp:
            say(f"\nKept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    payload: dict[str, Any] = {
        "mode": "quick" if args.quick else "full",
        "settings": settings,
        "skipped": sorted(skip),
        "machine": facts,
        "load_start": load_start,
        "load_end": load_average(),
        "total_s": round(time.perf_counter() - started, 1),
        "durations_s": run.durations,
        "model": str(model),
        "results": run.results,
        "notes": run.notes,
    }
    payload = to_jsonable(payload)
    payload["targets"] = to_jsonable(target_checks(payload["results"]))
    say("")
    say(report(payload))
    say(f"Total {payload['total_s'] / 60:.1f} min.")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    say(f"Saved {args.json}")
    return 1 if run.results.get("errors") else 0


if __name__ == "__main__":
    sys.exit(main())
