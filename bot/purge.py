"""Delete conversations older than the retention period from the SQL tracker store.

Usage::

    python -m bot.purge [--days N] [--url URL] [--dry-run]      # or: make purge

The retention comes from ``TRACKER_RETENTION_DAYS`` (30 days when unset) and the store from
``TRACKER_STORE_URL`` (``sqlite:///var/tracker.db``). Run it daily (cron, a systemd timer);
it is safe while Rasa runs:

- a conversation with no event newer than the cut-off is deleted whole;
- a conversation still going loses the events older than the cut-off from its earlier
  sessions. Its current session (from its latest ``session_started`` on, which is what Rasa
  reads and counts when it saves) is never cut, so a session that began before the cut-off
  and is still active is kept whole until it ends (after 12 idle hours: ``domain.yml``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa

RETENTION_ENV = "TRACKER_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30
STORE_URL_ENV = "TRACKER_STORE_URL"
DEFAULT_STORE_URL = "sqlite:///var/tracker.db"
SECONDS_PER_DAY = 86_400


def retention_days(environ: Mapping[str, str] | None = None) -> int:
    """The retention in whole days from ``TRACKER_RETENTION_DAYS`` (at least 1)."""
    env = os.environ if environ is None else environ
    raw = env.get(RETENTION_ENV, "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{RETENTION_ENV} must be a whole number of days, at least 1: {raw!r}")
    return int(raw)


@dataclass(frozen=True)
class PurgeResult:
    events: int
    conversations: int
    cutoff: float


_EVENTS = sa.table(
    "events",
    sa.column("id"),
    sa.column("sender_id"),
    sa.column("type_name"),
    sa.column("timestamp"),
)


def _purgeable(cutoff: float) -> sa.sql.ColumnElement[bool]:
    """Which events the purge deletes (module docstring)."""
    newer = _EVENTS.alias("newer")
    starts = _EVENTS.alias("starts")
    still_going = sa.select(newer.c.sender_id).where(newer.c.timestamp >= cutoff)
    current_session_start = (
        sa.select(sa.func.max(starts.c.timestamp))
        .where(
            starts.c.sender_id == _EVENTS.c.sender_id,
            starts.c.type_name == "session_started",
        )
        .scalar_subquery()
    )
    return sa.and_(
        _EVENTS.c.timestamp < cutoff,
        sa.or_(
            _EVENTS.c.sender_id.not_in(still_going),
            # NULL (no session start) compares false: such a conversation is one session.
            _EVENTS.c.timestamp < current_session_start,
        ),
    )


def purge(
    engine: sa.engine.Engine, days: int, *, now: float | None = None, dry_run: bool = False
) -> PurgeResult:
    """Delete what is older than ``days`` (module docstring); counts what was (or would be)
    deleted. Conversations counted are those left with no event at all."""
    cutoff = (time.time() if now is None else now) - days * SECONDS_PER_DAY
    doomed = _purgeable(cutoff)
    newer = _EVENTS.alias("newer")
    with engine.begin() as connection:
        if not sa.inspect(connection).has_table("events"):
            return PurgeResult(0, 0, cutoff)
        events = connection.execute(
            sa.select(sa.func.count()).select_from(_EVENTS).where(doomed)
        ).scalar_one()
        conversations = connection.execute(
            sa.select(sa.func.count(sa.distinct(_EVENTS.c.sender_id))).where(
                _EVENTS.c.timestamp < cutoff,
                _EVENTS.c.sender_id.not_in(
                    sa.select(newer.c.sender_id).where(newer.c.timestamp >= cutoff)
                ),
            )
        ).scalar_one()
        if not dry_run:
            connection.execute(_EVENTS.delete().where(doomed))
    return PurgeResult(int(events), int(conversations), cutoff)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot.purge",
        description="Delete conversations older than the retention period from the tracker store.",
    )
    parser.add_argument(
        "--days",
        type=int,
        help=f"retention in days (default: ${RETENTION_ENV} or {DEFAULT_RETENTION_DAYS})",
    )
    parser.add_argument(
        "--url", help=f"tracker store URL (default: ${STORE_URL_ENV} or {DEFAULT_STORE_URL})"
    )
    parser.add_argument("--dry-run", action="store_true", help="count only, delete nothing")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        days = args.days if args.days is not None else retention_days()
        if days < 1:
            raise ValueError("--days must be at least 1")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    url = sa.engine.make_url(args.url or os.environ.get(STORE_URL_ENV) or DEFAULT_STORE_URL)
    if url.get_backend_name() == "sqlite" and not Path(url.database or ":memory:").exists():
        print(f"Nothing to purge: there is no tracker store file at {url.database}.")
        return 0  # connecting would create an empty file
    engine = sa.create_engine(url)
    try:
        result = purge(engine, days, dry_run=args.dry_run)
    except sa.exc.SQLAlchemyError as error:
        reason = str(error).splitlines()[0]
        print(f"error: the tracker store cannot be purged: {reason}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    when = datetime.fromtimestamp(result.cutoff, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    verb = "Would delete" if args.dry_run else "Deleted"
    print(
        f"{verb} {result.events:,} events from before {when} ({days} days); "
        f"{result.conversations:,} conversations {'would be' if args.dry_run else 'were'} "
        "removed entirely."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
