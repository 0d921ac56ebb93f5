"""serve.py: the demo page gets the Rasa server URL, escaped; the widget is served as JS."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from bot.web.serve import (
    DEMO_PAGE,
    RASA_WEBCHAT_JS,
    content_security_policy,
    main,
    make_server,
    normalise_server,
    render_demo_page,
)
from tests.bot.web.conftest import ROOT, require_npm_file, serve_demo


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = serve_demo("https://rasa.example.org:5005/")
    yield server.url
    server.shutdown()
    server.server_close()


def test_demo_page_points_the_one_widget_tag_at_the_server(base_url: str) -> None:
    response = httpx.get(f"{base_url}/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = response.text
    assert "Northfield Careers Service" in page
    assert page.count("<script") == 1  # the embed is one tag, no inline scripts
    assert '<script src="/widget.js" data-server="https://rasa.example.org:5005"' in page
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "connect-src https://rasa.example.org:5005" in csp


def test_widget_js_is_served_as_javascript(base_url: str) -> None:
    response = httpx.get(f"{base_url}/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "/webhooks/rest/webhook" in response.text
    assert httpx.head(f"{base_url}/widget.js").status_code == 200


def test_webchat_page_starts_the_published_rasa_webchat(base_url: str) -> None:
    response = httpx.get(f"{base_url}/webchat.html")
    assert response.status_code == 200
    page = response.text
    assert '<script src="/rasa-webchat.js"></script>' in page
    assert '<script src="/webchat.js" data-server="https://rasa.example.org:5005"' in page
    # rasa-webchat talks Socket.IO: a WebSocket to the Rasa server, after a long-poll.
    csp = response.headers["content-security-policy"]
    assert "connect-src https://rasa.example.org:5005 wss://rasa.example.org:5005" in csp
    assert "socketUrl: server" in httpx.get(f"{base_url}/webchat.js").text
    bundle = httpx.get(f"{base_url}/rasa-webchat.js")
    assert bundle.status_code == 200
    assert bundle.content == require_npm_file(RASA_WEBCHAT_JS).read_bytes()


@pytest.mark.parametrize("path", ["/nope", "/../serve.py", "/demo/index.html", "/serve.py"])
def test_nothing_else_is_served(base_url: str, path: str) -> None:
    assert httpx.get(f"{base_url}{path}").status_code == 404


def test_server_url_is_escaped_into_the_attribute() -> None:
    page = render_demo_page(DEMO_PAGE.read_text(), 'http://h/"><script>alert(1)</script>')
    assert "<script>alert(1)" not in page
    assert 'data-server="http://h/&quot;&gt;&lt;script&gt;' in page


@pytest.mark.parametrize(
    "bad", ["javascript:alert(1)", "ftp://host", "localhost:5005", "http://", "http://h/?q=1"]
)
def test_only_http_server_urls_are_accepted(bad: str) -> None:
    with pytest.raises(ValueError):
        normalise_server(bad)
    assert main(["--server", bad, "--port", "0"]) == 2


def test_normalise_strips_trailing_slash_and_csp_uses_origin() -> None:
    assert normalise_server(" https://rasa.example.org/ ") == "https://rasa.example.org"
    csp = content_security_policy("https://rasa.example.org:8443/base")
    assert "connect-src https://rasa.example.org:8443 wss://rasa.example.org:8443;" in csp


def test_page_without_a_widget_tag_is_refused() -> None:
    with pytest.raises(ValueError):
        render_demo_page("<html><body>no widget</body></html>", "http://h")


def test_make_server_binds_a_free_port_without_serving() -> None:
    server = make_server("http://127.0.0.1:5005", port=0, quiet=True)
    try:
        assert server.url.startswith("http://127.0.0.1:")
        assert not server.url.endswith(":0")
    finally:
        server.server_close()


def test_command_line_serves_the_demo() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.web.serve", "--port", "0", "--server", "http://127.0.0.1:5999"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        url = first_line.split("demo: ", 1)[1].split("/ ", 1)[0]
        page = httpx.get(f"{url}/", timeout=5).text
        assert 'data-server="http://127.0.0.1:5999"' in page
    finally:
        process.terminate()
        process.wait(timeout=10)
