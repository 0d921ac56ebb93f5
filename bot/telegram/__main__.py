"""Run the Telegram bridge: ``TELEGRAM_BOT_TOKEN=... python -m bot.telegram`` (see ``--help``)."""

from bot.telegram.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
