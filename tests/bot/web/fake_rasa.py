"""A fake Rasa server speaking the REST channel, with canned replies, for the widget's fast tests.

It answers ``POST /webhooks/rest/webhook`` like Rasa 3.6 does (a JSON list of messages), handles
the CORS preflight, records every request, and can stop answering (``fail = True``) or be slow.
"""

from __future__ import annotations

import json
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

GREETING = (
    "Hi! I'm Course Advisor. I help you find short courses and microcredentials.\n"
    "What would you like to do?"
)
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201a5f5a85d0000000049454e44ae426082"
)


def course(index: int, **overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": f"course-{index}",
        "title": f"Introduction to Cyber Security {index}",
        "provider": "The Open University",
        "subject": "cybersecurity",
        "duration_weeks": 8,
        "hours_per_week": 3,
        "price": 0,
        "currency": "GBP",
        "price_model": "free",
        "price_as_of": "2024-05",
        "cost_gbp": 0,
        "credits": None,
        "credit_scheme": None,
        "url": f"https://www.open.edu/openlearn/course-{index}",
        "why": "It is free and fits in 3 hours a week.",
    }
    base.update(overrides)
    return base


COURSES = [
    course(1),
    course(
        2,
        title="Cyber Security Operations (microcredential)",
        provider="Coventry University",
        duration_weeks=10,
        hours_per_week=10,
        price=39,
        currency="EUR",
        price_model="subscription-monthly",
        price_as_of="2022-11",
        cost_gbp=101.4,
        credits=10,
        credit_scheme="CATS",
        why="Carries 10 CATS credits.\nAbout £101 in total.",
    ),
    course(
        3,
        title="Network Defence Essentials",
        provider=None,
        url=None,
        price=None,
        currency=None,
        price_model="unknown",
        duration_weeks=None,
        hours_per_week=None,
    ),
]


def with_actions(card: dict[str, Any], position: int, kinds: tuple[str, ...]) -> dict[str, Any]:
    """A card as the action server sends it: its place in the list and its buttons."""
    titles = {"details": "Tell me more", "save": "Save", "compare": "Compare"}
    intents = {"details": "course_details", "save": "save_shortlist", "compare": "compare_courses"}
    actions = [
        {
            "kind": kind,
            "title": titles[kind],
            "payload": f'/{intents[kind]}{{"course_index":[{position},"#0f0f0f0f"]}}',
        }
        for kind in kinds
    ]
    return {**card, "position": position, "actions": actions}


ALL_ACTIONS = ("details", "save", "compare")
CARDS_WITH_ACTIONS = [with_actions(c, i, ALL_ACTIONS) for i, c in enumerate(COURSES, start=1)]
COMPARE_TEXT = (
    "Here they are side by side. Cheapest overall: Introduction to Cyber Security 1 (free)."
)

TEXT_LIST = "\n".join(
    f"{i}. {c['title']} ({c['provider'] or 'provider not stated'})\n   Why: {c['why']}"
    for i, c in enumerate(COURSES, start=1)
)
XSS_TEXT = "<b>bold</b><script>alert('text')</script><img src=x onerror=alert('img')>"


