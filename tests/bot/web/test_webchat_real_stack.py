"""rasa-webchat as published on npm (1.0.1, node_modules/) against the real Rasa server, action
server and course store, through our Socket.IO channel (bot/socketio_channel.py).

The page is serve.py's ``/webchat.html`` (the bundle from node_modules, started by
bot/web/demo/webchat.js); Rasa gets the page's origin with ``--cors`` as ``make run`` does.
Needs a trained model (``COURSE_ADVISOR_MODEL``; see tests/servers.py) and ``make node-deps``.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from bot.web.serve import RASA_WEBCHAT_JS, WidgetServer, make_server, normalise_server
from tests.bot.web.conftest import ARTIFACTS, require_npm_file
from tests.servers import Server, start_action_server, start_rasa_server

pytestmark = pytest.mark.slow

REPLY_TIMEOUT_MS = 60_000
STORAGE_KEY = "chat_session"  # where rasa-webchat keeps its session id and conversation
LIST_ITEM = re.compile(r"^(\d+)\. (.+?)(?: \([^()]*\))?$")  # "1. Title (Provider)"


@dataclass
class WebchatStack:
    page: WidgetServer
    rasa: Server


@pytest.fixture(scope="module")
def webchat_stack(
    tmp_path_factory: pytest.TempPathFactory, course_db_url: str, model_path: Path
) -> Iterator[WebchatStack]:
    require_npm_file(RASA_WEBCHAT_JS)
    tmp = tmp_path_factory.mktemp("webchat-servers")
    page = make_server(port=0, quiet=True)  # bound first: Rasa needs its origin
    actions = start_action_server(tmp, course_db_url)
    try:
        rasa = start_rasa_server(tmp, model_path, actions.url, extra_args=("--cors", page.url))
    except Exception:
        actions.stop()
        raise
    page.rasa_server = normalise_server(rasa.url)
    threading.Thread(target=page.serve_forever, daemon=True).start()
    yield WebchatStack(page, rasa)
    page.shutdown()
    page.server_close()
    rasa.stop()
    actions.stop()


class Webchat:
    """Drives rasa-webchat's own DOM (``rw-`` classes)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.page_errors: list[str] = []
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    @property
    def bot(self) -> Locator:
        return self.page.locator(".rw-response")

    @property
    def learner(self) -> Locator:
        return self.page.locator(".rw-client")

    @property
    def quick_replies(self) -> Locator:
        return self.page.locator(".rw-reply")

    def open(self, url: str) -> None:
        self.page.goto(url)
        launcher = self.page.locator(".rw-launcher")
        expect(launcher).to_be_visible(
            timeout=REPLY_TIMEOUT_MS
        )  # shown once the session is confirmed
        if not self.page.locator(".rw-conversation-container").is_visible():
            launcher.click()
        expect(self.page.locator(".rw-new-message")).to_be_visible()

    def send(self, text: str) -> None:
        box = self.page.locator(".rw-new-message")
        box.fill(text)
        box.press("Enter")

    def bot_says(self, pattern: str | re.Pattern[str], before: int = 0) -> Locator:
        """The last bot message matching ``pattern`` once there are more than ``before``."""
        found = self.bot.filter(has_text=pattern)
        expect(found.nth(before)).to_be_visible(timeout=REPLY_TIMEOUT_MS)
        return found.last

    def idle(self) -> None:
        """Wait until rasa-webchat has shown every reply (it shows them one by one, typing)."""
        expect(self.page.locator(".rw-typing-indication")).to_have_count(
            0, timeout=REPLY_TIMEOUT_MS
        )

    def session(self) -> dict[str, Any]:
        stored = self.page.evaluate(f"() => localStorage.getItem({json.dumps(STORAGE_KEY)})")
        assert stored, "rasa-webchat stored no session"
        data: dict[str, Any] = json.loads(stored)
        return data


