"""Throughput: replies per second with 10 conversations at once, one or several Rasa processes.

Rows (measured in the same interleaved rounds, see `bench.latency.interleaved`):

- the plain ``rasa init`` assistant, one default Rasa process (in-memory tracker and lock
  store): the baseline every ratio is taken against;
- our assistant, one Rasa process as ``make run`` starts it (SQLite tracker store, in-memory
  lock store);
- our assistant, N Rasa processes (default 2) behind a round-robin in the client (message i of
  the run goes to process i mod N, so consecutive turns of one conversation land on different
  processes), sharing one SQL tracker store and a Redis lock store (our
  ``bot.lock_store.AtomicRedisLockStore``, as ``make scale-out`` runs it): Rasa's own scale-out
  mechanism. The tracker store is a throwaway PostgreSQL when its
  binaries are installed (the layout of ``scripts/scale_out.sh``), else one shared SQLite file.
  Skipped, with the reason, when ``redis-server`` is not installed.

A "reply" is one answered REST request (one learner message and the bot's messages for it).
"""

from __future__ import annotations

import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.latency import (
    BatchResult,
    Server,
    free_port,
    launch_rasa_server,
    median,
    our_rasa_env,
    ratio,
    server_env,
    start_all,
    start_process,
)

# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class ThroughputRow:
    name: str
    processes: int
    concurrency: int
    rounds: int
    replies: int
    errors: int
    replies_per_s: float  # median over rounds
    min_per_s: float
    max_per_s: float
    vs_plain: float | None  # ratio to the plain assistant's replies per second
    vs_ours_1: float | None  # ratio to our assistant on one Rasa process (scale-out factor)
    stores: str


def throughput_row(
    name: str,
    processes: int,
    batches: Sequence[BatchResult],
    baseline_per_s: float | None,
    stores: str,
    ours_one_per_s: float | None = None,
) -> ThroughputRow:
    """Summarise the rounds of one target: median replies per second, range, and its ratios
    to the plain assistant (``baseline_per_s``) and to our one-process row."""
    if not batches:
        raise ValueError(f"no rounds measured for {name}")
    per_round = [b.replies_per_s for b in batches]
    mid = median(per_round)
    return ThroughputRow(
        name=name,
        processes=processes,
        concurrency=batches[0].concurrency,
        rounds=len(batches),
        replies=sum(len(b.ok_samples) for b in batches),
        errors=sum(b.errors for b in batches),
        replies_per_s=round(mid, 2),
        min_per_s=round(min(per_round), 2),
        max_per_s=round(max(per_round), 2),
        vs_plain=_round(ratio(mid, baseline_per_s)),
        vs_ours_1=_round(ratio(mid, ours_one_per_s)),
        stores=stores,
    )


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


# --------------------------------------------------------------------------- redis


def redis_missing_reason() -> str | None:
    """Why the multi-process row cannot run, or None when redis-server is installed."""
    if shutil.which("redis-server") is None:
        return (
            "redis-server is not installed (apt-get install redis-server), so there is no "
            "Redis lock store for several Rasa processes"
        )
    return None