def replies_for(message: str, base_url: str) -> list[dict[str, Any]]:
    """Canned replies keyed on the learner's message."""
    lowered = message.strip().lower()
    if lowered in ("hi", "hello"):
        return [
            {
                "text": GREETING,
                "buttons": [
                    {"title": "Find a course", "payload": "/find_course"},
                    {"title": "What's a microcredential?", "payload": "/ask_microcredentials"},
                ],
            }
        ]
    if lowered == "/find_course":
        return [
            {
                "text": "What's your main goal?",
                "buttons": [
                    {"title": "Upskill in my job", "payload": '/inform{"goal":"upskill"}'},
                    {"title": "Change career", "payload": '/inform{"goal":"career_change"}'},
                ],
            }
        ]
    if lowered.startswith("/inform") or lowered == "courses":
        # Rasa's REST channel sends the text and the custom payload as two messages.
        return [
            {"text": "Here are 3 cyber security courses that fit what you told me:"},
            {"text": TEXT_LIST},  # the plain-text version of the cards, for other channels
            {"text": 'Say "tell me more about the first one" or "cheaper".'},
            {"custom": {"type": "course_list", "courses": COURSES, "relaxed": []}},
        ]
    if lowered == "details":
        return [
            {"text": f"{COURSES[0]['title']} (The Open University)\nA gentle start.\nMore: none"},
            {"custom": {"type": "course_list", "courses": COURSES[:1], "relaxed": []}},
        ]
    if lowered == "card actions":
        return [
            {"text": "Here are 3 courses that fit:"},
            {"custom": {"type": "course_list", "courses": CARDS_WITH_ACTIONS, "relaxed": []}},
        ]
    if lowered.startswith("/course_details"):
        # The details of course 2: its card keeps its number and its Save / Compare buttons.
        card = with_actions(COURSES[1], 2, ("save", "compare"))
        return [
            {"text": f"{card['title']} (Coventry University)"},
            {"custom": {"type": "course_list", "courses": [card], "relaxed": []}},
        ]
    if lowered.startswith("/save_shortlist"):
        return [{"text": "Saved 1 course to your shortlist."}]
    if lowered.startswith("/compare_courses"):
        courses = [with_actions(COURSES[i - 1], i, ("details", "save")) for i in (3, 1, 2)]
        return [
            {"text": COMPARE_TEXT},
            {"custom": {"type": "course_compare", "courses": courses, "cheapest": 1}},
        ]
    if lowered == "lines":
        return [{"text": "First line\nSecond line\n   indented third"}]
    if lowered == "link":
        return [{"text": "More: https://example.org/course?id=1. Or javascript:alert(1)"}]
    if lowered == "image":
        return [{"image": f"{base_url}/pic.png"}, {"image": "javascript:alert('image')"}]
    if lowered == "xss-bot":
        return [
            {
                "text": XSS_TEXT,
                "buttons": [{"title": "<img src=x onerror=alert('button')>", "payload": "/greet"}],
            },
            {
                "custom": {
                    "type": "course_list",
                    "courses": [
                        course(
                            9,
                            title="<img src=x onerror=alert('title')>",
                            provider="<script>alert('provider')</script>",
                            why="<svg onload=alert('why')>",
                            url="javascript:alert('url')",
                        )
                    ],
                }
            },
        ]
    if lowered == "nothing":
        return []
    return [{"text": f"You said: {message}"}]


class FakeRasa:
    """A threaded fake REST channel; ``url`` is its base URL."""

    def __init__(self, port: int = 0) -> None:
        self.requests: list[dict[str, Any]] = []
        # Sender ids handed out by POST /webhooks/rest/session; like the real channel, the
        # webhook refuses any other (403), so the widget's session handling is exercised.
        self.issued: list[str] = []
        self.refused: list[dict[str, Any]] = []
        self.origins: list[str | None] = []
        self.fail = False
        self.delay_s = 0.0
        # Extra pages to serve: path -> (HTML, response headers).
        self.pages: dict[str, tuple[str, dict[str, str]]] = {}
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def messages(self) -> list[str]:
        return [str(request.get("message")) for request in self.requests]

    def start(self) -> FakeRasa:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def _cors(self) -> None:
                origin = self.headers.get("Origin")
                if origin:
                    self.send_header("Access-Control-Allow-Origin", origin)
                    self.send_header("Vary", "Origin")

            def do_OPTIONS(self) -> None:
                self.send_response(HTTPStatus.NO_CONTENT)
                self._cors()
                self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
                self.end_headers()

            def do_GET(self) -> None:
                if self.path == "/pic.png":
                    self.send_response(HTTPStatus.OK)
                    self.send_header("Content-Type", "image/png")
                    self.send_header("Content-Length", str(len(PNG_1PX)))
                    self.end_headers()
                    self.wfile.write(PNG_1PX)
                elif self.path in fake.pages:
                    html, headers = fake.pages[self.path]
                    body = html.encode()
                    self.send_response(HTTPStatus.OK)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                else:
                    self.send_error(HTTPStatus.NOT_FOUND)

            def _json(self, status: HTTPStatus, data: Any) -> None:
                payload = json.dumps(data).encode()
                self.send_response(status)
                self._cors()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if self.path == "/webhooks/rest/session":
                    fake.issued.append(f"web-{len(fake.issued) + 1}.signature")
                    self._json(HTTPStatus.OK, {"sender": fake.issued[-1]})
                    return
                body = json.loads(raw or b"{}")
                if body.get("sender") not in fake.issued:
                    fake.refused.append(body)
                    self._json(
                        HTTPStatus.FORBIDDEN, {"error": "unsigned", "reason": "unsigned_sender"}
                    )
                    return
                fake.requests.append(body)
                fake.origins.append(self.headers.get("Origin"))
                message = str(body.get("message", ""))
                if message.strip().lower() == "slow":
                    time.sleep(1.5)
                elif fake.delay_s:
                    time.sleep(fake.delay_s)
                if fake.fail or message.strip().lower() == "error":
                    payload = b'{"error": "boom"}'
                    self.send_response(HTTPStatus.INTERNAL_SERVER_ERROR)
                else:
                    replies = [
                        {"recipient_id": body.get("sender"), **reply}
                        for reply in replies_for(message, fake.url)
                    ]
                    payload = json.dumps(replies).encode()
                    self.send_response(HTTPStatus.OK)
                self._cors()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler
