"""Retention: ``python -m bot.purge`` on a real SQLite tracker store."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import rasa_speedups
from bot.purge import RETENTION_ENV, main, purge, retention_days
from bot.tracker_store import CourseAdvisorTrackerStore

ROOT = Path(__file__).resolve().parents[2]
DAY = 86_400.0
NOW = time.time()


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain.yml")


@pytest.fixture
def url(tmp_path: Path) -> Iterator[str]:
    yield f"sqlite:///{tmp_path / 'tracker.db'}"
    rasa_speedups.uninstall()


def session(tracker: DialogueStateTracker, days_ago: float, text: str) -> None:
    """A session that started ``days_ago`` with one message an hour later."""
    start = NOW - days_ago * DAY
    tracker.update(ActionExecuted("action_session_start", timestamp=start))
    tracker.update(SessionStarted(timestamp=start))
    tracker.update(ActionExecuted("action_listen", timestamp=start))
    tracker.update(UserUttered(text, {"name": "greet"}, timestamp=start + 3600))


async def store_conversations(domain: Domain, url: str) -> None:
    store = CourseAdvisorTrackerStore(domain=domain, host=url)
    idle = DialogueStateTracker("idle", domain.slots)  # last seen 40 days ago
    session(idle, 60, "idle first")
    session(idle, 40, "idle second")
    going = DialogueStateTracker("going", domain.slots)  # old sessions, and one today
    session(going, 50, "going old")
    session(going, 0.5, "going today")
    long_session = DialogueStateTracker("long", domain.slots)  # one session since 45 days ago
    session(long_session, 45, "long start")
    long_session.update(UserUttered("long today", {"name": "greet"}, timestamp=NOW - 60))
    recent = DialogueStateTracker("recent", domain.slots)
    session(recent, 2, "recent")
    for tracker in (idle, going, long_session, recent):
        await store.save(tracker)
    store.engine.dispose()


def texts(url: str) -> set[str]:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT data FROM events WHERE type_name = 'user'"))
        found = {data.split('"text": "')[1].split('"')[0] for (data,) in rows}
    engine.dispose()
    return found


async def test_purge_deletes_what_is_older_than_the_retention(domain: Domain, url: str) -> None:
    await store_conversations(domain, url)
    engine = sa.create_engine(url)
    result = purge(engine, 30, now=NOW)
    engine.dispose()
    assert texts(url) == {"going today", "long start", "long today", "recent"}
    assert result.conversations == 1  # "idle"
    assert result.events == 8 + 4  # two idle sessions, one old session of "going"
    # A store that was purged reads back as Rasa expects.
    store = CourseAdvisorTrackerStore(domain=domain, host=url)
    going = await store.retrieve("going")
    assert going is not None and going.latest_message is not None
    assert going.latest_message.text == "going today"
    assert await store.retrieve("idle") is None


async def test_a_dry_run_deletes_nothing(domain: Domain, url: str) -> None:
    await store_conversations(domain, url)
    engine = sa.create_engine(url)
    result = purge(engine, 30, now=NOW, dry_run=True)
    engine.dispose()
    assert (result.events, result.conversations) == (12, 1)
    assert len(texts(url)) == 7


async def test_the_command_reads_the_retention_from_the_environment(
    domain: Domain, url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await store_conversations(domain, url)
    monkeypatch.setenv(RETENTION_ENV, "1")
    monkeypatch.setenv("TRACKER_STORE_URL", url)
    assert main([]) == 0
    assert "Deleted 16 events" in capsys.readouterr().out  # also the "recent" conversation
    assert texts(url) == {"going today", "long start", "long today"}


def test_a_missing_or_empty_store_is_nothing_to_purge(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    assert main(["--url", f"sqlite:///{missing}", "--days", "7"]) == 0
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    sa.create_engine(f"sqlite:///{empty}").connect().close()
    assert main(["--url", f"sqlite:///{empty}", "--days", "7"]) == 0


@pytest.mark.parametrize("raw", ["0", "-3", "a week", "1.5"])
def test_a_bad_retention_is_refused(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match=RETENTION_ENV):
        retention_days({RETENTION_ENV: raw})
    monkeypatch.setenv(RETENTION_ENV, raw)
    assert main(["--url", "sqlite://"]) == 2


def test_the_default_retention() -> None:
    assert retention_days({}) == 30 and retention_days({RETENTION_ENV: "90"}) == 90
