"""Retrieval quality through the real REST channel, on an independently written set.

``retrieval.yml`` was written by a helper that saw only the catalogue CSV and a brief
(never the search code): learner messages naming a topic with the ids of every course
about it, and topics the catalogue lacks. Each message opens a new conversation; the
assistant's questions are answered as a learner who taps would (the first goal button,
"skip" for the optional wishes, a "Courses on <topic>" suggestion) until a course list
or a final answer comes.

Measured:
- precision@3: relevant courses among the first three shown, over 3 (fewer shown count
  as misses); hit@1: the first course is relevant;
- silent off-topic: the first course is not relevant and the reply did not say the topic
  was missing;
- honest miss: for an absent topic, the reply says there is no course on it.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

EVAL_SET = Path(__file__).with_name("retrieval.yml")
MAX_TURNS = 4
HONEST_STATUSES = ("none", "partial")
_HONEST_TEXT = re.compile(r"\bI have no course on\b", re.IGNORECASE)

Say = Callable[[str, str], list[dict[str, Any]]]  # (sender, message) -> replies


@dataclass
class Outcome:
    id: str
    message: str
    shown: list[str]
    topic_status: str | None
    said_missing: bool
    turns: int
    transcript: list[str] = field(default_factory=list)


@dataclass
class Scores:
    precision_at_3: float
    hit_at_1: float
    silent_off_topic: int
    topic_requests: int
    honest_miss_rate: float
    absent_topics: int
    no_list: list[str]
    misses: list[str]
    dishonest: list[str]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_set(path: Path = EVAL_SET) -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"topic_requests": data["topic_requests"], "absent_topics": data["absent_topics"]}


def _texts(replies: Sequence[dict[str, Any]]) -> str:
    return "\n".join(str(r.get("text", "")) for r in replies if r.get("text"))


def _course_list(replies: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    for reply in replies:
        custom = reply.get("custom")
        if isinstance(custom, dict) and custom.get("type") == "course_list":
            return custom
    return None


def _answer(replies: Sequence[dict[str, Any]]) -> str | None:
    """What a learner who taps would send next, or ``None`` when there is nothing to tap."""
    buttons = [b for r in replies for b in r.get("buttons") or []]
    payloads = [str(b.get("payload", "")) for b in buttons]
    if "/skip" in payloads:
        return "/skip"
    for payload in payloads:
        if '"goal"' in payload or payload.startswith("/find_course{"):
            return payload
    return None


def converse(say: Say, item_id: str, message: str) -> Outcome:
    """One conversation from ``message`` to the first course list (or a final answer)."""
    sender = f"search-eval-{item_id}-{uuid.uuid4().hex[:8]}"
    transcript: list[str] = []
    text = message
    said_missing = False
    for turn in range(1, MAX_TURNS + 1):
        replies = say(sender, text)
        reply_text = _texts(replies)
        transcript += [f"learner: {text}", f"bot: {reply_text}"]
        said_missing = said_missing or bool(_HONEST_TEXT.search(reply_text))
        found = _course_list(replies)
        if found is not None:
            return Outcome(
                item_id,
                message,
                [str(c["id"]) for c in found.get("courses", [])],
                found.get("topic_status"),
                said_missing or found.get("topic_status") in HONEST_STATUSES,
                turn,
                transcript,
            )
        nxt = _answer(replies)
        if nxt is None or said_missing:
            return Outcome(item_id, message, [], None, said_missing, turn, transcript)
        text = nxt
    return Outcome(item_id, message, [], None, said_missing, MAX_TURNS, transcript)


def score(
    requests: Sequence[dict[str, Any]],
    request_outcomes: Sequence[Outcome],
    absent_outcomes: Sequence[Outcome],
) -> Scores:
    precision, hits, silent = 0.0, 0, 0
    no_list, misses = [], []
    for item, out in zip(requests, request_outcomes, strict=True):
        relevant = set(item["relevant"])
        top = out.shown[:3]
        precision += sum(1 for cid in top if cid in relevant) / 3
        if not out.shown:
            no_list.append(out.id)
            continue
        if top[0] in relevant:
            hits += 1
        else:
            misses.append(out.id)
            if not out.said_missing:
                silent += 1
    honest = [out for out in absent_outcomes if out.said_missing]
    n = max(len(requests), 1)
    return Scores(
        precision_at_3=round(precision / n, 3),
        hit_at_1=round(hits / n, 3),
        silent_off_topic=silent,
        topic_requests=len(requests),
        honest_miss_rate=round(len(honest) / max(len(absent_outcomes), 1), 3),
        absent_topics=len(absent_outcomes),
        no_list=no_list,
        misses=misses,
        dishonest=[o.id for o in absent_outcomes if not o.said_missing],
    )


#: Conversations held at once: each has its own sender, so they do not wait on each other's
#: lock, and the Rasa and action servers work side by side (a set takes about half as long).
CONVERSATIONS_AT_ONCE = 4


def evaluate(
    say: Say, path: Path = EVAL_SET, at_once: int = CONVERSATIONS_AT_ONCE
) -> tuple[Scores, list[Outcome]]:
    """Hold every conversation of the set (``at_once`` at a time) and score them."""
    data = load_set(path)
    requests = data["topic_requests"]
    absent = data["absent_topics"]

    def hold(item: dict[str, Any]) -> Outcome:
        return converse(say, str(item["id"]), str(item["message"]))

    with ThreadPoolExecutor(max_workers=max(1, at_once)) as pool:
        request_outcomes = list(pool.map(hold, requests))
        absent_outcomes = list(pool.map(hold, absent))
    return score(requests, request_outcomes, absent_outcomes), request_outcomes + absent_outcomes


def write_transcripts(outcomes: Sequence[Outcome], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "\n".join(json.dumps(asdict(o), ensure_ascii=False) for o in outcomes) + "\n",
        encoding="utf-8",
    )