def listed_titles(course_list: Locator) -> list[str]:
    """Titles of a course list as rasa-webchat shows it: "1. Title (Provider)", then the facts
    and "Why: ..." on lines of their own, for each course."""
    lines = [line.strip() for line in course_list.inner_text().splitlines() if line.strip()]
    titles = []
    for index, line in enumerate(lines):
        numbered = LIST_ITEM.match(line)
        if numbered:
            assert int(numbered.group(1)) == len(titles) + 1, lines  # the numbers are shown
            assert lines[index + 2].startswith("Why:"), lines  # line breaks are kept
            titles.append(numbered.group(2))
    return titles


def tracker_events(rasa: Server, sender: str) -> list[dict[str, Any]]:
    response = httpx.get(f"{rasa.url}/conversations/{sender}/tracker", timeout=30)
    response.raise_for_status()
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def test_a_course_list_a_quick_reply_and_a_reload_that_continues(
    page: Page, webchat_stack: WebchatStack
) -> None:
    chat = Webchat(page)
    chat.open(f"{webchat_stack.page.url}/webchat.html")
    chat.bot_says("Course Advisor")  # the greeting for initPayload "/greet"
    session_id = chat.session()["session_id"]
    assert re.fullmatch(r"web-[\w-]+\.[\w-]{32}", session_id), session_id  # signed by the server

    chat.send("I'm a teacher and I want to move into UX design, about 4 hours a week")
    chat.bot_says(re.compile(r"courses on UX design", re.I))
    course_list = chat.bot_says(re.compile(r"^1\. ", re.M))
    titles = listed_titles(course_list)
    assert len(titles) >= 2, course_list.inner_text()
    more_on_1 = chat.quick_replies.filter(has_text="More on 1")
    expect(more_on_1).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    chat.idle()

    mentions = chat.bot.filter(has_text=titles[0]).count()  # the list names it
    more_on_1.click()
    expect(chat.learner.last).to_have_text("More on 1")  # the title, not the payload
    details = chat.bot_says(titles[0], before=mentions)  # a new message about course 1
    assert not LIST_ITEM.match(details.inner_text().strip()), details.inner_text()
    chat.idle()
    expect(chat.learner).to_have_count(2)  # the greeting's initPayload is not shown
    shown = chat.bot.all_inner_texts()

    page.reload()
    expect(page.locator(".rw-new-message")).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    expect(chat.bot).to_have_text(shown, use_inner_text=True)  # the history is still shown
    assert chat.session()["session_id"] == session_id  # and the server kept the session

    mentions = chat.bot.filter(has_text=titles[1]).count()
    chat.send("tell me more about the second one")
    # "The second one" still refers to the list from before the reload.
    chat.bot_says(titles[1], before=mentions)
    chat.idle()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "rasa-webchat.png"))
    assert chat.page_errors == []

    # Every turn was saved in the one conversation, the course list and the quick reply included.
    events = tracker_events(webchat_stack.rasa, session_id)
    said = [event.get("text") for event in events if event["event"] == "user"]
    assert said[0] == "/greet" and said[1].startswith("I'm a teacher")
    assert said[2].startswith('/course_details{"course_index":[1')
    assert said[3:] == ["tell me more about the second one"]
    assert {event.get("input_channel") for event in events if event["event"] == "user"} == {
        "socketio"
    }


def test_a_page_whose_origin_is_not_allowed_cannot_connect(
    page: Page, webchat_stack: WebchatStack
) -> None:
    # The same page from an origin Rasa's --cors does not list: the socket is refused.
    other = make_server(webchat_stack.rasa.url, port=0, quiet=True)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        page.goto(f"{other.url}/webchat.html")
        page.wait_for_timeout(3_000)
        # rasa-webchat stays hidden until the server confirms a session: it never does.
        expect(page.locator(".rw-launcher")).to_have_count(0)
        stored = page.evaluate(f"() => localStorage.getItem({json.dumps(STORAGE_KEY)})")
        assert not stored or not json.loads(stored).get("session_id")
    finally:
        other.shutdown()
        other.server_close()
