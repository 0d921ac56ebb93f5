"""``python -m bot.telegram``: parse the command line, check settings, set up logging, run."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence

from telegram.error import InvalidToken, TelegramError

from bot import log_hygiene
from bot.telegram import app
from bot.telegram.config import (
    DEFAULT_LISTEN,
    DEFAULT_PORT,
    DEFAULT_RASA_URL,
    ConfigError,
    Settings,
    load_settings,
)

DESCRIPTION = """\
Course Advisor on Telegram: forwards each chat's messages to Rasa's REST channel and sends back
Rasa's replies (text, buttons, course cards, images).

Long polling is the default and needs no public address. For production, pass --webhook-url
(an https:// address that reaches --listen/--port, usually through a reverse proxy) and set
TELEGRAM_WEBHOOK_SECRET, which Telegram sends with every update and the bridge checks."""

EPILOG = f"""\
environment:
  TELEGRAM_BOT_TOKEN       required; the bot's token from @BotFather (/newbot)
  RASA_URL                 Rasa server with the REST channel (default {DEFAULT_RASA_URL})
  TELEGRAM_WEBHOOK_SECRET  required with --webhook-url: 1-256 of A-Z a-z 0-9 _ -

examples:
  TELEGRAM_BOT_TOKEN=123:abc python -m bot.telegram
  TELEGRAM_BOT_TOKEN=123:abc TELEGRAM_WEBHOOK_SECRET=s3cret \\
      python -m bot.telegram --webhook-url https://bot.example.org/telegram --port 8443"""


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    cli = argparse.ArgumentParser(
        prog="python -m bot.telegram",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cli.add_argument(
        "--rasa-url",
        metavar="URL",
        help=f"Rasa server (overrides RASA_URL; default {DEFAULT_RASA_URL})",
    )
    cli.add_argument(
        "--rasa-timeout",
        metavar="SECONDS",
        type=float,
        default=30.0,
        help="how long to wait for Rasa's reply (default 30)",
    )
    cli.add_argument(
        "--webhook-url",
        metavar="URL",
        help="public https:// URL Telegram posts updates to (enables webhook mode)",
    )
    cli.add_argument(
        "--listen",
        metavar="ADDRESS",
        default=DEFAULT_LISTEN,
        help=f"webhook mode: address to listen on (default {DEFAULT_LISTEN})",
    )
    cli.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"webhook mode: port to listen on (default {DEFAULT_PORT})",
    )
    cli.add_argument(
        "--url-path",
        metavar="PATH",
        help="webhook mode: local path to serve (default: the webhook URL's path)",
    )
    cli.add_argument(
        "--log-level",
        default="INFO",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="default INFO",
    )
    return cli


def configure_logging(level: str) -> None:
    """Log to stderr; httpx logs every request URL (with the bot token), so keep it quiet."""
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=getattr(logging, level)
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    log_hygiene.install()  # no learner text above DEBUG, one line per record


def main(
    argv: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
    runner: Callable[[Settings], None] = app.run,
) -> int:
    """Run the bridge; returns the process exit code."""
    args = parser().parse_args(argv)
    try:
        settings = load_settings(
            os.environ if env is None else env,
            rasa_url=args.rasa_url,
            rasa_timeout_s=args.rasa_timeout,
            webhook_url=args.webhook_url,
            listen=args.listen,
            port=args.port,
            url_path=args.url_path,
        )
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    configure_logging(args.log_level)
    try:
        runner(settings)
    except InvalidToken:
        print(
            "Telegram rejected TELEGRAM_BOT_TOKEN. Check it with @BotFather (/token).",
            file=sys.stderr,
        )
        return 1
    except TelegramError as exc:
        print(f"Could not talk to Telegram: {exc}", file=sys.stderr)
        return 1
    return 0
