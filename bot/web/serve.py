"""A tiny static server for the web chat widget and its demo page.

    python -m bot.web.serve --port 8080 --server http://127.0.0.1:5005

serves ``/widget.js`` and the demo page at ``/`` with the Rasa server's URL written into the
page's widget tag (``data-server``), and ``/webchat.html``: the same assistant in rasa-webchat
(npm ``rasa-webchat``, installed into ``node_modules/`` by ``make node-deps``) over the
Socket.IO channel. It is for demos and local development; in production, serve
``widget.js`` from any static host or CDN. The Rasa server must allow the page's origin
(``rasa run --cors http://127.0.0.1:8080 http://localhost:8080``).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections.abc import Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

WEB_DIR = Path(__file__).resolve().parent
WIDGET_JS = WEB_DIR / "widget.js"
DEMO_PAGE = WEB_DIR / "demo" / "index.html"
WEBCHAT_PAGE = WEB_DIR / "demo" / "webchat.html"
#: The published rasa-webchat bundle (``npm ci`` at the repository root; not in git).
RASA_WEBCHAT_JS = WEB_DIR.parents[1] / "node_modules" / "rasa-webchat" / "lib" / "index.js"
PAGES = {"/": DEMO_PAGE, "/index.html": DEMO_PAGE, "/webchat.html": WEBCHAT_PAGE}
SCRIPTS = {
    "/widget.js": WIDGET_JS,
    "/webchat.js": WEB_DIR / "demo" / "webchat.js",
    "/rasa-webchat.js": RASA_WEBCHAT_JS,
}
DEFAULT_SERVER = "http://127.0.0.1:5005"
DEFAULT_PORT = 8080

# The widget's <script> tag in the demo page, with its data-server value in group 2.
_WIDGET_TAG = re.compile(r'(<script\b[^>]*?\bdata-server=")([^"]*)("[^>]*>)', re.IGNORECASE)


def normalise_server(url: str) -> str:
    """The Rasa server's base URL without a trailing slash; only http(s) URLs are accepted."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"the server URL takes no query or fragment: {url!r}")
    return url.strip().rstrip("/")


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def render_demo_page(template: str, server: str) -> str:
    """The demo page with ``server`` written (HTML-escaped) into the widget tag's data-server."""
    page, count = _WIDGET_TAG.subn(
        lambda m: m.group(1) + html.escape(server, quote=True) + m.group(3), template, count=1
    )
    if count != 1:
        raise ValueError("the demo page has no widget <script> tag with a data-server attribute")
    return page


def content_security_policy(server: str) -> str:
    """A strict policy for the demo page: only our script, and requests only to the Rasa server
    (over HTTP, or a WebSocket for rasa-webchat's Socket.IO)."""
    websocket = origin_of(server).replace("http", "ws", 1)
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' https: http: data:",
            f"connect-src {origin_of(server)} {websocket}",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


class WidgetServer(ThreadingHTTPServer):
    """Serves the widget and the demo page; ``rasa_server`` goes into the page."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        rasa_server: str,
        *,
        quiet: bool = False,
        csp: bool = True,
    ) -> None:
        self.rasa_server = normalise_server(rasa_server)
        self.quiet = quiet
        self.csp = csp
        super().__init__(address, WidgetRequestHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = "127.0.0.1" if str(host) in ("0.0.0.0", "", "::") else str(host)
        return f"http://{shown}:{port}"


class WidgetRequestHandler(BaseHTTPRequestHandler):
    server_version = "CourseAdvisorWidget/1.0"
    server: WidgetServer

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, *, head: bool) -> None:
        path = urlsplit(self.path).path
        if path in PAGES:
            try:
                page = render_demo_page(PAGES[path].read_text("utf-8"), self.server.rasa_server)
            except (OSError, ValueError) as error:
                self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR, str(error))
                return
            headers = {}
            if self.server.csp:
                csp = content_security_policy(self.server.rasa_server)
                headers["Content-Security-Policy"] = csp
            self._send(page.encode(), "text/html; charset=utf-8", head, headers)
        elif path in SCRIPTS:
            try:
                body = SCRIPTS[path].read_bytes()
            except FileNotFoundError:
                self.send_error(HTTPStatus.NOT_FOUND, "not installed: run `make node-deps`")
                return
            except OSError as error:
                self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR, str(error))
                return
            self._send(body, "text/javascript; charset=utf-8", head)
        elif path == "/favicon.ico":
            self.send_response(HTTPStatus.NO_CONTENT)
            self.end_headers()
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _send(
        self, body: bytes, content_type: str, head: bool, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


def make_server(
    rasa_server: str = DEFAULT_SERVER,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    *,
    quiet: bool = False,
    csp: bool = True,
) -> WidgetServer:
    """A bound, not yet running server (port 0 picks a free port); call ``serve_forever``.

    ``csp=False`` serves the demo page without its Content-Security-Policy (the widget's own
    defences are then all that stands between a learner's text and the page).
    """
    return WidgetServer((host, port), rasa_server, quiet=quiet, csp=csp)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot.web.serve",
        description="Serve the Course Advisor web chat widget and its demo page.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface (default: %(default)s)")
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help="port, 0 for any free one (default: %(default)s)",
    )
    parser.add_argument(
        "--server",
        default=DEFAULT_SERVER,
        help="the Rasa server the widget talks to (default: %(default)s)",
    )
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        server = make_server(args.server, args.host, args.port, quiet=args.quiet)
    except ValueError as error:
        print(f"error: --server: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1
    print(
        f"Course Advisor widget demo: {server.url}/  (widget: {server.url}/widget.js, "
        f"Rasa server: {server.rasa_server})",
        flush=True,
    )
    print(f"The Rasa server must allow this origin: rasa run ... --cors {server.url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
