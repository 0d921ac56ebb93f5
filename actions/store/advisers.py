"""Careers advisers' view of learners' hand-off requests.

Usage::

    python -m actions.store.advisers list [--all | --closed] [--json] [--db URL]
    python -m actions.store.advisers close REFERENCE|ID [--db URL]

A learner is told a random reference (``K7QM-3XZD``, 40 bits), kept in the request's summary;
the integer id is the database's and is never shown to learners: sequential ids would say how
many requests others made and invite guessing.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
from collections.abc import Sequence
from typing import Any

from actions.store.db import StoreError, database_url, session_scope
from actions.store.learners import close_handoff, list_handoffs
from actions.store.models import HandoffRequest

SUMMARY_WIDTH = 100
#: Crockford's base 32: no I, L, O or U, so a reference read out over the phone survives.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_KEY = "reference"


def new_reference() -> str:
    """A random, unguessable hand-off reference for the learner, e.g. ``K7QM-3XZD``."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def reference_of(request: HandoffRequest) -> str:
    """The reference the learner was given ("-" for requests made before references)."""
    summary = request.summary
    value = summary.get(REFERENCE_KEY) if isinstance(summary, dict) else None
    return value if isinstance(value, str) else "-"


def _find(requests: Sequence[HandoffRequest], key: str) -> HandoffRequest | None:
    """The request with this reference (any case, dash optional) or integer id."""
    wanted = key.strip().upper().replace("-", "")
    for request in requests:
        if reference_of(request).replace("-", "") == wanted or str(request.id) == key.strip():
            return request
    return None


def _when(request: HandoffRequest) -> str:
    created = request.created_at
    return created.strftime("%Y-%m-%d %H:%M") if created is not None else "?"


def _summary_line(summary: Any, width: int = SUMMARY_WIDTH) -> str:
    """A one-line digest of a summary dict: ``key: value; ...``, cut to ``width``."""
    if isinstance(summary, dict):
        parts = []
        for key, value in summary.items():
            if value in (None, "", [], {}):
                continue
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            parts.append(f"{key}: {shown}")
        text = "; ".join(parts)
    else:
        text = str(summary)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _as_dict(request: HandoffRequest) -> dict[str, Any]:
    return {
        "id": request.id,
        "reference": reference_of(request),
        "created_at": request.created_at.isoformat() if request.created_at else None,
        "sender_id": request.sender_id,
        "status": request.status,
        "summary": request.summary,
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m actions.store.advisers",
        description="List and close learners' requests to talk to a careers adviser.",
    )
    parser.add_argument(
        "--db", metavar="URL", help="database URL (default: $COURSE_DB_URL or var/courses.db)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = commands.add_parser("list", help="list hand-off requests (open ones by default)")
    which = show.add_mutually_exclusive_group()
    which.add_argument("--closed", action="store_true", help="list closed requests instead")
    which.add_argument("--all", action="store_true", help="list open and closed requests")
    show.add_argument("--json", action="store_true", help="print JSON instead of a table")
    close = commands.add_parser("close", help="mark a hand-off request as dealt with")
    close.add_argument("key", metavar="REFERENCE", help="the learner's reference, or the id")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    args = _parser().parse_args(argv)
    url = args.db or database_url()
    try:
        with session_scope(url) as session:
            if args.command == "close":
                found = _find(list_handoffs(session, None), args.key)
                request = close_handoff(session, found.id) if found is not None else None
                if request is None:
                    print(f"no hand-off request {args.key}", file=sys.stderr)
                    return 1
                print(
                    f"closed hand-off request {reference_of(request)} "
                    f"(id {request.id}, {request.sender_id})"
                )
                return 0
            status = None if args.all else "closed" if args.closed else "open"
            requests = list_handoffs(session, status)
            if args.json:
                print(json.dumps([_as_dict(r) for r in requests], indent=2, ensure_ascii=False))
                return 0
            if not requests:
                print(f"no {status or ''} hand-off requests".replace("  ", " "))
                return 0
            print(
                f"{'reference':9}  {'id':>5}  {'when (UTC)':16}  {'status':6}  {'sender':20}  "
                "summary"
            )
            for r in requests:
                summary = {k: v for k, v in (r.summary or {}).items() if k != REFERENCE_KEY}
                print(
                    f"{reference_of(r):9}  {r.id:>5}  {_when(r):16}  {r.status:6}  "
                    f"{r.sender_id[:20]:20}  {_summary_line(summary)}"
                )
            return 0
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
