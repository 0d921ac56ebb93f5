"""Fixtures for the course store: temporary SQLite files and a throwaway PostgreSQL.

Tests that take ``db_url`` (an empty database) or ``session`` (the real catalogue,
rolled back after the test) run twice: on SQLite and, marked ``postgres`` and
``slow``, on a real PostgreSQL server started for the test session. When the
PostgreSQL binaries are missing or the server cannot start, those runs are skipped
with the reason.
"""

from __future__ import annotations

import csv
import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from actions.store.catalogue_check import COLUMNS
from actions.store.db import dispose_engines, get_engine
from actions.store.importer import import_catalogue

ROOT = Path(__file__).resolve().parents[3]
REAL_CATALOGUE = ROOT / "data" / "catalogue" / "courses.csv"


# -- PostgreSQL ------------------------------------------------------------------------


def _postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/<v>/bin`` with initdb, else initdb on PATH."""

    def version(path: str) -> int:
        part = Path(path).parents[1].name
        return int(part) if part.isdigit() else 0

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True)
    if found:
        return Path(found[0]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PostgresServer:
    """A PostgreSQL cluster in a temporary directory, on 127.0.0.1 and a free port."""

    def __init__(self) -> None:
        self.bin = _postgres_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="course-store-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.port = _free_port()
        self.run_as: list[str] | None = None  # command prefix to run as 'postgres'
        self.started = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.run_as is not None:
            command = (
                [*self.run_as, shlex.join(args)]
                if self.run_as[-1] == "-c"
                else [*self.run_as, *args]
            )
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> str | None:
        """Start the server; returns why it could not, or ``None`` when it runs."""
        if self.bin is None:
            return (
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb "
                "and no initdb on PATH)"
            )
        if os.geteuid() == 0:
            # initdb refuses to run as root: hand the directory to the postgres user.
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
        init = self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--no-sync",
        )
        if init.returncode != 0:
            output = (init.stderr or init.stdout).strip()[-500:]
            return f"initdb failed (exit {init.returncode}): {output}"
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        started = self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
            "-w", "-t", "60", "start",
        )
        # fmt: on
        if started.returncode != 0:
            output = (started.stderr or started.stdout).strip()[-300:]
            log = self.log.read_text(errors="replace")[-800:] if self.log.exists() else ""
            return f"pg_ctl start failed (exit {started.returncode}): {output} {log}".strip()
        self.started = True
        return None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self) -> Engine:
        return get_engine(self.url()).execution_options(isolation_level="AUTOCOMMIT")

    def create_database(self) -> str:
        name = f"store_{uuid.uuid4().hex[:12]}"
        with self._admin().connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return name

    def drop_database(self, name: str) -> None:
        with self._admin().connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def stop(self) -> None:
        if self.started and self.bin is not None:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the whole test session (skips when unavailable)."""
    server = PostgresServer()
    try:
        reason = server.start()
        if reason is not None:
            pytest.skip(f"PostgreSQL unavailable: {reason}")
        yield server
    finally:
        dispose_engines()
        server.stop()


# -- databases for the tests -------------------------------------------------------------

BACKENDS = [
    "sqlite",
    pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.slow]),
]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """An empty database of the backend under test (SQLite file or PostgreSQL database)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        dispose_engines()
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    yield server.url(name)
    dispose_engines()
    server.drop_database(name)


@pytest.fixture(scope="session", params=BACKENDS)
def catalogue_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database holding the real catalogue, imported once per backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'catalogue.db'}"
        import_catalogue(get_engine(url), REAL_CATALOGUE)
        yield url
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    url = server.url(name)
    import_catalogue(get_engine(url), REAL_CATALOGUE)
    yield url


@pytest.fixture
def session(catalogue_url: str) -> Iterator[Session]:
    """A session on the real catalogue; everything it does is rolled back afterwards."""
    with Session(get_engine(catalogue_url), future=True) as sess:
        sess.begin()
        try:
            yield sess
        finally:
            sess.rollback()


# -- writing catalogue files ------------------------------------------------------------------


def course_row(course_id: str, **overrides: str) -> dict[str, str]:
    """A valid catalogue row (a one-off £ course), with fields overridden."""
    row = {column: "" for column in COLUMNS}
    row.update(
        id=course_id,
        title=f"Course {course_id}",
        provider="Test University",
        platform="FutureLearn",
        credential_type="short-course",
        subject="data-science-ai",
        level="introductory",
        duration_weeks="4",
        hours_per_week="3",
        hours_total="12",
        price="100",
        currency="GBP",
        price_model="one-off",
        price_as_of="2022-11",
        delivery="online",
        source="test",
        evidence_level="C_dataset",
    )
    row.update(overrides)
    return row


WriteCsv = Callable[..., Path]


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    """Write rows (dicts or raw lists) as a CSV file under ``tmp_path``; returns its path."""

    def write(
        name: str,
        rows: Sequence[Mapping[str, str] | Sequence[str]],
        header: Sequence[str] = COLUMNS,
        folder: str = "",
    ) -> Path:
        path = tmp_path / folder / name if folder else tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                if isinstance(row, Mapping):
                    writer.writerow([row.get(column, "") for column in header])
                else:
                    writer.writerow(list(row))
        return path

    return write
