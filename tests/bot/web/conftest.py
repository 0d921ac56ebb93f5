"""Fixtures for the web widget's browser tests: Chromium, the demo server and a fake Rasa.

The browser is Debian's Chromium (``/usr/bin/chromium``; Playwright downloads nothing). One
browser per test module; every test gets a fresh context, so localStorage starts empty.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from bot.web.serve import WidgetServer, make_server
from tests.bot.web.fake_rasa import FakeRasa
from tests.bot.web.widget_page import WidgetPage

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "test-artifacts"


def require_npm_file(path: Path) -> Path:
    """``path`` from node_modules/, or a failure that says how to install it (not a skip)."""
    if not path.is_file():
        pytest.fail(
            f"{path.relative_to(ROOT)} is missing: install the browser tests' npm packages "
            "with `make node-deps` (npm ci; `make test` and `make quick` do it)",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def serve_demo(rasa_url: str, *, csp: bool = True, port: int = 0) -> WidgetServer:
    """serve.py's server on a free port, running in a thread; call ``shutdown`` when done."""
    server = make_server(rasa_url, port=port, quiet=True, csp=csp)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def fake_rasa() -> Iterator[FakeRasa]:
    fake = FakeRasa().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def demo(fake_rasa: FakeRasa) -> Iterator[WidgetServer]:
    """The demo page, its widget pointed at the fake Rasa server."""
    server = serve_demo(fake_rasa.url)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def widget(page: Page, demo: WidgetServer, fake_rasa: FakeRasa) -> Iterator[WidgetPage]:
    """The demo page loaded, with its widget; fails the test on any JavaScript error or dialog."""
    fake_rasa.fail = False
    fake_rasa.delay_s = 0.0
    widget = WidgetPage(page)
    widget.goto(demo.url)
    yield widget
    assert not widget.page_errors, widget.page_errors
    assert not widget.dialogs, widget.dialogs
