"""Forget-me in the tracker store, on a real SQLite file (bot/forget.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot import rasa_speedups
from bot.forget import FORGET_ACTION, forget_point, kept_after_forgetting
from bot.tracker_store import CourseAdvisorTrackerStore

ROOT = Path(__file__).resolve().parents[2]
SECRET = "my name is Ada Lovelace and my NI number is QQ123456C"


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain.yml")


@pytest.fixture
def store(domain: Domain, tmp_path: Path) -> Iterator[CourseAdvisorTrackerStore]:
    yield CourseAdvisorTrackerStore(domain=domain, host=f"sqlite:///{tmp_path / 'tracker.db'}")
    rasa_speedups.uninstall()


def said(tracker: DialogueStateTracker, text: str, intent: str = "inform") -> None:
    parse = {"text": text, "intent": {"name": intent}, "entities": [{"value": text}]}
    tracker.update(UserUttered(text, parse["intent"], parse["entities"], parse))


def start_session(tracker: DialogueStateTracker) -> None:
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))


def forget_turn(tracker: DialogueStateTracker) -> None:
    """The learner asks, confirms, and the action runs (as Rasa logs it)."""
    said(tracker, "delete my data", "forget_me")
    tracker.update(ActionExecuted("action_confirm_forget_me"))
    tracker.update(BotUttered("Delete everything I know about you?"))
    tracker.update(ActionExecuted("action_listen"))
    said(tracker, "/affirm", "affirm")
    tracker.update(ActionExecuted(FORGET_ACTION))
    tracker.update(BotUttered("Done. I've deleted our conversation."))
    tracker.update(AllSlotsReset())
    tracker.update(ActionExecuted("action_listen"))


def rows(store: CourseAdvisorTrackerStore, sender: str) -> list[str]:
    with store.engine.connect() as connection:
        result = connection.execute(
            sa.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
        )
        return [data for (data,) in result]


async def test_forget_me_deletes_every_stored_event_of_the_learner(
    domain: Domain, store: CourseAdvisorTrackerStore
) -> None:
    tracker = DialogueStateTracker("ada", domain.slots)
    start_session(tracker)
    said(tracker, SECRET)
    tracker.update(SlotSet("topic", SECRET))
    await store.save(tracker)
    start_session(tracker)  # a second session, also stored
    said(tracker, "python please " + SECRET)
    await store.save(tracker)
    other = DialogueStateTracker("someone-else", domain.slots)
    start_session(other)
    said(other, SECRET)
    await store.save(other)

    tracker = await store.retrieve("ada")  # as Rasa does: the latest session only
    assert tracker is not None
    forget_turn(tracker)
    await store.save(tracker)

    kept = rows(store, "ada")
    assert not any(SECRET in data or "delete my data" in data for data in kept)
    assert len(kept) == 4 and FORGET_ACTION in kept[0]
    assert len(rows(store, "someone-else")) == 4  # nobody else's conversation
    again = await store.retrieve_full_tracker("ada")
    assert again is not None
    assert [e.type_name for e in again.events] == ["action", "bot", "reset_slots", "action"]
    assert again.get_slot("topic") is None


async def test_later_turns_are_saved_normally(
    domain: Domain, store: CourseAdvisorTrackerStore
) -> None:
    tracker = DialogueStateTracker("grace", domain.slots)
    start_session(tracker)
    said(tracker, SECRET)
    forget_turn(tracker)
    await store.save(tracker)
    after = await store.retrieve("grace")
    assert after is not None and len(after.events) == 4
    said(after, "hello again")
    tracker_events = len(after.events)
    await store.save(after)  # the forget-me action is stored now: nothing more is deleted
    assert len(rows(store, "grace")) == tracker_events
    assert "hello again" in rows(store, "grace")[-1]


def test_user_words_older_than_the_action_are_blanked() -> None:
    forget = ActionExecuted(FORGET_ACTION, timestamp=100.0).as_dict()
    late = UserUttered(SECRET, {"name": "inform"}, timestamp=99.0, metadata={"x": SECRET})
    later = UserUttered("hi", {"name": "greet"}, timestamp=101.0)
    kept = kept_after_forgetting([forget, late.as_dict(), later.as_dict()])
    assert SECRET not in str(kept)
    assert kept[2]["text"] == "hi" and kept[0] == forget
    assert kept_after_forgetting([]) == []


def test_the_last_forget_me_action_counts() -> None:
    events = [
        ActionExecuted("action_listen"),
        ActionExecuted(FORGET_ACTION),
        ActionExecuted("action_listen"),
        ActionExecuted(FORGET_ACTION),
    ]
    assert forget_point(events) == 3
    assert forget_point(events[:1]) is None
