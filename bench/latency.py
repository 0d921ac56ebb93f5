"""Reply latency through the REST channel: journeys, statistics, real servers and the client.

This module holds what every server benchmark shares:

- **statistics** (`percentile`, `median`, `ratio`, `LatencyStats`): pure, unit-tested;
- **journeys**: the messages a learner sends to our assistant (greeting, goal, subject, a
  recommendation that queries the course store, a refinement that queries it again) and to the
  plain ``rasa init`` assistant (greet and mood messages), the same number of messages each;
- **servers** (`start_action_server`, `start_rasa_server`, ...): real ``rasa run`` processes on
  free localhost ports, the same approach as ``tests/servers.py``;
- **the client** (`run_batch`, `interleaved`): conversations over HTTP with ``httpx``, one
  message at a time per conversation, ``concurrency`` conversations at once, optionally
  round-robin over several Rasa processes; targets are measured in alternating order, round by
  round, so that a busy machine's drift hits every target alike.

Nothing runs at import time; `bench.run_all` drives it.
"""

from __future__ import annotations

import asyncio
import math
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RASA = str(Path(sys.executable).with_name("rasa"))
CATALOGUE = ROOT / "data" / "catalogue" / "courses.csv"
START_TIMEOUT_S = 300.0
REQUEST_TIMEOUT_S = 120.0

# --------------------------------------------------------------------------- statistics


def percentile(values: Iterable[float], q: float) -> float:
    """The ``q``-th percentile (0-100) with linear interpolation between closest ranks.

    The same definition as ``numpy.percentile``'s default ("linear"). Raises ValueError for no
    values or a ``q`` outside 0-100.
    """
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    if not 0.0 <= q <= 100.0 or math.isnan(q):
        raise ValueError(f"percentile q={q} must be between 0 and 100")
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = math.ceil(position)
    if low == high:
        return ordered[low]
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Iterable[float]) -> float:
    """The median; ValueError for no values."""
    ordered = list(values)
    if not ordered:
        raise ValueError("median of no values")
    return float(statistics.median(ordered))


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``, or None when either is unknown or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


@dataclass(frozen=True)
class LatencyStats:
    """Percentiles of reply latencies, in milliseconds."""

    n: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    max_ms: float

    @classmethod
    def from_seconds(cls, samples: Sequence[float]) -> LatencyStats | None:
        """Stats of latencies given in seconds; None when there are none."""
        if not samples:
            return None
        ms = [s * 1000.0 for s in samples]
        return cls(
            n=len(ms),
            p50_ms=round(percentile(ms, 50), 1),
            p95_ms=round(percentile(ms, 95), 1),
            mean_ms=round(statistics.fmean(ms), 1),
            max_ms=round(max(ms), 1),
        )


# --------------------------------------------------------------------------- journeys


@dataclass(frozen=True)
class Step:
    """One message of a journey. ``expect`` names what the reply must contain:
    ``"course_list"`` (a list of courses from the store) or ``"text"`` (any text)."""

    label: str
    message: str
    expect: str = "text"


