"""Fixtures for action tests: a temporary course store, trackers built inline, the real domain."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import SAID_AS
from actions.store.db import dispose_engines
from actions.store.search import Recommendation
from nlu.extraction import extract

ROOT = Path(__file__).resolve().parents[2]
SLOTS = yaml.safe_load((ROOT / "domain.yml").read_text())["slots"]


@pytest.fixture(scope="session")
def catalogue_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding the real catalogue, imported once for the session."""
    url = f"sqlite:///{tmp_path_factory.mktemp('actions-store') / 'courses.db'}"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "actions.store.importer",
            "--db",
            url,
            "--quiet",
            str(ROOT / "data" / "catalogue" / "courses.csv"),
        ],
        cwd=ROOT,
        check=True,
    )
    return url


@pytest.fixture
def store(catalogue_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the actions at a fresh copy of the catalogue store (learner data starts empty)."""
    copy = tmp_path / "courses.db"
    copy.write_bytes(Path(catalogue_db.removeprefix("sqlite:///")).read_bytes())
    url = f"sqlite:///{copy}"
    monkeypatch.setenv("COURSE_DB_URL", url)
    yield url
    dispose_engines()


@pytest.fixture
def domain() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "domain.yml").read_text())
    return loaded


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def extracted(text: str) -> list[dict[str, Any]]:
    """The entities nlu.extraction finds in ``text``, as Rasa would put them on a message."""
    return [
        {
            "entity": e.entity,
            "value": e.value,
            "start": e.start,
            "end": e.end,
            "confidence": e.confidence,
            **({SAID_AS: e.said_as} if e.said_as else {}),
        }
        for e in extract(text)
    ]


def make_tracker(
    text: str = "",
    *,
    intent: str = "inform",
    slots: dict[str, Any] | None = None,
    sender_id: str = "learner-1",
    intent_ranking: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
    entities: list[dict[str, Any]] | None = None,
) -> Tracker:
    """A tracker as the action server would receive it, with every domain slot present.

    Pass ``entities=extracted(text)`` to have our real extractor read the text.
    """
    all_slots: dict[str, Any] = {name: None for name in SLOTS}
    all_slots["requested_slot"] = None
    all_slots.update(slots or {})
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "intent_ranking": intent_ranking or [{"name": intent, "confidence": 0.9}],
        "entities": entities or [],
    }
    return Tracker(
        sender_id=sender_id,
        slots=all_slots,
        latest_message=latest,
        events=events or [{"event": "user", "text": text, "parse_data": latest}],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def course_lists(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    return [
        m["custom"]
        for m in dispatcher.messages
        if isinstance(m.get("custom"), dict) and m["custom"].get("type") == "course_list"
    ]


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def make_recommendation(**changes: Any) -> Recommendation:
    """A course as actions see it, built inline (a FutureLearn ExpertTrack unless changed)."""
    base = Recommendation(
        id="c1",
        title="Digital Marketing",
        provider="University of Leeds",
        platform="FutureLearn",
        subject="marketing",
        subject_label="Marketing",
        credential_type="experttrack",
        level="introductory",
        duration_weeks=4,
        hours_per_week=3,
        weekly_hours=3,
        hours_total=12,
        price=31.32,
        currency="GBP",
        price_model="subscription-monthly",
        price_as_of="2022-11",
        cost_gbp=31.32,
        cost_rule="£31.32 a month x 1 month to finish at the stated pace",
        monthly_gbp=31.32,
        credits=None,
        credit_scheme=None,
        credit_level=None,
        credit_bearing=False,
        cpd_accredited=False,
        delivery="online",
        url="https://example.org/c1",
        description=None,
    )
    return replace(base, **changes)
