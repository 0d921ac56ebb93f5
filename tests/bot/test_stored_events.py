"""The tracker store keeps a request's metadata once (bot/stored_events.py)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from rasa.shared.core.constants import SESSION_START_METADATA_SLOT
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import rasa_speedups
from bot.stored_events import storable
from bot.tracker_store import CourseAdvisorTrackerStore

ROOT = Path(__file__).resolve().parents[2]
METADATA = {"renders": ["course_list"], "blob": "m" * 1000}


def test_user_events_keep_their_metadata_once() -> None:
    event = UserUttered(
        "hi", {"name": "greet"}, parse_data={"text": "hi", "metadata": METADATA}, metadata=METADATA
    ).as_dict()
    kept = storable(event)
    assert kept["metadata"] == METADATA
    assert "metadata" not in kept["parse_data"] and kept["parse_data"]["text"] == "hi"
    assert "metadata" in event["parse_data"]  # the event itself is left alone


def test_the_session_start_metadata_slot_is_stored_empty() -> None:
    slot = SlotSet(SESSION_START_METADATA_SLOT, METADATA).as_dict()
    assert storable(slot)["value"] is None
    other = SlotSet("goal", "upskill").as_dict()
    assert storable(other) is other


async def test_a_turn_with_metadata_stores_it_once(tmp_path: Path) -> None:
    domain = Domain.load(ROOT / "domain.yml")
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = CourseAdvisorTrackerStore(domain=domain, host=url)
    try:
        # The first turn of a session as Rasa 3.6 logs it (processor and action_session_start).
        tracker = DialogueStateTracker("learner", domain.slots)
        tracker.update(SlotSet(SESSION_START_METADATA_SLOT, METADATA))
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(SlotSet(SESSION_START_METADATA_SLOT, METADATA))
        tracker.update(ActionExecuted("action_listen"))
        parse = {"text": "hi", "intent": {"name": "greet"}, "entities": [], "metadata": METADATA}
        tracker.update(UserUttered("hi", parse["intent"], parse_data=parse, metadata=METADATA))
        await store.save(tracker)
        with sa.create_engine(url).connect() as connection:
            data = [row[0] for row in connection.execute(sa.text("SELECT data FROM events"))]
        assert len(data) == len(tracker.events)
        assert sum(row.count(METADATA["blob"]) for row in data) == 1
        loaded = await store.retrieve("learner")
        assert loaded is not None and loaded.latest_message is not None
        assert loaded.latest_message.metadata == METADATA
    finally:
        rasa_speedups.uninstall()