@dataclass(frozen=True)
class Journey:
    name: str
    steps: tuple[Step, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(step.label for step in self.steps)


# Subjects said in the learner's own words; rotated so conversations run different queries.
OUR_SUBJECTS: tuple[str, ...] = (
    "marketing",
    "data science",
    "cyber security",
    "project management",
    "business management",
)
# Goals said in the learner's own words, one per conversation in turn.
OUR_GOALS: tuple[str, ...] = (
    "I want to get better at my current job",
    "I want to change career",
    "I'd like to change careers",
    "I want to get better at my current job",
    "I'd like to upskill for work",
)
OUR_STEP_LABELS: tuple[str, ...] = ("greet", "find", "goal", "subject", "recommend", "refine")
PLAIN_STEP_LABELS: tuple[str, ...] = ("greet", "mood_sad", "affirm", "bot", "mood_great", "bye")


def our_journey(variant: int = 0) -> Journey:
    """Our assistant: greeting, asks for a course, goal, subject, then "skip" (a recommendation
    with a course-store query) and "anything cheaper?" (a refinement, another query)."""
    subject = OUR_SUBJECTS[variant % len(OUR_SUBJECTS)]
    goal = OUR_GOALS[variant % len(OUR_GOALS)]
    messages = ("hello", "I'd like to find a course", goal, subject, "skip", "anything cheaper?")
    expects = ("text", "text", "text", "text", "course_list", "course_list")
    return Journey(
        "ours",
        tuple(
            Step(label, message, expect)
            for label, message, expect in zip(OUR_STEP_LABELS, messages, expects, strict=True)
        ),
    )


_PLAIN_MESSAGES: tuple[tuple[str, ...], ...] = (
    ("hello", "I am sad", "yes", "are you a bot?", "I am great", "bye"),
    ("hi", "very sad", "of course", "am I talking to a human?", "amazing", "goodbye"),
    ("hey there", "unhappy", "yes", "are you a human?", "feeling like a king", "see you later"),
)


def plain_journey(variant: int = 0) -> Journey:
    """The plain ``rasa init`` assistant: greet, sad mood (cheer up, did that help?), yes,
    bot challenge, great mood, goodbye: as many messages as our journey, answered by rules,
    stories and responses only (its action server is not needed)."""
    messages = _PLAIN_MESSAGES[variant % len(_PLAIN_MESSAGES)]
    return Journey(
        "plain",
        tuple(Step(label, m) for label, m in zip(PLAIN_STEP_LABELS, messages, strict=True)),
    )


def reply_has(replies: Sequence[Mapping[str, Any]], expect: str) -> bool:
    """Whether a REST reply list contains what a step expects."""
    if expect == "course_list":
        return any(
            isinstance(r.get("custom"), Mapping) and r["custom"].get("type") == "course_list"
            for r in replies
        )
    return any(isinstance(r.get("text"), str) and r["text"].strip() for r in replies)


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(**extra: str) -> dict[str, str]:
    """The environment of every server and Rasa command the benchmark starts."""
    env = {
        **os.environ,
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "RASA_TELEMETRY_ENABLED": "false",
        "PYTHONDONTWRITEBYTECODE": "1",
        "LOCK_STORE_TYPE": "in_memory",
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": "6379",
        "REDIS_DB": "1",
        "REDIS_PASSWORD": "",
        # The benchmark's learners are generated; signed sender ids (one HMAC a message)
        # are tested in tests/e2e/test_security.py, not measured here.
        "ALLOW_UNSIGNED_SENDERS": "1",
    }
    env.update(extra)
    return env


@dataclass
class Server:
    """A process the benchmark started (and alone stops)."""

    name: str
    process: subprocess.Popen[bytes]
    url: str
    log: Path
    started_s: float = 0.0  # seconds from launch until it answered

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_process(
    args: Sequence[str], log: Path, env: Mapping[str, str], cwd: Path = ROOT
) -> subprocess.Popen[bytes]:
    with log.open("wb") as handle:
        return subprocess.Popen(
            list(args), cwd=cwd, stdout=handle, stderr=subprocess.STDOUT, env=dict(env)
        )


def wait_until_up(server: Server, path: str = "/", timeout_s: float = START_TIMEOUT_S) -> None:
    """Wait until ``server.url + path`` answers below 500; RuntimeError with the log's tail
    when the process exits or the time runs out."""
    import httpx

    launched = time.monotonic()
    deadline = launched + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited during start-up:\n{_tail(server.log)}")
        try:
            if httpx.get(server.url + path, timeout=2).status_code < 500:
                server.started_s = round(time.monotonic() - launched, 1)
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{server.name} did not start within {timeout_s:.0f}s:\n{_tail(server.log)}")


def _tail(log: Path, chars: int = 3000) -> str:
    try:
        return log.read_text(errors="replace")[-chars:]
    except OSError:
        return "(no log)"


def import_store(folder: Path) -> str:
    """A temporary copy of the course store (the real catalogue) in ``folder``; its URL."""
    url = f"sqlite:///{folder / 'courses.db'}"
    subprocess.run(
        [sys.executable, "-m", "actions.store.importer", "--db", url, "--quiet", str(CATALOGUE)],
        cwd=ROOT,
        check=True,
        env=server_env(),
    )
    return url


def launch_action_server(folder: Path, db_url: str, port: int | None = None) -> Server:
    """Start our action server (does not wait: call `wait_until_up(server, "/health")`)."""
    port = port or free_port()
    log = folder / f"actions-{port}.log"
    process = start_process(
        [RASA, "run", "actions", "--actions", "actions", "--port", str(port)],
        log,
        server_env(COURSE_DB_URL=db_url),
    )
    return Server("action server", process, f"http://127.0.0.1:{port}", log)


def launch_rasa_server(
    name: str,
    folder: Path,
    model: Path,
    *,
    cwd: Path = ROOT,
    endpoints: str | None = "endpoints.yml",
    credentials: str = "credentials.yml",
    env: Mapping[str, str] | None = None,
    port: int | None = None,
) -> Server:
    """Start ``rasa run`` with the HTTP API on localhost (does not wait: `wait_until_up`)."""
    port = port or free_port()
    log = folder / f"rasa-{port}.log"
    args = [
        RASA,
        "run",
        "--enable-api",
        "--interface",
        "127.0.0.1",
        "--port",
        str(port),
        "--model",
        str(model),
        "--credentials",
        credentials,
    ]
    if endpoints:
        args += ["--endpoints", endpoints]
    process = start_process(args, log, server_env(**(env or {})), cwd=cwd)
    return Server(name, process, f"http://127.0.0.1:{port}", log)


def our_rasa_env(action_url: str, tracker_store_url: str, **extra: str) -> dict[str, str]:
    """Environment for our Rasa server (endpoints.yml reads these)."""
    return {
        "ACTION_SERVER_URL": f"{action_url}/webhook",
        "TRACKER_STORE_URL": tracker_store_url,
        **extra,
    }


def start_all(servers: Sequence[tuple[Server, str]]) -> None:
    """Wait for servers launched together (they load in parallel); stop them all on failure."""
    try:
        for server, path in servers:
            wait_until_up(server, path)
    except BaseException:
        for server, _ in servers:
            server.stop()
        raise


# --------------------------------------------------------------------------- the client


@dataclass(frozen=True)
class Sample:
    """One message and its reply."""

    step: str
    seconds: float
    ok: bool
    error: str = ""


@dataclass
class BatchResult:
    """Conversations run as one batch against one target."""

    target: str
    concurrency: int
    conversations: int
    wall_s: float
    samples: list[Sample] = field(default_factory=list)

    @property
    def ok_samples(self) -> list[Sample]:
        return [s for s in self.samples if s.ok]

    @property
    def errors(self) -> int:
        return sum(not s.ok for s in self.samples)

    @property
    def replies_per_s(self) -> float:
        return len(self.ok_samples) / self.wall_s if self.wall_s > 0 else 0.0


@dataclass(frozen=True)
class Target:
    """Something to talk to: one or more Rasa servers (round-robin per message) and its
    journeys (``journey(i)`` for the i-th conversation)."""

    name: str
    urls: tuple[str, ...]
    journey: Callable[[int], Journey]


class RoundRobin:
    """Hands out URLs in turn: message i goes to ``urls[i % len(urls)]``."""

    def __init__(self, urls: Sequence[str]) -> None:
        if not urls:
            raise ValueError("round-robin over no URLs")
        self.urls = tuple(urls)
        self._next = 0

    def __call__(self) -> str:
        url = self.urls[self._next % len(self.urls)]
        self._next += 1
        return url


async def _conversation(
    client: Any, pick: RoundRobin, journey: Journey, sender: str
) -> list[Sample]:
    import httpx

    samples: list[Sample] = []
    for step in journey.steps:
        url = pick()
        started = time.perf_counter()
        try:
            response = await client.post(
                f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": step.message}
            )
            elapsed = time.perf_counter() - started
            response.raise_for_status()
            replies = response.json()
            ok = isinstance(replies, list) and reply_has(replies, step.expect)
            error = "" if ok else f"{step.label}: no {step.expect} in reply"
        except (httpx.HTTPError, ValueError) as exc:
            elapsed = time.perf_counter() - started
            ok, error = False, f"{step.label}: {type(exc).__name__}: {exc}"[:300]
        samples.append(Sample(step.label, elapsed, ok, error))
    return samples


async def _batch(target: Target, conversations: int, concurrency: int, tag: str) -> BatchResult:
    import httpx

    pick = RoundRobin(target.urls)
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency * 2, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(timeout=REQUEST_TIMEOUT_S, limits=limits) as client:

        async def one(i: int) -> list[Sample]:
            async with gate:
                return await _conversation(
                    client, pick, target.journey(i), f"bench-{tag}-{target.name}-{i}"
                )

        started = time.perf_counter()
        results = await asyncio.gather(*(one(i) for i in range(conversations)))
        wall = time.perf_counter() - started
    return BatchResult(
        target=target.name,
        concurrency=concurrency,
        conversations=conversations,
        wall_s=wall,
        samples=[sample for conversation in results for sample in conversation],
    )


def run_batch(
    target: Target, conversations: int, concurrency: int = 1, tag: str | None = None
) -> BatchResult:
    """Run ``conversations`` journeys, ``concurrency`` at a time, each with a new sender id."""
    tag = tag or uuid.uuid4().hex[:10]
    return asyncio.run(_batch(target, conversations, concurrency, tag))


def rotation(names: Sequence[str], round_index: int) -> list[str]:
    """The order of targets in a round: rotated by one each round (A B, B A, A B, ...)."""
    if not names:
        return []
    shift = round_index % len(names)
    return [*names[shift:], *names[:shift]]


def interleaved(
    targets: Sequence[Target],
    rounds: int,
    conversations: int,
    concurrency: int,
    progress: Callable[[str], None] | None = None,
) -> dict[str, list[BatchResult]]:
    """Measure every target ``rounds`` times, in a rotating order, one batch per round each."""
    by_name = {t.name: t for t in targets}
    results: dict[str, list[BatchResult]] = {t.name: [] for t in targets}
    run_id = uuid.uuid4().hex[:8]
    for r in range(rounds):
        for name in rotation(list(by_name), r):
            batch = run_batch(
                by_name[name], conversations, concurrency, f"{run_id}-c{concurrency}-r{r}"
            )
            results[name].append(batch)
            if progress:
                progress(
                    f"  round {r + 1}/{rounds} {name:<10} x{concurrency}: "
                    f"{len(batch.samples)} replies in {batch.wall_s:.1f}s "
                    f"({batch.replies_per_s:.1f}/s, {batch.errors} errors)"
                )
    return results


def warm_up(targets: Sequence[Target], conversations: int = 2) -> dict[str, int]:
    """Untimed journeys on every target (model caches, connections, SQL statements); the
    number of errors per target."""
    return {
        t.name: run_batch(t, conversations, 1, f"warm-{uuid.uuid4().hex[:8]}").errors
        for t in targets
    }


def pooled(batches: Sequence[BatchResult]) -> list[float]:
    """The latencies (seconds) of every successful reply in these batches."""
    return [s.seconds for b in batches for s in b.ok_samples]


def by_step(batches: Sequence[BatchResult], labels: Sequence[str]) -> dict[str, float | None]:
    """Median latency (ms) of each step of the journey over these batches."""
    out: dict[str, float | None] = {}
    for label in labels:
        values = [s.seconds * 1000 for b in batches for s in b.ok_samples if s.step == label]
        out[label] = round(median(values), 1) if values else None
    return out


def first_errors(batches: Sequence[BatchResult], limit: int = 5) -> list[str]:
    return [s.error for b in batches for s in b.samples if not s.ok][:limit]


def parse_latency(
    targets: Sequence[Target], rounds: int, conversations: int = 1
) -> dict[str, list[float]]:
    """NLU alone: seconds per ``POST /model/parse`` of every journey message (HTTP API), the
    targets alternating round by round. Subtracted from the reply latency it shows how much of
    a reply is NLU and how much dialogue, actions and the tracker store."""
    import httpx

    by_name = {t.name: t for t in targets}
    out: dict[str, list[float]] = {t.name: [] for t in targets}
    with httpx.Client(timeout=REQUEST_TIMEOUT_S) as client:
        for r in range(rounds):
            for name in rotation(list(by_name), r):
                target = by_name[name]
                for i in range(conversations):
                    for step in target.journey(r * conversations + i).steps:
                        started = time.perf_counter()
                        response = client.post(
                            f"{target.urls[0]}/model/parse", json={"text": step.message}
                        )
                        elapsed = time.perf_counter() - started
                        if response.status_code == 200:
                            out[name].append(elapsed)
    return out
