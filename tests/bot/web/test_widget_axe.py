"""axe-core (npm ``axe-core``, node_modules/) on our widget in Chromium: no serious or critical
violations inside the widget, closed, in a conversation with quick replies and course cards, on a
phone, and in the error state with the Rasa server down.

Only the widget is checked (``#course-advisor-widget`` and its shadow tree): the demo page around
it is a stand-in for a client's site.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from bot.web.serve import WidgetServer
from tests.bot.web.conftest import ROOT, require_npm_file, serve_demo
from tests.bot.web.widget_page import ERROR_TEXT, WidgetPage
from tests.servers import free_port

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe's violations inside the widget (impact, rule, help and the offending nodes)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') allows it.
        page.evaluate(require_npm_file(AXE_JS).read_text("utf-8"))
    results: dict[str, Any] = page.evaluate(
        """async () => await axe.run(
            { include: [['#course-advisor-widget']] },
            { resultTypes: ['violations'] })"""
    )
    return [
        {
            "impact": violation["impact"],
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
    ]


def assert_no_blocking_violations(page: Page) -> None:
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    assert blocking == [], blocking


def test_axe_finds_what_it_should(page: Page, widget: WidgetPage) -> None:
    # The check itself works: an unlabelled button inside the widget is reported.
    page.evaluate(
        """() => document.getElementById('course-advisor-widget').shadowRoot
            .appendChild(document.createElement('button'))"""
    )
    assert "button-name" in {v["id"] for v in axe_violations(page)}


def test_closed_widget(widget: WidgetPage) -> None:
    assert_no_blocking_violations(widget.page)


def test_conversation_with_quick_replies_and_course_cards(widget: WidgetPage) -> None:
    widget.open()
    widget.send("hi")
    expect(widget.quick_replies.first).to_be_visible()
    widget.settle()
    assert_no_blocking_violations(widget.page)
    widget.send("courses")
    expect(widget.cards.first).to_be_visible()
    widget.send("card actions")
    widget.settle()
    assert_no_blocking_violations(widget.page)


def test_on_a_phone(page: Page, widget: WidgetPage) -> None:
    page.set_viewport_size({"width": 375, "height": 700})
    widget.open()
    widget.send("courses")
    expect(widget.cards.first).to_be_visible()
    widget.settle()
    assert_no_blocking_violations(page)


@pytest.fixture(scope="module")
def demo_server_down() -> Iterator[WidgetServer]:
    """The demo page pointed at a port where no Rasa server listens."""
    server = serve_demo(f"http://127.0.0.1:{free_port()}")
    yield server
    server.shutdown()
    server.server_close()


def test_error_state_with_the_server_down(page: Page, demo_server_down: WidgetServer) -> None:
    widget = WidgetPage(page)
    widget.goto(demo_server_down.url)
    widget.open()
    widget.send("I want to learn Python")
    expect(page.locator(".ca-notice")).to_contain_text(ERROR_TEXT)
    expect(page.locator(".ca-row--failed")).to_be_visible()
    widget.settle()
    assert_no_blocking_violations(page)
    assert widget.page_errors == []
