"""Topics learners asked for that the catalogue lacks, for advisers and providers.

Only the topic, the coarse subject (when known), the kind of miss and the time are
kept: no sender id, no message text. Usage::

    python -m actions.store.misses [--db URL] [--days N] [--top N]

prints the most asked-for missing topics, most frequent first.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from actions.store.db import StoreError, session_scope
from actions.store.models import TopicMiss, utcnow

#: Longest topic kept (longer ones are cut: a topic is a few words, not a message).
MAX_TOPIC_CHARS = 120
KINDS = ("none", "partial")


@dataclass(frozen=True)
class MissCount:
    topic: str
    kind: str
    count: int
    last_seen: datetime


def record_topic_miss(session: Session, topic: str, subject: str | None, kind: str) -> None:
    """Remember that a learner asked for ``topic`` and the catalogue had nothing (or part)."""
    if kind not in KINDS:
        raise StoreError(f"unknown kind of topic miss {kind!r}; expected one of {KINDS}")
    cleaned = " ".join(str(topic).split()).lower()[:MAX_TOPIC_CHARS]
    if not cleaned:
        return
    session.add(TopicMiss(topic=cleaned, subject_id=subject, kind=kind, created_at=utcnow()))
    session.flush()


def topic_miss_report(
    session: Session, days: float | None = None, top: int = 50
) -> list[MissCount]:
    """The missing topics asked for most often (in the last ``days`` when given)."""
    last = func.max(TopicMiss.created_at)
    query = select(TopicMiss.topic, TopicMiss.kind, func.count(), last).group_by(
        TopicMiss.topic, TopicMiss.kind
    )
    if days is not None:
        query = query.where(TopicMiss.created_at >= utcnow() - timedelta(days=days))
    rows = session.execute(
        query.order_by(func.count().desc(), last.desc(), TopicMiss.topic).limit(top)
    ).all()
    return [MissCount(topic, kind, int(n), seen) for topic, kind, n, seen in rows]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m actions.store.misses",
        description="Topics learners asked for that the catalogue lacks (most asked first).",
    )
    parser.add_argument("--db", help="database URL (default: COURSE_DB_URL or var/courses.db)")
    parser.add_argument("--days", type=float, help="only the last N days")
    parser.add_argument("--top", type=int, default=50, help="how many topics (default 50)")
    args = parser.parse_args(argv)
    try:
        with session_scope(args.db) as session:
            rows = topic_miss_report(session, args.days, args.top)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not rows:
        print("No missing topics recorded.")
        return 0
    print(f"{'asked':>5}  {'kind':<8} {'last asked':<17} topic")
    for row in rows:
        print(f"{row.count:>5}  {row.kind:<8} {row.last_seen:%Y-%m-%d %H:%M} {row.topic}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
