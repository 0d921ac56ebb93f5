"""Drives the chat widget in a Playwright page (Playwright's CSS locators pierce its shadow DOM)."""

from __future__ import annotations

from playwright.sync_api import Dialog, Locator, Page, expect

INPUT_LABEL = "Message Course Advisor"
ERROR_TEXT = "Sorry, I can't reach the advisor right now. Please try again in a moment."


class WidgetPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.page_errors: list[str] = []
        page.on("dialog", self._on_dialog)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def goto(self, url: str) -> None:
        self.page.goto(url)
        expect(self.launcher).to_be_visible()

    # Locators -----------------------------------------------------------------------------
    @property
    def launcher(self) -> Locator:
        return self.page.locator(".ca-launcher")

    @property
    def panel(self) -> Locator:
        return self.page.locator(".ca-panel")

    @property
    def log(self) -> Locator:
        return self.page.get_by_role("log")

    @property
    def input(self) -> Locator:
        return self.page.get_by_label(INPUT_LABEL)

    @property
    def typing(self) -> Locator:
        return self.page.locator(".ca-typing")

    @property
    def bot_bubbles(self) -> Locator:
        return self.page.locator(".ca-row--bot:not(.ca-row--intro) .ca-bubble")

    @property
    def user_bubbles(self) -> Locator:
        return self.page.locator(".ca-row--user .ca-bubble")

    @property
    def quick_replies(self) -> Locator:
        return self.page.locator(".ca-row--bot:not(.ca-row--intro) .ca-reply")

    @property
    def cards(self) -> Locator:
        return self.page.locator(".ca-card")

    def reply_button(self, title: str) -> Locator:
        return self.page.locator(".ca-reply", has_text=title)

    # Actions ------------------------------------------------------------------------------
    def open(self) -> None:
        if self.launcher.get_attribute("aria-expanded") != "true":
            self.launcher.click()
        expect(self.panel).to_be_visible()

    def settle(self) -> None:
        """Wait for the widget's CSS animations (the panel rising, messages fading in)."""
        self.page.evaluate(
            """() => Promise.all(document.getElementById('course-advisor-widget').shadowRoot
                .getAnimations().map(a => a.finished))"""
        )

    def send(self, text: str, *, wait: bool = True, timeout: float = 10_000) -> None:
        self.input.fill(text)
        self.input.press("Enter")
        if wait:
            self.wait_idle(timeout)

    def wait_idle(self, timeout: float = 10_000) -> None:
        expect(self.typing).to_be_hidden(timeout=timeout)

    def images_in_widget(self) -> int:
        return int(
            self.page.evaluate(
                "() => document.getElementById('course-advisor-widget')"
                ".shadowRoot.querySelectorAll('img').length"
            )
        )

    def stored(self, key: str) -> str | None:
        value = self.page.evaluate(
            """key => {
                const k = Object.keys(localStorage).find(k => k.endsWith(':' + key));
                return k ? localStorage.getItem(k) : null;
            }""",
            key,
        )
        return None if value is None else str(value)
