"""Load test of a running assistant through its REST channel: many learners at once.

Usage::

    python -m bench.load_test [--url http://127.0.0.1:5005 ...] [--conversations 50]
                              [--turns 10] [--concurrency N] [--json PATH]

Each conversation is one simulated learner with their own profile (subject, budget and
way of putting it, assigned from a fixed seed) who talks through a scripted journey:
profile and recommendations, details of the second course, cheaper, compare, more,
shorter, only with credit, details of the first, save, show the shortlist. All
conversations run at once (``--concurrency`` caps that); each waits for a reply before
its next turn, as a learner would. With several ``--url`` (Rasa servers sharing a tracker
and lock store, e.g. ``scripts/scale_out.sh``) the turns of every conversation alternate
between the servers.

Every reply is checked:

- an error is a transport failure or timeout, a status other than 200, a body that is not
  a non-empty JSON list, the channel's apology, or a stack trace in the text;
- cross-talk is anything that belongs to another learner: a reply addressed to another
  sender, a course neither of the learner's subject nor about their words, a budget other
  than this learner's, or details of a course other than the one asked for.

It prints counts and latency percentiles (client side, per request) and exits with 1 when
there was any error or cross-talk. Timings are reported, never asserted. Only loopback
addresses are accepted unless ``--allow-remote`` is given.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import random
import re
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from actions.store.topics import mentions

SEED = 20221129
DEFAULT_URL = "http://127.0.0.1:5005"
APOLOGY_START = "Sorry, I'm having trouble right now"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# How learners name a subject -> the subject id the catalogue uses (each checked by hand).
SUBJECTS: tuple[tuple[str, str], ...] = (
    ("cyber security", "cybersecurity"),
    ("data science", "data-science-ai"),
    ("marketing", "marketing"),
    ("project management", "project-management"),
    ("nursing", "health-social-care"),
    ("teaching", "teaching-education"),
    ("psychology", "psychology-mental-health"),
    ("accounting", "finance-accounting"),
    ("law", "law"),
    ("engineering", "engineering"),
    ("leadership", "leadership"),
    ("graphic design", "design"),
    ("sustainability", "environment-sustainability"),
    ("photography", "photography-media"),
    ("languages", "languages"),
    ("business management", "business-management"),
    ("computing", "computing-it"),
    ("supply chain", "supply-chain"),
    ("study skills", "study-skills"),
    ("politics", "politics-society"),
    ("science", "science"),
    ("arts", "arts-humanities"),
)
BUDGETS = (50, 100, 150, 250, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000)
OPENINGS = (
    "I want to change career into {phrase}, budget £{budget}",
    "I want to upskill in {phrase} for my current job, my budget is £{budget}",
    "I'd like to explore {phrase}, I can spend up to £{budget}",
)
BUDGET_RX = re.compile(r"within your £([\d,]+(?:\.\d+)?) budget")
TRACE_RX = re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\.py\", line \d+")


@dataclass(frozen=True)
class Turn:
    """One scripted learner message and what its reply should show."""

    text: str
    kind: str  # "list" (recommendations), "detail" (of course ``index``), or "other"
    index: int = 0


# The journey after the opening; conversations longer than this cycle through it again.
JOURNEY: tuple[Turn, ...] = (
    Turn("tell me more about the second one", "detail", 1),
    Turn("anything cheaper?", "list"),
    Turn("compare 1 and 2", "other"),
    Turn("show me more", "list"),
    Turn("shorter ones please", "list"),
    Turn("only ones with academic credit", "list"),
    Turn("tell me more about the first one", "detail", 0),
    Turn("save them", "other"),
    Turn("show my shortlist", "other"),
)


@dataclass(frozen=True)
class Learner:
    sender: str
    phrase: str
    subject: str
    budget: int
    opening: str

    def turns(self, count: int) -> list[Turn]:
        script = [Turn(self.opening, "list")]
        while len(script) < count:
            script.append(JOURNEY[(len(script) - 1) % len(JOURNEY)])
        return script[:count]


def make_learners(
    count: int,
    seed: int = SEED,
    prefix: str | None = None,
    sign: Callable[[str], str] | None = None,
) -> list[Learner]:
    """``count`` learners with different profiles (deterministic for a seed)."""
    rng = random.Random(seed)
    run = prefix or f"load-{uuid.uuid4().hex[:8]}"
    learners = []
    for i in range(count):
        phrase, subject = SUBJECTS[i % len(SUBJECTS)]
        budget = rng.choice(BUDGETS)
        opening = OPENINGS[rng.randrange(len(OPENINGS))].format(phrase=phrase, budget=budget)
        sender = f"{run}-{i:03d}"
        learners.append(Learner(sign(sender) if sign else sender, phrase, subject, budget, opening))
    return learners


@dataclass
class LoadResult:
    urls: list[str]
    conversations: int
    turns: int
    concurrency: int
    requests: int = 0
    total_s: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    crosstalk: list[str] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return 0.0
        if len(self.latencies_ms) == 1:
            return self.latencies_ms[0]
        cuts = statistics.quantiles(self.latencies_ms, n=100, method="inclusive")
        return cuts[min(98, max(0, round(p) - 1))]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.crosstalk

    def summary(self) -> dict[str, Any]:
        return {
            "urls": self.urls,
            "conversations": self.conversations,
            "turns": self.turns,
            "concurrency": self.concurrency,
            "requests": self.requests,
            "errors": len(self.errors),
            "crosstalk": len(self.crosstalk),
            "p50_ms": round(self.percentile(50), 1),
            "p95_ms": round(self.percentile(95), 1),
            "p99_ms": round(self.percentile(99), 1),
            "max_ms": round(max(self.latencies_ms, default=0.0), 1),
            "total_s": round(self.total_s, 2),
            "requests_per_s": round(self.requests / self.total_s, 1) if self.total_s else 0.0,
        }

    def report(self) -> str:
        s = self.summary()
        lines = [
            f"Load test: {s['conversations']} conversations x {s['turns']} turns = "
            f"{s['requests']} requests to {len(self.urls)} Rasa server(s), "
            f"{s['concurrency']} conversations at a time",
            f"  errors:      {s['errors']}",
            f"  cross-talk:  {s['crosstalk']}",
            f"  latency ms:  p50 {s['p50_ms']:.0f}  p95 {s['p95_ms']:.0f}  "
            f"p99 {s['p99_ms']:.0f}  max {s['max_ms']:.0f}",
            f"  total:       {s['total_s']:.1f} s  ({s['requests_per_s']:.1f} requests/s)",
        ]
        for title, problems in (("errors", self.errors), ("cross-talk", self.crosstalk)):
            if problems:
                lines.append(f"First {min(10, len(problems))} {title}:")
                lines.extend(f"  - {problem}" for problem in problems[:10])
        return "\n".join(lines)


def course_lists(replies: list[Any]) -> list[list[dict[str, Any]]]:
    """The course lists (custom ``course_list`` payloads) in a reply."""
    found = []
    for reply in replies:
        custom = reply.get("custom") if isinstance(reply, dict) else None
        if isinstance(custom, dict) and custom.get("type") == "course_list":
            courses = custom.get("courses")
            found.append([c for c in courses if isinstance(c, dict)] if courses else [])
    return found


def list_topics(replies: list[Any]) -> list[str]:
    """The topics the course lists in a reply were searched for (topic searches only).

    A topic search crosses subjects ("graphic design" finds courses filed under politics
    or computing), so for those lists the topic itself is what must be the learner's.
    """
    return [
        str(reply["custom"]["topic"])
        for reply in replies
        if isinstance(reply, dict)
        and isinstance(reply.get("custom"), dict)
        and reply["custom"].get("type") == "course_list"
        and reply["custom"].get("topic")
    ]


def reply_text(replies: list[Any]) -> str:
    return "\n".join(str(reply.get("text") or "") for reply in replies if isinstance(reply, dict))


def check_reply(
    learner: Learner,
    turn: Turn,
    replies: list[Any],
    last_list: list[dict[str, Any]],
    result: LoadResult,
) -> list[dict[str, Any]]:
    """Record problems with one reply; returns the learner's list of courses afterwards."""
    where = f"{learner.sender} {turn.text!r}"
    text = reply_text(replies)
    if text.startswith(APOLOGY_START) or f"\n{APOLOGY_START}" in text:
        result.errors.append(f"{where}: the channel apologised (the assistant failed)")
    if TRACE_RX.search(text):
        result.errors.append(f"{where}: a stack trace in the reply")
    for reply in replies:
        recipient = reply.get("recipient_id") if isinstance(reply, dict) else None
        if recipient != learner.sender:
            result.crosstalk.append(f"{where}: a reply addressed to {recipient!r}")
    lists = course_lists(replies)
    for topic in list_topics(replies):
        # A list searched by words names them: it must be this learner's words.
        if topic.strip().lower() != learner.phrase.lower():
            result.crosstalk.append(f"{where}: a list about {topic!r}, not {learner.phrase!r}")
    # (a course's details are checked by name below: a topic's list may hold a course of
    # another subject found close in meaning, and its details name no topic)
    for courses in lists if not list_topics(replies) and turn.kind != "detail" else []:
        for course in courses:
            # A course about this learner's words belongs to them whatever its subject
            # ("Photographing the Holocaust" for "photography"): topics cross subjects.
            # ("Fine Art" for "arts": the phrase's singular counts too).
            title = str(course.get("title") or "")
            about_phrase = mentions(title, (learner.phrase,)) or mentions(
                title, (learner.phrase.removesuffix("s"),)
            )
            if course.get("subject") != learner.subject and not about_phrase:
                result.crosstalk.append(
                    f"{where}: {course.get('title')!r} is {course.get('subject')}, "
                    f"not {learner.subject}"
                )
    for amount in BUDGET_RX.findall(text):
        if float(amount.replace(",", "")) != learner.budget:
            result.crosstalk.append(f"{where}: budget £{amount}, not £{learner.budget}")
    if turn.kind == "list":
        # A refinement with nothing new ("no more courses") keeps the previous list.
        if lists and lists[0]:
            return lists[0]
    elif turn.kind == "detail" and len(last_list) > turn.index:
        wanted = str(last_list[turn.index].get("title", ""))
        if wanted and wanted not in text:
            result.crosstalk.append(f"{where}: details do not name {wanted!r}")
    return last_list


