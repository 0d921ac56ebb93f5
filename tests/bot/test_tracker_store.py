"""Our SQL tracker store reads and writes the same rows as Rasa's, and Rasa loads it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig, read_endpoint_config

from bot import action_timeout, rasa_speedups
from bot.tracker_store import CourseAdvisorTrackerStore, event_row

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain.yml")


@pytest.fixture
def url(tmp_path: Path) -> Iterator[str]:
    yield f"sqlite:///{tmp_path / 'tracker.db'}"
    rasa_speedups.uninstall()
    action_timeout.uninstall()


def new_tracker(domain: Domain, sender: str) -> DialogueStateTracker:
    """A conversation that starts as Rasa's do (the store reads from ``SessionStarted`` on)."""
    tracker = DialogueStateTracker(sender, domain.slots)
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    return tracker


def one_turn(tracker: DialogueStateTracker, text: str, goal: str) -> None:
    parse = {"intent": {"name": "state_goal", "confidence": 0.9}, "entities": [], "text": text}
    tracker.update(UserUttered(text, parse["intent"], parse_data=parse))
    tracker.update(ActionExecuted("learner_profile_form"))
    tracker.update(SlotSet("goal", goal))
    tracker.update(BotUttered("Which subject?", {"buttons": [{"title": "a", "payload": "/b"}]}))
    tracker.update(ActionExecuted("action_listen"))


def rows(url: str) -> list[tuple[object, ...]]:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        result = connection.execute(
            sa.text(
                "SELECT sender_id, type_name, timestamp, intent_name, action_name, data "
                "FROM events ORDER BY id"
            )
        )
        return [tuple(row) for row in result]


async def test_round_trip_keeps_every_event_and_slot(domain: Domain, url: str) -> None:
    store = CourseAdvisorTrackerStore(domain=domain, host=url)
    tracker = new_tracker(domain, "learner-1")
    await store.save(tracker)
    one_turn(tracker, "I want to upskill 😀 <b>now</b>", "upskill")
    await store.save(tracker)
    loaded = await store.retrieve("learner-1")
    assert loaded is not None
    assert list(loaded.events) == list(tracker.events)
    assert loaded.get_slot("goal") == "upskill"
    assert await store.retrieve("nobody") is None


async def test_writes_the_same_rows_as_rasas_store(domain: Domain, tmp_path: Path) -> None:
    """Turn by turn, the same rows as Rasa's store, including when a tracker holding two
    sessions is saved: both count only the latest *stored* session's events, so both write
    the second session's first events again (Rasa itself never saves such a tracker: it
    reads only the latest session)."""
    ours_url = f"sqlite:///{tmp_path / 'ours.db'}"
    rasas_url = f"sqlite:///{tmp_path / 'rasas.db'}"
    ours = CourseAdvisorTrackerStore(domain=domain, host=ours_url)
    rasas = SQLTrackerStore(domain=domain, host=rasas_url)
    tracker = new_tracker(domain, "same")
    for turn in range(5):
        if turn == 3:  # a new session: only events from here on count as "stored"
            tracker.update(ActionExecuted("action_session_start"))
            tracker.update(SessionStarted())
        one_turn(tracker, f"turn {turn}", "explore")
        await ours.save(tracker)
        await rasas.save(tracker)
        assert rows(ours_url) == rows(rasas_url)  # even Rasa's quirks: see the docstring
    assert len(rows(ours_url)) > len(tracker.events)
    rasa_speedups.uninstall()


async def test_shares_a_database_with_rasas_store(domain: Domain, url: str) -> None:
    ours = CourseAdvisorTrackerStore(domain=domain, host=url)
    rasas = SQLTrackerStore(domain=domain, host=url)
    tracker = new_tracker(domain, "shared")
    one_turn(tracker, "first", "upskill")
    await rasas.save(tracker)
    from_ours = await ours.retrieve("shared")
    assert from_ours is not None and list(from_ours.events) == list(tracker.events)
    one_turn(from_ours, "second", "career_change")
    await ours.save(from_ours)
    from_rasas = await rasas.retrieve("shared")
    assert from_rasas is not None and list(from_rasas.events) == list(from_ours.events)
    assert from_rasas.get_slot("goal") == "career_change"


async def test_only_the_latest_session_is_read(domain: Domain, url: str) -> None:
    store = CourseAdvisorTrackerStore(domain=domain, host=url)
    tracker = new_tracker(domain, "sessions")
    one_turn(tracker, "old session", "explore")
    await store.save(tracker)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    await store.save(tracker)
    latest = await store.retrieve("sessions")
    full = await store.retrieve_full_tracker("sessions")
    assert latest is not None and full is not None
    assert len(full.events) == len(tracker.events)
    assert len(latest.events) < len(full.events)
    assert latest.get_slot("goal") is None


def test_event_row_copes_with_missing_parse_data() -> None:
    row = event_row("s", "user", {"event": "user", "text": "hi", "parse_data": None})
    assert row["intent_name"] is None
    row = event_row("s", "slot", {"event": "slot", "name": "goal", "timestamp": 1.5})
    assert (row["action_name"], row["timestamp"]) == ("goal", 1.5)


def test_rasa_builds_it_from_our_endpoints_file(
    domain: Domain, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rasa falls back to an in-memory store (with only a warning) when a custom class
    cannot be imported: make sure endpoints.yml really gives ours, with the speed-ups."""
    monkeypatch.setenv("TRACKER_STORE_URL", url)
    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:5055/webhook")
    for name in ("LOCK_STORE_TYPE", "REDIS_HOST", "REDIS_PORT", "REDIS_DB", "REDIS_PASSWORD"):
        monkeypatch.setenv(name, "in_memory" if name == "LOCK_STORE_TYPE" else "0")
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    assert isinstance(config, EndpointConfig)
    rasa_speedups.uninstall()
    store = TrackerStore.create(config, domain)
    inner = store._tracker_store if isinstance(store, FailSafeTrackerStore) else store
    assert isinstance(inner, CourseAdvisorTrackerStore)
    assert rasa_speedups.installed()
    assert action_timeout.installed()


def test_a_bad_action_timeout_stops_the_start_up(
    domain: Domain, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not Rasa's silent fallback to an in-memory store: the server must not start."""
    monkeypatch.setenv("ACTION_TIMEOUT", "soon")
    with pytest.raises(SystemExit, match="ACTION_TIMEOUT='soon'"):
        CourseAdvisorTrackerStore(domain=domain, host=url)


async def test_sqlite_file_keeps_its_connection_and_uses_wal(domain: Domain, url: str) -> None:
    store = CourseAdvisorTrackerStore(domain=domain, host=url)
    assert type(store.engine.pool).__name__ == "QueuePool"
    tracker = new_tracker(domain, "wal")
    one_turn(tracker, "hi", "explore")
    await store.save(tracker)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert await store.retrieve("wal") is not None


def test_only_sqlite_files_get_the_sqlite_engine() -> None:
    from bot.tracker_store import is_sqlite_file

    assert is_sqlite_file(sa.engine.make_url("sqlite:///var/tracker.db"))
    assert not is_sqlite_file(sa.engine.make_url("sqlite://"))
    assert not is_sqlite_file(sa.engine.make_url("sqlite:///:memory:"))
    assert not is_sqlite_file(sa.engine.make_url("postgresql://u:p@localhost/rasa"))
