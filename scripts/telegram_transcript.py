"""Draw a Telegram-style transcript of a real conversation, for the README.

Sends each learner message through the Telegram bridge's own Rasa client and renderer to a
running Rasa server, lays the result out like a Telegram chat in HTML, and screenshots it with
Debian's Chromium. Usage (with `make run` going):

    PYTHONPATH=. .venv/bin/python scripts/telegram_transcript.py --out docs/telegram.png
"""

from __future__ import annotations

import argparse
import asyncio
import html
import tempfile
from pathlib import Path

import httpx

from bot.telegram.callback_data import CallbackPayloads
from bot.telegram.rasa_client import RasaClient
from bot.telegram.render import TextOut, render_replies

MESSAGES = (
    "hi",
    "I left the army last year and want to get into cyber security, under £500",
    "tell me more about the first one",
)
STYLE = """
body { margin: 0; background: #c9d8a8; font: 15px/1.4 system-ui, sans-serif; }
.chat { width: 460px; margin: 0 auto; padding: 16px 12px; }
.msg { max-width: 82%; margin: 6px 0; padding: 7px 10px; border-radius: 12px;
       white-space: pre-wrap; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
.me { margin-left: auto; background: #e1fec6; }
.bot { background: #fff; }
.kb { display: grid; gap: 4px; margin: 2px 0 8px; max-width: 82%; }
.kb span { background: rgba(0,0,0,.18); color: #fff; text-align: center; padding: 7px;
           border-radius: 8px; font-weight: 600; }
.head { background: #517da2; color: #fff; padding: 10px 16px; font-weight: 600; }
"""


async def transcript(rasa_url: str, sender: str) -> str:
    parts = ['<div class="head">Course Advisor</div><div class="chat">']
    callbacks = CallbackPayloads()
    async with httpx.AsyncClient(base_url=rasa_url, timeout=60) as http:
        client = RasaClient(http)
        for message in MESSAGES:
            parts.append(f'<div class="msg me">{html.escape(message)}</div>')
            for out in render_replies(await client.send(sender, message), callbacks):
                if not isinstance(out, TextOut):
                    continue
                body = out.text if out.parse_mode == "HTML" else html.escape(out.text)
                parts.append(f'<div class="msg bot">{body}</div>')
                if out.keyboard is not None:
                    rows = out.keyboard.inline_keyboard
                    keys = "".join(
                        f"<span>{html.escape(button.text)}</span>" for row in rows for button in row
                    )
                    parts.append(f'<div class="kb">{keys}</div>')
    parts.append("</div>")
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"


def screenshot(page_html: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "transcript.html"
        page_file.write_text(page_html, encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 484, "height": 600})
            page.goto(page_file.as_uri())
            page.screenshot(path=str(out), full_page=True)
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--sender", default="readme-telegram-transcript")
    parser.add_argument("--out", type=Path, default=Path("docs/telegram.png"))
    args = parser.parse_args()
    screenshot(asyncio.run(transcript(args.rasa_url, args.sender)), args.out)
    print(f"Saved {args.out}")


if __name__ == "__main__":
    main()