async def converse(
    client: httpx.AsyncClient,
    urls: Sequence[str],
    number: int,
    learner: Learner,
    turns: int,
    result: LoadResult,
    gate: asyncio.Semaphore,
) -> None:
    last_list: list[dict[str, Any]] = []
    async with gate:
        for i, turn in enumerate(learner.turns(turns)):
            url = f"{urls[(number + i) % len(urls)].rstrip('/')}/webhooks/rest/webhook"
            where = f"{learner.sender} turn {i + 1} {turn.text!r}"
            started = time.perf_counter()
            try:
                response = await client.post(
                    url, json={"sender": learner.sender, "message": turn.text}
                )
            except httpx.HTTPError as error:
                result.errors.append(f"{where}: {type(error).__name__}: {error}")
                result.requests += 1
                continue
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            result.requests += 1
            if response.status_code != 200:
                result.errors.append(f"{where}: HTTP {response.status_code}")
                continue
            try:
                replies = response.json()
            except ValueError:
                result.errors.append(f"{where}: the body is not JSON")
                continue
            if not isinstance(replies, list) or not replies:
                result.errors.append(f"{where}: no reply ({replies!r:.80})")
                continue
            if i == 0 and not course_lists(replies):
                result.errors.append(f"{where}: the opening got no recommendations")
            last_list = check_reply(learner, turn, replies, last_list, result)


