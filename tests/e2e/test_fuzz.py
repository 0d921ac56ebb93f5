"""Fuzzing the REST channel of the real stack with 1,200 generated requests.

Deterministic (seeded): empty and whitespace-only messages, 100 kB messages and the 5,000
character limit, control characters, lone surrogates escaped in JSON and invalid UTF-8 bytes,
emoji, right-to-left text, other languages, SQL/HTML/template injection, absurd numbers,
``/intent{...}`` payloads with wrong values, odd metadata (over the size limit, nested up to
2,000 deep) and senders, and malformed requests (bad JSON, missing fields, wrong types).
Four senders at a time.

Checked: never a 5xx and the server never stops; every well-formed message gets a non-empty
list of replies within 30 s, addressed to its sender; a malformed request gets a 4xx; no
reply or error body shows a stack trace or exception text. A control conversation set up
before the fuzz still has its subject and budget afterwards, and its last list of courses can
still be asked about. Timings are printed, never asserted.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import json
import random
import re
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tests.servers import Chat, Server, signed

pytestmark = pytest.mark.slow

SEED = 20261129
COUNT = 1200
SENDERS_AT_ONCE = 4
REPLY_TIMEOUT_S = 30
CONTROL_OPENING = "I want to change career into data science, my budget is £600"
LEAK_RX = re.compile(
    r"Traceback|File \"|\bException\b|sqlalchemy|psycopg2|sanic\.|rasa\.|"
    r"(?:Key|Type|Value|Attribute|Index|Recursion|Unicode\w*)Error\b"
)

# Expected outcome of a request.
REPLY = "reply"  # 200 and a non-empty list of messages
REJECT = "reject"  # a 4xx
ANY = "any"  # anything but a 5xx (200 must still be a non-empty list)

COURSE_WORDS = (
    "I want to change career into cyber security",
    "find me a short marketing course",
    "budget £300",
    "5 hours a week",
    "no more than 6 weeks",
    "only with academic credit",
    "tell me more about the second one",
    "anything cheaper?",
    "compare 1 and 2",
    "show me more",
    "save them",
    "what's a microcredential?",
    "how many credits for a masters?",
    "talk to an adviser",
    "data science",
    "nursing",
    "hi",
    "bye",
)
EMOJI = ("😀", "🎓", "📚", "👩‍💻", "🏳️‍🌈", "🇬🇧", "❤️", "🤖", "🧑🏽‍🏫", "💷", "⏰", "🔐")
RTL = (
    "أريد أن أتعلم الأمن السيبراني بميزانية 500 جنيه",
    "אני רוצה ללמוד מדעי הנתונים",
    "میخواهم بازاریابی یاد بگیرم",
    "\u202eI want to study nursing\u202c",
    "budget \u200f£300\u200f please",
)
LANGUAGES = (
    "Je voudrais apprendre la cybersécurité, budget 500 €",
    "Quiero cambiar de carrera a ciencia de datos",
    "Ich möchte Marketing lernen, höchstens 5 Stunden pro Woche",
    "我想学习数据科学，预算五百英镑",
    "データサイエンスを勉強したいです",
    "Я хочу изучать кибербезопасность",
    "Θέλω να μάθω νοσηλευτική",
    "मैं डेटा साइंस सीखना चाहता हूँ",
    "Dw i eisiau dysgu seiberddiogelwch",
    "Chcę się uczyć zarządzania projektami, budżet 300 zł",
    "Tôi muốn học tiếp thị",
    "데이터 과학을 배우고 싶어요",
)
INJECTION = (
    "{{7*7}}",
    "${7*7}",
    "#{7*7}",
    "{% for x in range(9999999) %}x{% endfor %}",
    "${jndi:ldap://127.0.0.1:1/a}",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(document.cookie)>",
    "'; DROP TABLE events; --",
    "Robert'); DROP TABLE courses;--",
    "' OR '1'='1",
    "1; SELECT pg_sleep(10)--",
    "%s%s%s%n%x",
    "{0.__class__.__mro__}",
    "{slot}",
    "{budget}",
    "../../../../etc/passwd",
    "`cat /etc/passwd`",
    "$(reboot)",
    "\\x00\\u0000",
    "javascript:alert(1)",
    "__import__('os').system('true')",
    "[link](javascript:alert(1))",
)
NUMBERS = (
    "£99999999999",
    "budget £99999999999999999999999999",
    "-5 hours",
    "-5 hours a week and £-300",
    "1e308 weeks",
    "1e309 hours a week",
    "budget NaN",
    "infinity pounds",
    "£0",
    "£0.0000001",
    "0 hours a week",
    "10^999 weeks",
    "budget £1,000,000,000,000",
    "99999999999999999999 weeks",
    "£-0",
    "half an hour a week, £0.5",
    "2 hours 2 hours 2 hours 2 hours",
    "under £500 over £1000",
    "I can spend -£1",
    "24/7 hours",
)
INTENTS = (
    '/inform{"budget": -5}',
    '/inform{"budget": 1e308}',
    '/inform{"budget": "{{7*7}}"}',
    '/inform{"subject": ["marketing", "law"]}',
    '/inform{"subject": {"a": 1}}',
    '/inform{"hours_per_week": "abc"}',
    '/inform{"max_weeks": -1}',
    '/inform{"goal": null}',
    '/inform{"level": 7}',
    "/inform{not json",
    '/inform{"requested_slot": "budget"}',
    "/nonexistent_intent",
    "/restart",
    "/session_start",
    "/greet",
    "/",
    "//",
    '/find_course{"subject": "cybersecurity", "budget": 100000000000000000000}',
)
WHITESPACE = (" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "\u2028", "\u2029", "\x0b")
CONTROL = [chr(c) for c in (*range(0x00, 0x20), 0x7F, 0x85, 0x9F, 0x200B, 0x200E, 0xFEFF)]
BAD_SENDERS = (
    "\\udc80",  # escaped in JSON below: lone surrogates
    "fuzz\\ud800",
    "nul\\u0000",
    "tab\\tsender",
    "bell\\u0007",
)
WEIRD_SENDERS = ("学生-1", "🎓-learner", "طالب", "o'brien", 'say "hi"', "a/b?c=d#e", "x" * 128)


@dataclass
class Case:
    number: int
    category: str
    body: bytes
    expect: str
    sender: str | None = None
    method: str = "POST"
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})


@dataclass
class Outcome:
    case: Case
    status: int | None
    seconds: float
    problems: list[str]
    apology: bool = False


def _json(obj: Any, rng: random.Random) -> bytes:
    # Half raw UTF-8, half \u-escaped: both are valid JSON encodings of the same text.
    ascii_only = rng.random() < 0.5
    return json.dumps(obj, ensure_ascii=ascii_only).encode("utf-8")


def _noise(rng: random.Random, length: int) -> str:
    planes = ((0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x52F), (0x4E00, 0x4FFF), (0x1F300, 0x1F6FF))
    chars = []
    for _ in range(length):
        low, high = rng.choice(planes)
        chars.append(chr(rng.randint(low, high)))
    return "".join(chars)


class Generator:
    """Makes the cases, deterministically for a seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.run = f"fuzz-{seed}-{time.monotonic_ns()}"
        # Signed as the server requires (bot/sender_ids.py); unsigned ones are refused.
        self.senders = [signed(f"{self.run}-{k:02d}") for k in range(24)]

    def message(self, text: str | None, **extra: Any) -> Case:
        sender = self.rng.choice(self.senders)
        body: dict[str, Any] = {"sender": sender}
        if text is not None or self.rng.random() < 0.5:
            body["message"] = text
        body.update(extra)
        return Case(0, "", _json(body, self.rng), REPLY, sender)

    def with_words(self, text: str) -> str:
        roll = self.rng.random()
        if roll < 0.35:
            return text
        words = self.rng.choice(COURSE_WORDS)
        return f"{words} {text}" if roll < 0.7 else f"{text} {words}"

    def make(self, number: int) -> Case:
        rng = self.rng
        kinds = [
            ("empty", 3), ("whitespace", 4), ("huge", 2), ("near_limit", 1), ("control", 6),
            ("surrogate", 6), ("emoji", 6), ("rtl", 5), ("language", 7), ("injection", 10),
            ("numbers", 10), ("intent", 7), ("unicode", 6), ("realistic", 8), ("metadata", 4),
            ("weird_sender", 3), ("bad_sender", 3), ("malformed", 9),
        ]  # fmt: skip
        category = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        case = getattr(self, f"_{category}")()
        case.number = number
        case.category = category
        return case

    def _empty(self) -> Case:
        return self.message(self.rng.choice(["", None]))

    def _whitespace(self) -> Case:
        return self.message("".join(self.rng.choices(WHITESPACE, k=self.rng.randint(1, 60))))

    def _huge(self) -> Case:
        size = self.rng.choice([100_000, 100_000, 1_000_000])
        text = (self.rng.choice(COURSE_WORDS) + " ") * (size // 10)
        return self.message(text[:size])

    def _near_limit(self) -> Case:
        size = self.rng.choice([4_999, 5_000, 5_001])
        text = (self.rng.choice(COURSE_WORDS) + " ") * (size // 10 + 1)
        return self.message(text[:size])

    def _control(self) -> Case:
        text = "".join(self.rng.choices(CONTROL, k=self.rng.randint(1, 20)))
        return self.message(self.with_words(text))

    def _surrogate(self) -> Case:
        # Raw JSON: \udXXX escapes that decode to unpaired surrogates (no valid UTF-8).
        sender = self.rng.choice(self.senders)
        lone = "".join(f"\\u{self.rng.randint(0xD800, 0xDFFF):04x}" for _ in range(3))
        text = self.rng.choice([lone, f"cyber {lone} security, budget \\u00a3{lone}300", lone[:6]])
        body = f'{{"sender": "{sender}", "message": "{text}"}}'.encode()
        return Case(0, "", body, REPLY, sender)

    def _emoji(self) -> Case:
        text = "".join(self.rng.choices(EMOJI, k=self.rng.randint(1, 12)))
        return self.message(self.with_words(text))

    def _rtl(self) -> Case:
        return self.message(self.with_words(self.rng.choice(RTL)))

    def _language(self) -> Case:
        return self.message(self.rng.choice(LANGUAGES))

    def _injection(self) -> Case:
        return self.message(self.with_words(self.rng.choice(INJECTION)))

    def _numbers(self) -> Case:
        return self.message(self.with_words(self.rng.choice(NUMBERS)))

    def _intent(self) -> Case:
        return self.message(self.rng.choice(INTENTS))

    def _unicode(self) -> Case:
        return self.message(_noise(self.rng, self.rng.randint(1, 300)))

    def _realistic(self) -> Case:
        words = self.rng.sample(COURSE_WORDS, self.rng.randint(1, 4))
        if self.rng.random() < 0.5:
            words.insert(self.rng.randrange(len(words) + 1), _noise(self.rng, 5))
        return self.message(" ".join(words))

    def _metadata(self) -> Case:
        rng = self.rng
        depth = rng.choice([5, 9, 11, 50, 200, 500, 1000, 1500, 2000])
        if rng.random() < 0.4:
            # Nested up to 2,000 deep, written by hand: json.dumps itself recurses. Up to 10
            # levels are accepted (bot/rest_channel.py), deeper gets a 400, never a 500.
            sender = rng.choice(self.senders)
            nested = '{"a": ' * depth + '"leaf"' + "}" * depth
            body = f'{{"sender": "{sender}", "message": "hi", "metadata": {nested}}}'.encode()
            return Case(0, "", body, REPLY if depth <= 10 else REJECT, sender)
        options: list[tuple[dict[str, Any], str]] = [
            ({}, REPLY),
            ({"cards": True}, REPLY),
            ({"cards": "yes", "x": None}, REPLY),
            ({"big": "x" * 8_000}, REPLY),
            ({"big": "x" * 50_000}, REJECT),  # over the 8 KiB limit: 413
            ({"list": list(range(1000))}, REPLY),
            ({"html": "<script>alert(1)</script>", "template": "{{7*7}}"}, REPLY),
        ]
        metadata, expect = rng.choice(options)
        case = self.message(rng.choice(COURSE_WORDS), metadata=metadata)
        case.expect = expect
        return case

    def _weird_sender(self) -> Case:
        sender = signed(f"{self.rng.choice(WEIRD_SENDERS)}"[:90])
        body = _json({"sender": sender, "message": self.rng.choice(COURSE_WORDS)}, self.rng)
        return Case(0, "", body, REPLY, sender)

    def _bad_sender(self) -> Case:
        if self.rng.random() < 0.5:  # text a database cannot store: the server must survive
            sender = self.rng.choice(BAD_SENDERS)
            return Case(0, "", f'{{"sender": "{sender}", "message": "hi"}}'.encode(), ANY)
        value = self.rng.choice(["", "   ", "\t", "x" * 129])
        return Case(0, "", _json({"sender": value, "message": "hi"}, self.rng), REJECT)

    def _malformed(self) -> Case:
        rng = self.rng
        sender = rng.choice(self.senders)
        options: list[tuple[bytes, str]] = [
            (b"", REJECT),
            (b"hello", REJECT),
            (b"{", REJECT),
            (b'{"sender": "x", "message": "unterminated', REJECT),
            (b"{'sender': 'x', 'message': 'single quotes'}", REJECT),
            (b"[]", REJECT),
            (b"null", REJECT),
            (b"42", REJECT),
            (b'"just a string"', REJECT),
            (b'{"message": "no sender"}', REJECT),
            (_json({"sender": 42, "message": "hi"}, rng), REJECT),
            (_json({"sender": ["a"], "message": "hi"}, rng), REJECT),
            (_json({"sender": {"id": 1}, "message": "hi"}, rng), REJECT),
            (_json({"sender": True, "message": "hi"}, rng), REJECT),
            (_json({"sender": sender, "message": 42}, rng), REJECT),
            (_json({"sender": sender, "message": ["hi"]}, rng), REJECT),
            (_json({"sender": sender, "message": {"text": "hi"}}, rng), REJECT),
            (_json({"sender": sender, "message": False}, rng), REJECT),
            (_json({"sender": sender, "message": "hi", "metadata": []}, rng), REJECT),
            (_json({"sender": sender, "message": "hi", "metadata": "x"}, rng), REJECT),
            (b'{"sender": "x", "message": "caf\xc3"}', REJECT),  # invalid UTF-8
            (b'{"sender": "x", "message": "\xff\xfe\xfd"}', REJECT),
            # a surrogate encoded as UTF-8: Python's JSON parser lets it through ("surrogatepass")
            (b'{"sender": "x", "message": "\xed\xa0\x80"}', ANY),
            (b"\xef\xbb\xbf" + _json({"sender": sender, "message": "hi"}, rng), ANY),  # BOM
            (b'{"sender": "x", "message": NaN}', REJECT),
            (b"[" * 5000 + b"]" * 5000, REJECT),
            (b'{"a": ' * 3000 + b"1" + b"}" * 3000, REJECT),
            (f'{{"sender": "x", "sender": "{sender}", "message": "hi"}}'.encode(), REPLY),
        ]
        body, expect = rng.choice(options)
        case = Case(0, "", body, expect, sender if expect == REPLY else None)
        roll = rng.random()
        if roll < 0.15:
            case.headers = {"Content-Type": "text/plain"}
        elif roll < 0.2:
            case.method = "GET"
            case.expect = ANY
        return case


def _check(case: Case, response: httpx.Response) -> tuple[list[str], bool]:
    problems: list[str] = []
    apology = False
    body_text = response.text
    if response.status_code >= 500:
        problems.append(f"HTTP {response.status_code}")
    if LEAK_RX.search(body_text):
        problems.append(f"exception text in the response: {body_text[:300]!r}")
    if case.expect == REJECT and not 400 <= response.status_code < 500:
        problems.append(f"expected a 4xx, got {response.status_code}")
    if case.expect == REPLY and response.status_code != 200:
        problems.append(f"expected 200, got {response.status_code}: {body_text[:200]!r}")
    if response.status_code == 200 and case.method == "POST":
        try:
            replies = response.json()
        except ValueError:
            return [*problems, "200 with a body that is not JSON"], apology
        if not isinstance(replies, list) or not replies:
            problems.append(f"200 without replies: {body_text[:200]!r}")
        else:
            for reply in replies:
                if not isinstance(reply, dict) or not (
                    reply.get("text") or reply.get("custom") or reply.get("buttons")
                ):
                    problems.append(f"an empty reply: {reply!r:.200}")
                elif case.sender is not None and reply.get("recipient_id") != case.sender:
                    problems.append(f"addressed to {reply.get('recipient_id')!r}")
            apology = any(
                isinstance(r, dict) and str(r.get("text", "")).startswith("Sorry, I'm having")
                for r in replies
            )
    return problems, apology


def _send(client: httpx.Client, url: str, case: Case, dead: threading.Event) -> Outcome:
    if dead.is_set():
        return Outcome(case, None, 0.0, ["not sent: the server had stopped"])
    started = time.monotonic()
    try:
        response = client.request(case.method, url, content=case.body, headers=case.headers)
    except httpx.HTTPError as error:
        if isinstance(error, httpx.ConnectError):
            dead.set()
        seconds = time.monotonic() - started
        return Outcome(case, None, seconds, [f"no answer: {type(error).__name__} {error}"])
    seconds = time.monotonic() - started
    problems, apology = _check(case, response)
    return Outcome(case, response.status_code, seconds, problems, apology)


def _slots(base_url: str, sender: str) -> dict[str, Any]:
    response = httpx.get(f"{base_url}/conversations/{sender}/tracker", timeout=30)
    response.raise_for_status()
    slots: dict[str, Any] = response.json()["slots"]
    return slots


def test_fuzzing_the_rest_channel(stack: dict[str, Server]) -> None:
    rasa = stack["rasa"]
    url = f"{rasa.url}/webhooks/rest/webhook"

    # A learner who set a profile before the fuzz and comes back after it.
    control = Chat(rasa.url, f"fuzz-control-{time.monotonic_ns()}")
    before = Chat.course_lists(control.say(CONTROL_OPENING))
    assert before and len(before[0]["courses"]) >= 2
    shown = before[0]["courses"]
    slots_before = _slots(rasa.url, control.sender)
    assert slots_before["subject"] == "data-science-ai" and slots_before["budget"] == 600

    generator = Generator(SEED)
    cases = [generator.make(n) for n in range(COUNT)]
    dead = threading.Event()
    started = time.monotonic()
    with (
        httpx.Client(timeout=REPLY_TIMEOUT_S) as client,
        concurrent.futures.ThreadPoolExecutor(SENDERS_AT_ONCE) as pool,
    ):
        outcomes = list(pool.map(lambda case: _send(client, url, case, dead), cases))
    elapsed = time.monotonic() - started

    if dead.is_set():  # connections were refused: give a dying server time to exit
        with contextlib.suppress(subprocess.TimeoutExpired):
            rasa.process.wait(timeout=20)
    alive = rasa.process.poll() is None
    statuses = collections.Counter(o.status for o in outcomes)
    by_category = collections.Counter(o.case.category for o in outcomes)
    latencies = sorted(o.seconds for o in outcomes if o.status is not None)
    apologies = collections.Counter(o.case.category for o in outcomes if o.apology)
    print(
        f"\nFuzz: {len(outcomes)} requests in {elapsed:.1f} s "
        f"({len(outcomes) / elapsed:.1f}/s, {SENDERS_AT_ONCE} at a time); "
        f"statuses {dict(statuses)}; latency p50 {statistics.median(latencies):.2f} s, "
        f"p95 {latencies[int(len(latencies) * 0.95) - 1]:.2f} s, max {latencies[-1]:.2f} s"
    )
    print(f"  by category: {dict(sorted(by_category.items()))}")
    print(f"  apologies (the assistant produced nothing) by category: {dict(apologies)}")

    failures = [o for o in outcomes if o.problems]
    report = "\n".join(
        f"#{o.case.number} {o.case.category} {o.case.body[:120]!r}: {'; '.join(o.problems)}"
        for o in failures[:15]
    )
    assert alive, f"the Rasa server stopped:\n{rasa.log.read_text()[-4000:]}\n{report}"
    assert not failures, f"{len(failures)} of {len(outcomes)} requests failed:\n{report}"
    assert len(outcomes) >= 1000

    # The control conversation kept its profile and its last list.
    slots_after = _slots(rasa.url, control.sender)
    assert slots_after["subject"] == "data-science-ai" and slots_after["budget"] == 600
    details = Chat.text(control.say("tell me more about the second one"))
    assert shown[1]["title"] in details
    again = control.say("anything cheaper?")
    lists = Chat.course_lists(again)
    assert lists and all(c["subject"] == "data-science-ai" for c in lists[0]["courses"])
    budgets = re.findall(r"within your £([\d,]+) budget", Chat.text(again))
    assert all(amount == "600" for amount in budgets), budgets
