"""Contrast of the widget's states, measured in Chromium, and its strings replaced by attributes."""

from __future__ import annotations

import re

from playwright.sync_api import Page, Route, expect

from bot.web.serve import WidgetServer
from tests.bot.web.fake_rasa import FakeRasa
from tests.bot.web.widget_page import WidgetPage


def _rgb(css: str) -> tuple[float, float, float]:
    red, green, blue = (float(part) for part in re.findall(r"[\d.]+", css)[:3])
    return red, green, blue


def _luminance(css: str) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in _rgb(css))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two CSS rgb() colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula() -> None:
    assert round(contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)"), 1) == 21.0
    assert round(contrast("rgb(255, 255, 255)", "rgb(34, 81, 204)"), 1) == 6.7


def test_a_message_that_was_not_sent_is_readable(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    widget.open()
    fake_rasa.fail = True
    widget.send("I want to learn Python")
    bubble = widget.page.locator(".ca-row--failed .ca-bubble")
    expect(bubble).to_have_text("I want to learn Python")
    style = bubble.evaluate(
        "b => { const s = getComputedStyle(b); const p = getComputedStyle(b.closest('.ca-panel'));"
        " return [s.color, s.backgroundColor, s.opacity, p.backgroundColor]; }"
    )
    color, background, opacity, panel = style
    assert opacity == "1"
    shown = panel if background == "rgba(0, 0, 0, 0)" else background
    assert contrast(color, shown) >= 4.5, (color, shown)
    status = widget.page.locator(".ca-status")
    expect(status).to_have_text("Not sent")
    assert contrast(status.evaluate("s => getComputedStyle(s).color"), panel) >= 4.5


def test_the_launcher_focus_ring_shows_on_the_dark_footer(widget: WidgetPage) -> None:
    page = widget.page
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    footer = page.evaluate(
        "getComputedStyle(document.querySelector('footer.site')).backgroundColor"
    )
    body = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.keyboard.press("Tab")
    for _ in range(80):  # Tab through the page to the launcher (keyboard focus: :focus-visible)
        if widget.launcher.evaluate("l => l.matches(':focus-visible')"):
            break
        page.keyboard.press("Tab")
    ring = widget.launcher.evaluate(
        "l => { const s = getComputedStyle(l); return [s.outlineColor, s.outlineStyle,"
        " s.outlineWidth, s.boxShadow]; }"
    )
    outline, style, width, shadow = ring
    assert style == "solid" and float(width.removesuffix("px")) >= 2
    halo = re.match(r"rgba?\([^)]*\)", shadow)
    assert halo, shadow
    # On a light page the focus colour stands out; on the dark footer the halo around it does.
    assert contrast(outline, body) >= 3, (outline, body)
    assert max(contrast(outline, footer), contrast(halo.group(0), footer)) >= 3, (ring, footer)
    assert contrast(halo.group(0), outline) >= 3


def test_every_string_can_be_replaced_by_an_attribute(
    page: Page, demo: WidgetServer, fake_rasa: FakeRasa
) -> None:
    texts = {
        "data-text-not-sent": "Non envoyé",
        "data-text-retry": "Réessayer",
        "data-text-error": "Désolé, le conseiller est injoignable.",
        "data-text-clear": "Effacer cette conversation",
        "data-text-you-said": "Vous avez dit :",
    }
    extra = " ".join(f'{name}="{value}"' for name, value in texts.items())

    def translated(route: Route) -> None:
        response = route.fetch()
        html = response.text().replace(
            '<script src="/widget.js"', f'<script src="/widget.js" {extra}'
        )
        route.fulfill(response=response, body=html)

    page.route(demo.url, translated)
    widget = WidgetPage(page)
    widget.goto(demo.url)
    widget.open()
    fake_rasa.fail = True
    try:
        widget.send("bonjour")
        expect(page.locator(".ca-status")).to_have_text("Non envoyé")
        expect(page.locator(".ca-notice")).to_contain_text("Désolé, le conseiller est injoignable.")
        expect(page.get_by_role("button", name="Réessayer")).to_be_visible()
        expect(page.locator(".ca-clear")).to_have_text("Effacer cette conversation")
        expect(page.locator(".ca-row--user .ca-sr-only").first).to_have_text("Vous avez dit :")
    finally:
        fake_rasa.fail = False
