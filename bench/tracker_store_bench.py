"""Benchmark of the tracker store: Rasa's ``SQLTrackerStore`` next to ours, per message.

Usage::

    python -m bench.tracker_store_bench [--conversations 30] [--turns 6] [--rounds 3] [--json PATH]

On every message Rasa reads the conversation's current session from the tracker store and,
after answering, writes the new events. This replays that for ``--conversations``
conversations of ``--turns`` turns (each turn: the learner's message, the form, a slot, a bot
message, listen: the events our journey writes) into a fresh SQLite file per store, timing
every read and every write. The stores take turns, round by round (``--rounds``), so a busy
machine's drift hits both alike; it prints p50/p95 per store and the ratio. Nothing is
asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class StoreResult:
    store: str
    reads: int
    read_p50_ms: float
    read_p95_ms: float
    writes: int
    write_p50_ms: float
    write_p95_ms: float


def _store_classes() -> dict[str, type[Any]]:
    from rasa.core.tracker_store import SQLTrackerStore

    from bot.tracker_store import CourseAdvisorTrackerStore

    return {"rasa SQLTrackerStore": SQLTrackerStore, "ours": CourseAdvisorTrackerStore}


async def _replay(
    store: Any, domain: Any, tag: str, conversations: int, turns: int
) -> tuple[list[float], list[float]]:
    from rasa.shared.core.events import (
        ActionExecuted,
        BotUttered,
        SessionStarted,
        SlotSet,
        UserUttered,
    )
    from rasa.shared.core.trackers import DialogueStateTracker

    reads: list[float] = []
    writes: list[float] = []
    for c in range(conversations):
        sender = f"{tag}-{c}"
        tracker = DialogueStateTracker(sender, domain.slots)
        for event in (ActionExecuted("action_session_start"), SessionStarted()):
            tracker.update(event)
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)
        for turn in range(turns):
            started = time.perf_counter()
            loaded = await store.retrieve(sender)
            reads.append(time.perf_counter() - started)
            tracker = loaded if loaded is not None else tracker
            intent = {"name": "inform", "confidence": 0.98}
            text = f"message {turn} about data science"
            parse = {"intent": intent, "entities": [], "text": text}
            tracker.update(UserUttered(text, intent, parse_data=parse))
            tracker.update(ActionExecuted("learner_profile_form"))
            tracker.update(SlotSet("subject", "data-science-ai"))
            tracker.update(BotUttered("Anything else that matters?", {"buttons": []}))
            tracker.update(ActionExecuted("action_listen"))
            started = time.perf_counter()
            await store.save(tracker)
            writes.append(time.perf_counter() - started)
    return reads, writes


def run(conversations: int, turns: int, rounds: int) -> list[StoreResult]:
    """Both stores, alternating round by round; one result per store."""
    from rasa.shared.core.domain import Domain

    from bench.latency import percentile, rotation
    from bot import rasa_speedups

    domain = Domain.load(ROOT / "domain.yml")
    classes = _store_classes()
    samples: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in classes}
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        for r in range(rounds):
            for i, name in enumerate(rotation(list(classes), r)):
                url = f"sqlite:///{Path(tmp) / f'r{r}-{i}.db'}"
                store = classes[name](domain=domain, host=url)
                reads, writes = asyncio.run(_replay(store, domain, f"r{r}", conversations, turns))
                samples[name][0].extend(reads)
                samples[name][1].extend(writes)
                store.engine.dispose()
                rasa_speedups.uninstall()  # ours installs it; measure Rasa's store without

    def ms(values: list[float], q: float) -> float:
        return round(percentile(values, q) * 1000, 3)

    return [
        StoreResult(
            name, len(reads), ms(reads, 50), ms(reads, 95), len(writes), ms(writes, 50),
            ms(writes, 95),
        )
        for name, (reads, writes) in samples.items()
    ]  # fmt: skip


def table(results: Sequence[StoreResult]) -> str:
    from bench.run_all import format_table

    headers = ["store", "reads", "read p50", "read p95", "writes", "write p50", "write p95"]
    rows = [
        [r.store, r.reads, f"{r.read_p50_ms:.2f}", f"{r.read_p95_ms:.2f}", r.writes,
         f"{r.write_p50_ms:.2f}", f"{r.write_p95_ms:.2f}"]
        for r in results
    ]  # fmt: skip
    text = format_table(headers, rows)
    if len(results) == 2 and results[1].read_p50_ms and results[1].write_p50_ms:
        base, ours = results
        text += (
            f"\nratio rasa/ours: read p50 {base.read_p50_ms / ours.read_p50_ms:.1f}x, "
            f"write p50 {base.write_p50_ms / ours.write_p50_ms:.1f}x (times in ms, SQLite file)"
        )
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.tracker_store_bench",
        description=__doc__.split("Usage::")[0].strip() if __doc__ else None,
    )
    parser.add_argument("--conversations", type=int, default=30, metavar="N")
    parser.add_argument("--turns", type=int, default=6, metavar="N")
    parser.add_argument("--rounds", type=int, default=3, metavar="N")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also save the results here")
    args = parser.parse_args(argv)
    if min(args.conversations, args.turns, args.rounds) < 1:
        parser.error("--conversations, --turns and --rounds must be at least 1")
    results = run(args.conversations, args.turns, args.rounds)
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")
        print(f"Saved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
