"""Rasa's SQL tracker store with leaner reads and writes of a conversation's events.

Rasa keeps each conversation as rows of the ``events`` table and, on every message, reads the
current session's rows and writes the new ones. ``SQLTrackerStore`` does both through ORM
objects: a ``SQLEvent`` instance per row read, and per row written an object added to the
session and flushed one ``INSERT`` at a time. Measured on our journey with SQLite, that was
about 5 ms of a 18 ms reply (``bench/README.md``).

``CourseAdvisorTrackerStore`` keeps Rasa's table, queries and semantics (which events belong
to the current session, which are new: the same ``_event_query``) and changes only how rows
move: it reads the ``data`` column alone and writes the new rows with one multi-row
``INSERT``. Servers using it and servers using Rasa's ``SQL`` type can share a database.

With an SQLite file it also keeps its connection open between messages (SQLAlchemy 1.4 opens
a new one per session for SQLite files, two per message) and switches the file to
write-ahead logging, which needs one sync of the disk per commit instead of several and
is as durable (``synchronous`` stays ``FULL``). PostgreSQL keeps Rasa's engine and pool.

Building it is also where the Rasa server's start-up tuning happens: it installs the fixes
of two per-message hot spots in Rasa (`bot.rasa_speedups`).

Enabled in ``endpoints.yml``::

    tracker_store:
      type: bot.tracker_store.CourseAdvisorTrackerStore
      url: ${TRACKER_STORE_URL}
"""

from __future__ import annotations

import json
import logging
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot import rasa_speedups

logger = logging.getLogger(__name__)


class CourseAdvisorTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` with column-only reads and multi-row inserts (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rasas_engine: sa.engine.Engine = self.engine  # type: ignore[has-type]
        if is_sqlite_file(rasas_engine.url):
            rasas_engine.dispose()
            self.engine = sqlite_engine(rasas_engine.url)
            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
        rasa_speedups.install()

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            query = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
            ).with_entities(self.SQLEvent.data)
            events = [json.loads(data) for (data,) in query]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        logger.debug("No stored conversation for sender id '%s'.", sender_id)
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the events the database does not have yet, in one statement."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows = [
                event_row(tracker.sender_id, event.type_name, event.as_dict())
                for event in self._additional_events(session, tracker)
            ]
            if rows:
                session.execute(sa.insert(self.SQLEvent.__table__), rows)
            session.commit()


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
