"""What the store keeps about a learner: a shortlist and requests to talk to an adviser.

Learners are known only by their Rasa sender id. Every function takes that id and
touches nothing else, so one learner's data can never leak into another's answer;
:func:`forget_learner` deletes all of it on request.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from actions.store.db import StoreError
from actions.store.models import HANDOFF_STATUSES, Course, HandoffRequest, ShortlistItem, utcnow


def _check_sender(sender_id: str) -> str:
    if not isinstance(sender_id, str) or not sender_id.strip():
        raise StoreError("a learner needs a non-empty sender id")
    return sender_id


def save_shortlist(session: Session, sender_id: str, course_ids: Iterable[str]) -> int:
    """Add courses to the learner's shortlist; returns how many were new.

    Courses already on the list, and ids the catalogue does not know (for example a
    course pruned since it was shown), are skipped.
    """
    _check_sender(sender_id)
    wanted = list(dict.fromkeys(str(i) for i in course_ids))
    if not wanted:
        return 0
    known = set(session.execute(select(Course.id).where(Course.id.in_(wanted))).scalars())
    already = set(
        session.execute(
            select(ShortlistItem.course_id).where(
                ShortlistItem.sender_id == sender_id, ShortlistItem.course_id.in_(wanted)
            )
        ).scalars()
    )
    new = [cid for cid in wanted if cid in known and cid not in already]
    now = utcnow()
    session.add_all(
        ShortlistItem(sender_id=sender_id, course_id=cid, created_at=now) for cid in new
    )
    session.flush()
    return len(new)


def get_shortlist(session: Session, sender_id: str) -> list[Course]:
    """The learner's shortlisted courses, oldest first."""
    _check_sender(sender_id)
    rows = session.execute(
        select(Course)
        .join(ShortlistItem, ShortlistItem.course_id == Course.id)
        .where(ShortlistItem.sender_id == sender_id)
        .order_by(ShortlistItem.created_at, ShortlistItem.id)
    )
    return list(rows.scalars())


def remove_from_shortlist(session: Session, sender_id: str, course_ids: Iterable[str]) -> int:
    """Take courses off the learner's shortlist; returns how many were removed."""
    _check_sender(sender_id)
    ids = list(dict.fromkeys(course_ids))
    if not ids:
        return 0
    result = session.execute(
        delete(ShortlistItem)
        .where(ShortlistItem.sender_id == sender_id, ShortlistItem.course_id.in_(ids))
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


def create_handoff(session: Session, sender_id: str, summary: Mapping[str, Any]) -> HandoffRequest:
    """Record a request to talk to a careers adviser, with what the bot knew.

    ``summary`` must be JSON-serialisable (for example the learner profile slots and
    the shortlisted course ids).
    """
    _check_sender(sender_id)
    try:
        payload = json.loads(json.dumps(dict(summary)))
    except (TypeError, ValueError) as exc:
        raise StoreError(f"hand-off summary is not JSON-serialisable: {exc}") from exc
    request = HandoffRequest(
        sender_id=sender_id, summary=payload, status="open", created_at=utcnow()
    )
    session.add(request)
    session.flush()
    return request


def open_handoff(session: Session, sender_id: str) -> HandoffRequest | None:
    """This learner's latest hand-off request that no adviser has closed yet, if any."""
    _check_sender(sender_id)
    statement = (
        select(HandoffRequest)
        .where(HandoffRequest.sender_id == sender_id, HandoffRequest.status == "open")
        .order_by(HandoffRequest.created_at.desc(), HandoffRequest.id.desc())
        .limit(1)
    )
    return session.execute(statement).scalars().first()


def list_handoffs(session: Session, status: str | None = "open") -> list[HandoffRequest]:
    """Hand-off requests with this status (``open``, ``closed``; ``None`` for all), oldest first."""
    statement = select(HandoffRequest).order_by(HandoffRequest.created_at, HandoffRequest.id)
    if status is not None:
        if status not in HANDOFF_STATUSES:
            raise StoreError(f"unknown hand-off status {status!r}")
        statement = statement.where(HandoffRequest.status == status)
    return list(session.execute(statement).scalars())


def close_handoff(session: Session, handoff_id: int) -> HandoffRequest | None:
    """Mark a hand-off request closed; ``None`` when there is no such request.

    Closing an already closed request leaves it as it was.
    """
    request: HandoffRequest | None = session.get(HandoffRequest, handoff_id)
    if request is None:
        return None
    if request.status != "closed":
        request.status = "closed"
        request.closed_at = utcnow()
        session.flush()
    return request


def forget_learner(session: Session, sender_id: str) -> dict[str, int]:
    """Delete everything stored about this learner; returns the counts deleted."""
    _check_sender(sender_id)
    shortlist = session.execute(
        delete(ShortlistItem)
        .where(ShortlistItem.sender_id == sender_id)
        .execution_options(synchronize_session=False)
    )
    handoffs = session.execute(
        delete(HandoffRequest)
        .where(HandoffRequest.sender_id == sender_id)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
    return {
        "shortlist_items": int(shortlist.rowcount or 0),
        "handoff_requests": int(handoffs.rowcount or 0),
    }