async def run_load_async(
    urls: Sequence[str],
    conversations: int = 50,
    turns: int = 10,
    *,
    concurrency: int | None = None,
    timeout_s: float = 60.0,
    seed: int = SEED,
    prefix: str | None = None,
    sign: Callable[[str], str] | None = None,
) -> LoadResult:
    """Run the load test; see the module docstring. ``sign`` turns each generated sender
    id into one the server accepts (signed ids, bot/sender_ids.py)."""
    width = min(concurrency or conversations, conversations)
    result = LoadResult(list(urls), conversations, turns, width)
    learners = make_learners(conversations, seed, prefix, sign)
    gate = asyncio.Semaphore(width)
    limits = httpx.Limits(max_connections=width, max_keepalive_connections=width)
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=timeout_s, limits=limits) as client:
        await asyncio.gather(
            *(
                converse(client, urls, n, learner, turns, result, gate)
                for n, learner in enumerate(learners)
            )
        )
    result.total_s = time.perf_counter() - started
    return result


def run_load(
    urls: Sequence[str], conversations: int = 50, turns: int = 10, **kwargs: Any
) -> LoadResult:
    """:func:`run_load_async` for synchronous callers (tests, the command line)."""
    return asyncio.run(run_load_async(urls, conversations, turns, **kwargs))


def check_urls(urls: Sequence[str], allow_remote: bool) -> None:
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SystemExit(f"Not an http(s) URL: {url}")
        if parts.hostname not in LOOPBACK and not allow_remote:
            raise SystemExit(
                f"{url} is not on this machine; pass --allow-remote to load a remote server "
                "(only servers you run yourself)."
            )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load_test",
        description="Many simulated learners at once through the REST channel: errors, "
        "cross-talk between conversations, and latency percentiles.",
    )
    parser.add_argument(
        "--url",
        action="append",
        help=f"a Rasa server (repeat for several; turns alternate). Default {DEFAULT_URL}",
    )
    parser.add_argument("--conversations", type=int, default=100, help="learners (default 100)")
    parser.add_argument("--turns", type=int, default=8, help="turns each (default 8)")
    parser.add_argument(
        "--concurrency", type=int, default=None, help="conversations at a time (default all)"
    )
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds to wait for one reply (default 60)"
    )
    parser.add_argument("--seed", type=int, default=SEED, help="profile seed")
    parser.add_argument("--json", type=Path, help="also save the summary as JSON here")
    parser.add_argument(
        "--allow-remote", action="store_true", help="allow URLs that are not loopback"
    )
    args = parser.parse_args(argv)
    if args.conversations < 1 or args.turns < 1:
        parser.error("--conversations and --turns must be at least 1")
    if args.concurrency is not None and args.concurrency < 1:
        parser.error("--concurrency must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    urls: list[str] = args.url or [DEFAULT_URL]
    check_urls(urls, args.allow_remote)
    for url in urls:
        try:
            httpx.get(url, timeout=5).raise_for_status()
        except httpx.HTTPError as error:
            print(f"{url} does not answer ({error}); is the Rasa server running?", file=sys.stderr)
            return 2
    result = run_load(
        urls,
        args.conversations,
        args.turns,
        concurrency=args.concurrency,
        timeout_s=args.timeout,
        seed=args.seed,
    )
    print(result.report())
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {**result.summary(), "python": platform.python_version()}
        payload["errors_sample"] = result.errors[:20]
        payload["crosstalk_sample"] = result.crosstalk[:20]
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
