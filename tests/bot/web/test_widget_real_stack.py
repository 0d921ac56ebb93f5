"""The widget on the demo page against the real Rasa server, action server and course store.

Rasa is started with ``--cors`` for the demo pages' origins, as ``make run`` does for the demo.
Needs a trained model (``COURSE_ADVISOR_MODEL``; see tests/servers.py).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from bot.web.serve import WidgetServer, make_server, normalise_server
from tests.bot.web.conftest import ARTIFACTS
from tests.bot.web.widget_page import ERROR_TEXT, WidgetPage
from tests.servers import start_action_server, start_rasa_server

pytestmark = pytest.mark.slow

REPLY_TIMEOUT_MS = 60_000
LEARNER_XSS = "<img src=x onerror=alert(1)>"


@dataclass
class RealDemo:
    page: WidgetServer  # the demo page as served (with its Content-Security-Policy)
    no_csp: WidgetServer  # the same page without CSP, so only the widget guards against HTML
    not_allowed: WidgetServer  # an origin the Rasa server was not told to accept


@pytest.fixture(scope="module")
def real_demo(
    tmp_path_factory: pytest.TempPathFactory, course_db_url: str, model_path: Path
) -> Iterator[RealDemo]:
    tmp = tmp_path_factory.mktemp("widget-servers")
    # Bind the demo servers first: Rasa needs their origins; they learn Rasa's URL after.
    demo = RealDemo(
        page=make_server(port=0, quiet=True),
        no_csp=make_server(port=0, quiet=True, csp=False),
        not_allowed=make_server(port=0, quiet=True),
    )
    servers = [demo.page, demo.no_csp, demo.not_allowed]
    actions = start_action_server(tmp, course_db_url)
    try:
        rasa = start_rasa_server(
            tmp, model_path, actions.url, extra_args=("--cors", demo.page.url, demo.no_csp.url)
        )
    except Exception:
        actions.stop()
        raise
    for server in servers:
        server.rasa_server = normalise_server(rasa.url)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield demo
    for server in servers:
        server.shutdown()
        server.server_close()
    rasa.stop()
    actions.stop()


def open_widget(page: Page, server: WidgetServer) -> WidgetPage:
    widget = WidgetPage(page)
    widget.goto(server.url)
    widget.open()
    return widget


def test_journey_to_course_cards_and_back_after_reload(page: Page, real_demo: RealDemo) -> None:
    widget = open_widget(page, real_demo.page)
    widget.send("hi", timeout=REPLY_TIMEOUT_MS)
    expect(widget.bot_bubbles.last).to_contain_text("Course Advisor")

    widget.reply_button("Find a course").click()
    widget.wait_idle(REPLY_TIMEOUT_MS)
    expect(widget.bot_bubbles.last).to_contain_text("goal")

    widget.reply_button("Change career").click()
    widget.wait_idle(REPLY_TIMEOUT_MS)
    expect(widget.bot_bubbles.last).to_contain_text("subject")

    widget.send("cyber security", timeout=REPLY_TIMEOUT_MS)
    expect(widget.reply_button("Skip, show me courses")).to_be_visible()

    widget.reply_button("Skip, show me courses").click()
    widget.wait_idle(REPLY_TIMEOUT_MS)
    expect(widget.cards.first).to_be_visible()
    titles = widget.page.locator(".ca-card__title").all_inner_texts()
    assert titles and all(title.strip() for title in titles), titles
    first = widget.cards.first
    expect(first.locator(".ca-card__facts")).to_contain_text("Price")
    expect(first).to_contain_text("Why it fits")
    expect(widget.page.locator(".ca-notice")).to_have_count(0)
    # The numbered text version of the list is not shown as well as the cards.
    assert not [text for text in widget.bot_bubbles.all_inner_texts() if text.startswith("1. ")]
    learner_said = [
        "hi",
        "Find a course",
        "Change career",
        "cyber security",
        "Skip, show me courses",
    ]
    expect(widget.user_bubbles).to_have_text(learner_said)
    bot_said = widget.bot_bubbles.all_inner_texts()

    widget.page.reload()
    expect(widget.panel).to_be_visible()
    expect(widget.user_bubbles).to_have_text(learner_said)
    expect(widget.bot_bubbles).to_have_text(bot_said)
    assert widget.page.locator(".ca-card__title").all_inner_texts() == titles

    ARTIFACTS.mkdir(exist_ok=True)
    widget.settle()
    # Show the start of the recommendations rather than the end of the last card.
    widget.bot_bubbles.filter(
        has_text=re.compile(r"courses on cyber security that fit")
    ).last.evaluate("el => el.scrollIntoView({block: 'start'})")
    widget.page.screenshot(path=str(ARTIFACTS / "widget-journey.png"), animations="disabled")
    assert widget.dialogs == [] and widget.page_errors == []


def test_learner_html_is_text_with_the_real_bot(page: Page, real_demo: RealDemo) -> None:
    widget = open_widget(page, real_demo.no_csp)
    widget.send(LEARNER_XSS, timeout=REPLY_TIMEOUT_MS)
    expect(widget.user_bubbles).to_have_text([LEARNER_XSS])
    expect(widget.bot_bubbles.first).not_to_be_empty()  # the bot answered something
    expect(widget.page.locator(".ca-notice")).to_have_count(0)
    widget.page.wait_for_timeout(300)
    assert widget.images_in_widget() == 0
    assert widget.page.locator("img").count() == 0
    assert widget.dialogs == []
    assert widget.page_errors == []


def test_an_origin_rasa_does_not_allow_gets_the_error_message(
    page: Page, real_demo: RealDemo
) -> None:
    widget = open_widget(page, real_demo.not_allowed)
    widget.send("hi", timeout=REPLY_TIMEOUT_MS)
    expect(widget.page.locator(".ca-notice")).to_contain_text(ERROR_TEXT)
    expect(widget.user_bubbles).to_have_text(["hi"])


def test_card_buttons_and_the_compare_table_with_the_real_bot(
    page: Page, real_demo: RealDemo
) -> None:
    widget = open_widget(page, real_demo.page)
    widget.send("I want to change career into data science, budget £600", timeout=REPLY_TIMEOUT_MS)
    expect(widget.cards.first).to_be_visible()
    count = widget.cards.count()
    assert count >= 2, widget.bot_bubbles.all_inner_texts()
    # Each title starts with its number for screen readers ("2. ").
    titles = [
        re.sub(r"^\d+\. ", "", text) for text in page.locator(".ca-card__title").all_text_contents()
    ]

    def button(action: str, position: int) -> Locator:
        name = f"{action}: {titles[position - 1]}"
        return page.get_by_role("button", name=name, exact=True).first

    button("Save", 2).click()
    widget.wait_idle(REPLY_TIMEOUT_MS)
    expect(widget.user_bubbles.last).to_have_text(f"Save {titles[1]}")
    expect(widget.bot_bubbles.last).to_contain_text("Saved 1 course to your shortlist")

    button("Tell me more", 2).click()
    widget.wait_idle(REPLY_TIMEOUT_MS)
    details = widget.cards.last
    expect(details.locator(".ca-card__num")).to_have_text("2")
    expect(details.locator(".ca-card__action")).to_have_text(["Save", "Compare"])
    said = "\n".join(widget.bot_bubbles.all_inner_texts())
    assert titles[1] in said
    for internal in ("experttrack", "subscription-monthly", " x 1 month", "£0", "about £0"):
        assert internal not in said, said

    button("Compare", 1).click()
    widget.wait_idle(REPLY_TIMEOUT_MS)
    expect(widget.bot_bubbles.last).to_contain_text("side by side")
    table = page.get_by_role("table", name="Courses side by side")
    expect(table).to_be_visible()
    expect(table.locator("thead th")).to_have_count(count)
    expect(table.locator("thead th").first).to_have_text(f"1. {titles[0]}")
    expect(table.locator("tbody th")).to_contain_text(["Provider", "Price", "Type", "Level"])
    # The table replaces the text version: no "Side by side:" list as well.
    assert not [t for t in widget.bot_bubbles.all_inner_texts() if t.startswith("Side by side:")]

    ARTIFACTS.mkdir(exist_ok=True)
    widget.settle()
    table.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(ARTIFACTS / "widget-compare.png"), animations="disabled")
    assert widget.dialogs == [] and widget.page_errors == []
