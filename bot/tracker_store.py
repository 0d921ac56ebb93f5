"""Rasa's SQL tracker store with leaner reads and writes of a conversation's events.

Rasa keeps each conversation as rows of the ``events`` table and, on every message, reads the
current session's rows and writes the new ones. ``SQLTrackerStore`` does both through ORM
objects: a ``SQLEvent`` instance per row read, and per row written an object added to the
session and flushed one ``INSERT`` at a time. Measured on our journey with SQLite, that was
about 5 ms of a 18 ms reply (``bench/README.md``).

``CourseAdvisorTrackerStore`` keeps Rasa's table and semantics (which events belong to the
current session: those from the latest ``session_started`` on; which are new: those after the
number stored) and changes only how rows move: three statements built once (Core, not ORM
queries rebuilt per message) read the ``data`` column alone, count the stored events and
write the new rows with one multi-row ``INSERT``. Servers using it and servers using Rasa's
``SQL`` type can share a database.

Two things it stores differently, on purpose: a request's metadata once, not four times
(:mod:`bot.stored_events`), and nothing from before a learner's forget-me (:mod:`bot.forget`).

With an SQLite file it also keeps its connection open between messages (SQLAlchemy 1.4 opens
a new one per session for SQLite files, two per message) and switches the file to
write-ahead logging, which needs one sync of the disk per commit instead of several and
is as durable (``synchronous`` stays ``FULL``). PostgreSQL keeps Rasa's engine and pool.

Building it is also where the Rasa server's start-up tuning happens: it installs the fixes
of two per-message hot spots in Rasa (`bot.rasa_speedups`) and the time limit on custom
actions (`bot.action_timeout`).

Enabled in ``endpoints.yml``::

    tracker_store:
      type: bot.tracker_store.CourseAdvisorTrackerStore
      url: ${TRACKER_STORE_URL}
"""

from __future__ import annotations

import itertools
import json
import logging
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot import action_timeout, rasa_speedups
from bot.forget import forget_point, kept_after_forgetting
from bot.sender_ids import loggable
from bot.stored_events import storable

logger = logging.getLogger(__name__)


def _safe_url(url: Any) -> str:
    """A database URL for a log line, password hidden."""
    try:
        return repr(sa.engine.make_url(str(url)))
    except Exception:
        return "the configured database"


class TrackerStoreUnusable(SystemExit):
    """The tracker store cannot be used: the server must not start.

    A ``SystemExit`` on purpose: Rasa catches every ``Exception`` raised while it builds a
    tracker store and quietly uses an in-memory one instead, so every learner would be
    forgotten at each turn while the health check stays green.
    """


class CourseAdvisorTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` with column-only reads and multi-row inserts (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().__init__(*args, **kwargs)
            rasas_engine: sa.engine.Engine = self.engine  # type: ignore[has-type]
            if is_sqlite_file(rasas_engine.url):
                rasas_engine.dispose()
                self.engine = sqlite_engine(rasas_engine.url)
                self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
            self._check_writable()
        except Exception as exc:
            message = (
                f"The tracker store at {_safe_url(kwargs.get('host'))} cannot be used, "
                f"so conversations could not be kept: {str(exc).splitlines()[0]}. "
                "Fix TRACKER_STORE_URL (or the file's permissions) and start again."
            )
            logger.critical(message)
            raise TrackerStoreUnusable(message) from exc
        self._statements = EventStatements(self.SQLEvent.__table__)
        rasa_speedups.install()
        try:
            action_timeout.install()
        except ValueError as exc:  # raised as SystemExit: Rasa swallows any Exception here
            logger.critical("%s", exc)
            raise SystemExit(f"Cannot start: {exc}") from exc

    def _check_writable(self) -> None:
        """Take the database's write lock once and let it go: fails on a read-only store."""
        with self.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                connection.exec_driver_sql("ROLLBACK")
            else:
                connection.exec_driver_sql("SELECT 1")

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        statement = (
            self._statements.all_sessions
            if fetch_events_from_all_sessions
            else self._statements.latest_session
        )
        with self.session_scope() as session:
            result = session.execute(statement, {"sender_id": sender_id})
            events = [json.loads(data) for (data,) in result]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        logger.debug("No stored conversation for sender id '%s'.", sender_id)
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the events the database does not have yet, in one statement; in a turn
        where the learner's forget-me ran, delete their conversation first (`bot.forget`)."""
        await self.stream_events(tracker)
        sender_id = tracker.sender_id
        with self.session_scope() as session:
            stored = session.execute(self._statements.count, {"sender_id": sender_id}).scalar()
            new = list(itertools.islice(tracker.events, int(stored or 0), None))
            forget_from = forget_point(new)
            if forget_from is None:
                data = [event.as_dict() for event in new]
            else:
                deleted = session.execute(self._statements.delete, {"sender_id": sender_id})
                data = kept_after_forgetting([event.as_dict() for event in new[forget_from:]])
                logger.info(
                    "Forget-me: deleted the %d stored events of %s and %d unsaved ones",
                    deleted.rowcount,
                    loggable(sender_id),
                    forget_from,
                )
            rows = [event_row(sender_id, item["event"], storable(item)) for item in data]
            if rows:
                session.execute(self._statements.insert, rows)
            session.commit()


class EventStatements:
    """The statements the store runs on every message, built once.

    The current session's events are those from the latest ``session_started`` event on (by
    timestamp), or all of them when there is none: Rasa's ``SQLTrackerStore._event_query``.
    """

    def __init__(self, events: sa.Table) -> None:
        sender = events.c.sender_id == sa.bindparam("sender_id")
        session_start = (
            sa.select(sa.func.max(events.c.timestamp))
            .where(sender, events.c.type_name == SessionStarted.type_name)
            .scalar_subquery()
        )
        in_latest_session = sa.or_(events.c.timestamp >= session_start, session_start.is_(None))
        self.all_sessions = sa.select(events.c.data).where(sender).order_by(events.c.id)
        self.latest_session = (
            sa.select(events.c.data).where(sender, in_latest_session).order_by(events.c.id)
        )
        self.count = sa.select(sa.func.count()).select_from(events).where(sender, in_latest_session)
        self.insert = events.insert()
        self.delete = events.delete().where(sender)


def event_row(sender_id: str, type_name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The ``events`` row of one event, with the same columns ``SQLTrackerStore`` fills."""
    parse_data = data.get("parse_data")
    intent = parse_data.get("intent") if isinstance(parse_data, dict) else None
    return {
        "sender_id": sender_id,
        "type_name": type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": intent.get(INTENT_NAME_KEY) if isinstance(intent, dict) else None,
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


def is_sqlite_file(url: sa.engine.URL) -> bool:
    """An SQLite database kept in a file (not ``:memory:``)."""
    database = url.database or ""
    return url.get_backend_name() == "sqlite" and database not in ("", ":memory:")


def sqlite_engine(url: sa.engine.URL) -> sa.engine.Engine:
    """An engine for an SQLite file that keeps its connections (a small pool) and uses
    write-ahead logging. Rasa calls the store from its event loop thread only; the pool
    may still hand a connection to another thread, hence ``check_same_thread=False``."""
    engine = sa.create_engine(
        url,
        poolclass=sa.pool.QueuePool,
        pool_size=2,
        connect_args={"check_same_thread": False},
    )

    @sa.event.listens_for(engine, "connect")
    def _write_ahead_log(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        finally:
            cursor.close()

    return engine
