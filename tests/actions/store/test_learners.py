"""Per-learner data: shortlists and hand-off requests, isolated by sender id."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from actions.store.advisers import main as advisers_main
from actions.store.db import StoreError, StoreUnavailable, create_schema, get_engine, session_scope
from actions.store.learners import (
    close_handoff,
    create_handoff,
    forget_learner,
    get_shortlist,
    list_handoffs,
    remove_from_shortlist,
    save_shortlist,
)

A, B = "sender-a", "sender-b"
AWS = "futurelearn-aws-solutions-architect-microcredential"
CLIMATE = "mooc-fi-climate-now"
CYBER = "edx-micromasters-program-in-cybersecurity"


def test_shortlist_counts_new_items_and_skips_duplicates_and_unknown_ids(
    session: Session,
) -> None:
    assert save_shortlist(session, A, [AWS, CLIMATE, AWS, "no-such-course"]) == 2
    assert save_shortlist(session, A, [CLIMATE, CYBER]) == 1
    assert save_shortlist(session, A, []) == 0
    assert [c.id for c in get_shortlist(session, A)] == [AWS, CLIMATE, CYBER]


def test_shortlists_are_per_sender(session: Session) -> None:
    save_shortlist(session, A, [AWS, CLIMATE])
    save_shortlist(session, B, [CLIMATE])
    assert [c.id for c in get_shortlist(session, B)] == [CLIMATE]
    assert remove_from_shortlist(session, B, [AWS]) == 0  # A's course is untouched
    assert remove_from_shortlist(session, A, [AWS]) == 1
    assert [c.id for c in get_shortlist(session, A)] == [CLIMATE]
    assert [c.id for c in get_shortlist(session, B)] == [CLIMATE]
    assert get_shortlist(session, "nobody") == []


def test_handoffs_open_list_close(session: Session) -> None:
    first = create_handoff(session, A, {"subject": "law", "shortlist": [AWS]})
    second = create_handoff(session, B, {"subject": "design"})
    assert first.id != second.id and first.status == "open"
    assert [h.id for h in list_handoffs(session)] == [first.id, second.id]
    closed = close_handoff(session, first.id)
    assert closed is not None and closed.status == "closed" and closed.closed_at is not None
    assert [h.id for h in list_handoffs(session)] == [second.id]
    assert [h.id for h in list_handoffs(session, "closed")] == [first.id]
    assert len(list_handoffs(session, None)) == 2
    assert close_handoff(session, 999_999) is None
    assert list_handoffs(session, "closed")[0].summary == {"subject": "law", "shortlist": [AWS]}


def test_handoff_summary_must_be_json(session: Session) -> None:
    with pytest.raises(StoreError, match="JSON"):
        create_handoff(session, A, {"when": object()})
    with pytest.raises(StoreError, match="unknown hand-off status"):
        list_handoffs(session, "pending")


def test_forget_learner_deletes_only_that_learner(session: Session) -> None:
    save_shortlist(session, A, [AWS, CLIMATE])
    save_shortlist(session, B, [AWS])
    create_handoff(session, A, {"subject": "law"})
    create_handoff(session, B, {"subject": "law"})
    assert forget_learner(session, A) == {"shortlist_items": 2, "handoff_requests": 1}
    assert get_shortlist(session, A) == []
    assert [c.id for c in get_shortlist(session, B)] == [AWS]
    assert [h.sender_id for h in list_handoffs(session)] == [B]
    assert forget_learner(session, A) == {"shortlist_items": 0, "handoff_requests": 0}


def test_empty_sender_id_is_refused(session: Session) -> None:
    with pytest.raises(StoreError):
        save_shortlist(session, "", [AWS])


# -- sessions at the edge and the advisers' CLI ----------------------------------------


def test_session_scope_reports_a_missing_database_as_unavailable(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    missing = "has the catalogue been imported"
    with pytest.raises(StoreUnavailable, match=missing), session_scope(url) as session:
        list_handoffs(session)


def test_session_scope_reports_an_unreachable_server_as_unavailable() -> None:
    url = "postgresql+psycopg2://nobody@127.0.0.1:1/none?connect_timeout=2"
    down = "the course database is unavailable"
    with pytest.raises(StoreUnavailable, match=down), session_scope(url) as session:
        list_handoffs(session)


def test_advisers_cli_lists_and_closes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'advisers.db'}"
    create_schema(get_engine(url))
    with session_scope(url) as session:
        request = create_handoff(session, "telegram-42", {"goal": "career_change", "budget": 600})
        request_id = request.id

    assert advisers_main(["--db", url, "list"]) == 0
    out = capsys.readouterr().out
    assert "telegram-42" in out and "goal: career_change; budget: 600" in out

    assert advisers_main(["--db", url, "close", str(request_id)]) == 0
    assert advisers_main(["--db", url, "list"]) == 0
    assert "no open hand-off requests" in capsys.readouterr().out
    assert advisers_main(["--db", url, "close", "12345"]) == 1
    assert advisers_main(["--db", url, "list", "--all", "--json"]) == 0
    assert '"status": "closed"' in capsys.readouterr().out
