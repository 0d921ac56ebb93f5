"""Engine, sessions and the store's exceptions.

Nothing happens at import time: the engine for a URL is created on first use and
cached, so tests can point the store at a temporary database with an explicit URL
(or ``COURSE_DB_URL``) and actions share one connection pool per process.

Typical use at the edge (an action, a CLI)::

    with session_scope() as session:        # commits on success, rolls back on error
        result = recommend(session, profile)

``session_scope`` turns connection failures into :class:`StoreUnavailable`, so the
caller can say "the course database is unavailable" instead of crashing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = REPO_ROOT / "var" / "courses.db"
ENV_VAR = "COURSE_DB_URL"


class StoreError(Exception):
    """Base class for every error raised by the course store."""


class StoreUnavailable(StoreError):
    """The course database could not be reached or has no tables yet."""


_lock = threading.Lock()
_engines: dict[str, Engine] = {}
_sessionmakers: dict[str, sessionmaker] = {}


def database_url() -> str:
    """The configured database URL: ``COURSE_DB_URL``, else ``var/courses.db`` in the repo."""
    url = os.environ.get(ENV_VAR, "").strip()
    return url or f"sqlite:///{DEFAULT_DB_PATH}"


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores FOREIGN KEY clauses unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _build_engine(url: str) -> Engine:
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            # SQLAlchemy 1.4 opens a new file connection per checkout (NullPool) for
            # SQLite files; a small pool keeps a search to one query, not one connect.
            kwargs["poolclass"] = QueuePool
            kwargs["connect_args"] = {"check_same_thread": False}
    else:
        kwargs["pool_pre_ping"] = True
        if parsed.get_driver_name() == "psycopg2":
            # Batch UPDATEs as well as INSERTs: a re-import updates every row.
            kwargs["executemany_mode"] = "values_plus_batch"
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (default :func:`database_url`), created once per URL."""
    key = url or database_url()
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _build_engine(key)
            _engines[key] = engine
        return engine


def get_sessionmaker(url: str | None = None) -> sessionmaker:
    """The ``sessionmaker`` bound to :func:`get_engine` for ``url``."""
    key = url or database_url()
    engine = get_engine(key)
    with _lock:
        factory = _sessionmakers.get(key)
        if factory is None:
            factory = sessionmaker(bind=engine, future=True, expire_on_commit=False)
            _sessionmakers[key] = factory
        return factory


def dispose_engines() -> None:
    """Close every cached engine's connections and forget them (tests, forks)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _sessionmakers.clear()


def create_schema(bind: Engine | Connection) -> None:
    """Create any missing tables and indexes (existing ones are left alone).

    Indexes are checked one by one, so a database made by an older version of the
    store gains the indexes added since; likewise nullable columns added since are
    added (the next import fills them). Other column changes are not migrated: then
    delete the database and import again (``make clean db``). The full-text index
    (:mod:`actions.store.fulltext`) is created and filled when missing.
    """
    # Deferred: keeps db.py importable on its own.
    from actions.store.fulltext import ensure_fulltext
    from actions.store.models import Base

    try:
        Base.metadata.create_all(bind)
        with _connection(bind) as connection:
            _add_missing_columns(connection, Base.metadata.sorted_tables)
            for table in Base.metadata.sorted_tables:
                for index in table.indexes:
                    index.create(bind=connection, checkfirst=True)
            ensure_fulltext(connection)
    except DBAPIError as exc:
        raise translate_error(exc) from exc


@contextmanager
def _connection(bind: Engine | Connection) -> Iterator[Connection]:
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.begin() as connection:
            yield connection


def _add_missing_columns(connection: Connection, tables: Any) -> None:
    """``ALTER TABLE ... ADD COLUMN`` for nullable model columns the database lacks."""
    inspector = inspect(connection)
    preparer = connection.dialect.identifier_preparer
    for table in tables:
        have = {column["name"] for column in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in have or not column.nullable:
                continue
            kind = column.type.compile(dialect=connection.dialect)
            connection.exec_driver_sql(
                f"ALTER TABLE {preparer.quote(table.name)} "
                f"ADD COLUMN {preparer.quote(column.name)} {kind}"
            )


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session in one transaction: commit on success, roll back on error.

    Database connection problems (and a database with no tables yet) come out as
    :class:`StoreUnavailable`; other database errors as :class:`StoreError`.
    """
    factory = get_sessionmaker(url)
    try:
        with factory.begin() as session:
            yield session
    except DBAPIError as exc:
        raise translate_error(exc) from exc


_MISSING_TABLE = ("no such table", "does not exist")


def translate_error(exc: DBAPIError) -> StoreError:
    """The store exception for a database error (not raised: the caller does that)."""
    message = _short(exc)
    if any(marker in message for marker in _MISSING_TABLE):
        return StoreUnavailable(
            f"the course database is unavailable: {message} "
            "(has the catalogue been imported? python -m actions.store.importer)"
        )
    if isinstance(exc, OperationalError):
        return StoreUnavailable(f"the course database is unavailable: {message}")
    return StoreError(f"course database error: {message}")


def _short(exc: DBAPIError) -> str:
    """The driver's message without SQLAlchemy's SQL echo and background link."""
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