def _redis_pong(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def start_redis(folder: Path) -> Server:
    """A redis-server on 127.0.0.1 and a free port, saving nothing to disk."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed")
    port = free_port()
    log = folder / f"redis-{port}.log"
    # fmt: off
    process = start_process(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(folder),
         "--save", "", "--appendonly", "no"],
        log, server_env(),
    )
    # fmt: on
    server = Server("redis", process, f"redis://127.0.0.1:{port}", log)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited: {log.read_text(errors='replace')[-500:]}")
        if _redis_pong(port):
            return server
        time.sleep(0.1)
    server.stop()
    raise RuntimeError("redis-server did not answer within 20 s")


def redis_port(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


# --------------------------------------------------------------------------- postgres


def _postgres_bin() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parents[1].name) if Path(p).parents[1].name.isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary folder on 127.0.0.1 and a free port (the approach
    of tests/actions/store/conftest.py): fsync off, trust authentication, deleted on stop."""

    def __init__(self) -> None:
        self.bin = _postgres_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.port = free_port()
        self.run_as: list[str] = []
        self.started = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.run_as and self.run_as[-1] == "-c":
            command = [*self.run_as, shlex.join(args)]
        elif self.run_as:
            command = [*self.run_as, *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> str | None:
        """Start it; why it could not, or None."""
        if self.bin is None:
            return "PostgreSQL is not installed (no initdb)"
        if os.geteuid() == 0:  # initdb refuses to run as root
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                return "running as root and there is no 'postgres' OS user to run initdb as"
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            runuser, su = shutil.which("runuser"), shutil.which("su")
            if runuser:
                self.run_as = [runuser, "-u", "postgres", "--"]
            elif su:
                self.run_as = [su, "postgres", "-s", "/bin/sh", "-c"]
            else:
                return "running as root and neither runuser nor su is available"
        # fmt: off
        init = self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                         "-A", "trust", "-E", "UTF8", "--no-sync")
        if init.returncode != 0:
            return f"initdb failed: {(init.stderr or init.stdout).strip()[-300:]}"
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        started = self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                            "-o", options, "-w", "-t", "60", "start")
        # fmt: on
        if started.returncode != 0:
            return f"pg_ctl start failed: {(started.stderr or started.stdout).strip()[-300:]}"
        self.started = True
        return None

    def create_database(self) -> str:
        """A new empty database; its SQLAlchemy URL."""
        from sqlalchemy import create_engine, text

        name = f"tracker_{uuid.uuid4().hex[:10]}"
        engine = create_engine(
            f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/postgres",
            isolation_level="AUTOCOMMIT",
        )
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            engine.dispose()
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.started and self.bin is not None:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
            self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)


# --------------------------------------------------------------------------- the cluster


@dataclass
class Cluster:
    """N Rasa processes sharing one tracker store and one Redis lock store."""

    servers: list[Server]
    redis: Server
    postgres: ThrowawayPostgres | None
    tracker: str  # "PostgreSQL" or "SQLite (shared file)"

    @property
    def urls(self) -> tuple[str, ...]:
        return tuple(s.url for s in self.servers)

    def stop(self) -> None:
        for server in self.servers:
            server.stop()
        self.redis.stop()
        if self.postgres is not None:
            self.postgres.stop()


def launch_cluster(
    folder: Path,
    model: Path,
    action_url: str,
    processes: int = 2,
    tracker: str = "auto",
    notes: list[str] | None = None,
) -> Cluster:
    """Start Redis, the shared tracker store and ``processes`` Rasa servers; wait for all.

    ``tracker``: "postgres" (a throwaway PostgreSQL; RuntimeError if it cannot start),
    "sqlite" (one SQLite file shared by every process), or "auto" (PostgreSQL when possible,
    else SQLite; why goes to ``notes``)."""
    redis = start_redis(folder)
    postgres: ThrowawayPostgres | None = None
    servers: list[Server] = []
    try:
        tracker_url, label = f"sqlite:///{folder / 'cluster-tracker.db'}", "SQLite (shared file)"
        if tracker in ("auto", "postgres"):
            candidate = ThrowawayPostgres()
            reason = candidate.start()
            if reason is None:
                postgres = candidate
                tracker_url, label = candidate.create_database(), "PostgreSQL"
            else:
                candidate.stop()
                if tracker == "postgres":
                    raise RuntimeError(f"PostgreSQL unavailable: {reason}")
                if notes is not None:
                    notes.append(f"cluster tracker store: shared SQLite ({reason})")
        lock_env = {
            # What `make scale-out` deploys: Rasa's Redis lock store with atomic tickets.
            "LOCK_STORE_TYPE": "bot.lock_store.AtomicRedisLockStore",
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(redis_port(redis)),
            "REDIS_DB": "1",
            "REDIS_PASSWORD": "",
        }
        env = our_rasa_env(action_url, tracker_url, **lock_env)
        # One process first: it creates the tracker tables, so the others do not race to.
        first = launch_rasa_server("ours-cluster-1", folder, model, env=env)
        servers.append(first)
        start_all([(first, "/")])
        rest = [
            launch_rasa_server(f"ours-cluster-{i + 1}", folder, model, env=env)
            for i in range(1, processes)
        ]
        servers.extend(rest)
        start_all([(s, "/") for s in rest])
    except BaseException:
        for server in servers:
            server.stop()
        redis.stop()
        if postgres is not None:
            postgres.stop()
        raise
    return Cluster(servers, redis, postgres, label)
