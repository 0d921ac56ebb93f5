"""The web chat widget in a real browser against a fake Rasa REST channel (fast, no Rasa).

Each test gets a fresh browser context (empty localStorage) on the demo page served by serve.py.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from bot.web.serve import WidgetServer
from tests.bot.web.conftest import ARTIFACTS, serve_demo
from tests.bot.web.fake_rasa import COURSES, GREETING, XSS_TEXT, FakeRasa
from tests.bot.web.widget_page import ERROR_TEXT, WidgetPage
from tests.servers import free_port

LEARNER_XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def demo_without_csp(fake_rasa: FakeRasa) -> Iterator[WidgetServer]:
    """The demo page without its Content-Security-Policy: only the widget's own care is tested."""
    server = serve_demo(fake_rasa.url, csp=False)
    yield server
    server.shutdown()
    server.server_close()


def shadow_active_class(page: Page) -> str:
    """The class of the focused element inside the widget ('' when focus is elsewhere)."""
    return str(
        page.evaluate(
            """() => {
                const host = document.getElementById('course-advisor-widget');
                if (document.activeElement !== host) return '';
                const active = host.shadowRoot.activeElement;
                return active ? active.className : '';
            }"""
        )
    )


# --------------------------------------------------------------------------- opening, talking


def test_launcher_opens_an_accessible_panel(widget: WidgetPage) -> None:
    launcher = widget.launcher
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(launcher).to_have_attribute("aria-controls", "ca-panel")
    expect(launcher).to_have_accessible_name("Ask Course Advisor")
    expect(widget.panel).to_be_hidden()

    launcher.click()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(widget.panel).to_be_visible()
    expect(widget.page.get_by_role("dialog", name="Course Advisor")).to_be_visible()
    expect(widget.log).to_have_attribute("aria-live", "polite")
    expect(widget.input).to_be_focused()
    expect(widget.input).to_have_attribute("maxlength", "2000")
    # The welcome and the page's suggestions are local: nothing was sent yet.
    expect(widget.page.locator(".ca-row--intro")).to_contain_text("short courses")
    expect(widget.page.locator(".ca-row--intro .ca-reply")).to_have_count(3)

    widget.page.get_by_role("button", name="Close chat").click()
    expect(widget.panel).to_be_hidden()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(launcher).to_be_focused()


def test_page_elements_can_open_the_chat(widget: WidgetPage) -> None:
    widget.page.get_by_role("button", name="Ask the Course Advisor").click()
    expect(widget.panel).to_be_visible()
    expect(widget.input).to_be_focused()


def test_text_buttons_and_payloads(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    widget.open()
    widget.send("hi")
    expect(widget.user_bubbles).to_have_text(["hi"])
    expect(widget.bot_bubbles).to_have_text([GREETING])
    expect(widget.quick_replies).to_have_text(["Find a course", "What's a microcredential?"])
    sender = fake_rasa.requests[-1]["sender"]
    assert sender in fake_rasa.issued  # issued by the server, not made up by the page
    assert fake_rasa.origins[-1] == widget.page.url.rstrip("/")  # a cross-origin (CORS) call

    widget.reply_button("Find a course").click()
    widget.wait_idle()
    assert fake_rasa.messages[-1] == "/find_course"  # the payload is sent...
    expect(widget.user_bubbles).to_have_text(["hi", "Find a course"])  # ...the title is shown
    expect(widget.quick_replies).to_have_text(["Upskill in my job", "Change career"])
    expect(widget.input).to_be_focused()

    widget.page.locator(".ca-row--intro").wait_for(state="detached")
    widget.send("nothing")  # Rasa may answer with an empty list: no bubble, no error
    expect(widget.bot_bubbles).to_have_count(2)
    expect(widget.page.locator(".ca-notice")).to_have_count(0)


def test_suggestion_sends_its_text(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    widget.open()
    widget.page.locator(".ca-row--intro .ca-reply", has_text="Find a course").click()
    widget.wait_idle()
    assert fake_rasa.messages[-1] == "Find a course"
    expect(widget.page.locator(".ca-row--intro")).to_have_count(0)


def test_typing_indicator_while_waiting(widget: WidgetPage) -> None:
    widget.open()
    widget.send("slow", wait=False)
    expect(widget.typing).to_be_visible()
    expect(widget.typing).to_contain_text("Course Advisor is typing")
    expect(widget.user_bubbles).to_have_text(["slow"])  # shown before the reply arrives
    expect(widget.bot_bubbles).to_have_text(["You said: slow"], timeout=5000)
    expect(widget.typing).to_be_hidden()


def test_line_breaks_are_preserved(widget: WidgetPage) -> None:
    widget.open()
    widget.send("lines")
    bubble = widget.bot_bubbles.last
    assert bubble.evaluate("el => getComputedStyle(el).whiteSpace") == "pre-wrap"
    assert bubble.inner_text() == "First line\nSecond line\n   indented third"
    box = bubble.bounding_box()
    assert box is not None and box["height"] > 50  # three rendered lines


def test_only_http_links_and_images(widget: WidgetPage) -> None:
    widget.open()
    widget.send("link")
    links = widget.page.locator(".ca-row--bot .ca-link")
    expect(links).to_have_count(1)
    expect(links).to_have_attribute("href", "https://example.org/course?id=1")
    expect(links).to_have_attribute("target", "_blank")
    expect(links).to_have_attribute("rel", "noopener noreferrer")
    expect(widget.bot_bubbles.last).to_have_text(
        "More: https://example.org/course?id=1. Or javascript:alert(1)"
    )

    widget.send("image")
    expect(widget.page.locator(".ca-image")).to_have_count(1)  # the javascript: one is dropped
    expect(widget.page.locator(".ca-image")).to_have_attribute("alt", "Image from Course Advisor")


# --------------------------------------------------------------------------- course cards


def test_course_cards_show_every_field(widget: WidgetPage) -> None:
    widget.open()
    widget.send("courses")
    cards = widget.cards
    expect(cards).to_have_count(3)
    expect(widget.page.locator(".ca-card__title")).to_have_text(
        [f"{i}. {course['title']}" for i, course in enumerate(COURSES, start=1)]
    )

    free, paid, sparse = cards.nth(0), cards.nth(1), cards.nth(2)
    expect(free).to_contain_text("The Open University")
    expect(free).to_contain_text("8 weeks")
    expect(free).to_contain_text("3 h/week")
    expect(free).to_contain_text("Free")
    expect(free).to_contain_text("No stated credit")
    expect(free).to_contain_text("Why it fits: It is free and fits in 3 hours a week.")
    link = free.get_by_role("link")
    expect(link).to_have_attribute("href", "https://www.open.edu/openlearn/course-1")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(link).to_have_accessible_name(re.compile(r"View course page.*opens in a new tab"))

    expect(paid).to_contain_text("Coventry University")
    expect(paid).to_contain_text("10 weeks")
    expect(paid).to_contain_text("10 h/week")
    expect(paid).to_contain_text("€39/month")
    expect(paid).to_contain_text("as of November 2022")
    expect(paid).not_to_contain_text("2022-11")
    expect(paid).to_contain_text("about £101 in total")
    expect(paid).to_contain_text("10 CATS credits")
    assert paid.locator(".ca-card__why").inner_text() == (
        "Why it fits: Carries 10 CATS credits.\nAbout £101 in total."
    )

    expect(sparse).to_contain_text("Provider not stated")
    expect(sparse).to_contain_text("Price not published")
    expect(sparse).to_contain_text("Not stated")
    expect(sparse.get_by_role("link")).to_have_count(0)
    expect(sparse).to_contain_text("No course page address")

    expect(widget.page.get_by_role("list", name="3 courses")).to_be_visible()
    # The numbered text version of the same courses is not shown twice; the rest of the text is.
    expect(widget.bot_bubbles).to_have_text(
        [
            "Here are 3 cyber security courses that fit what you told me:",
            'Say "tell me more about the first one" or "cheaper".',
        ]
    )
    ARTIFACTS.mkdir(exist_ok=True)
    widget.page.screenshot(path=str(ARTIFACTS / "widget-fake-cards.png"), animations="disabled")


def test_text_about_one_course_is_kept_with_its_card(widget: WidgetPage) -> None:
    widget.open()
    widget.send("details")
    expect(widget.bot_bubbles).to_have_count(1)
    expect(widget.bot_bubbles).to_contain_text(["A gentle start."])
    expect(widget.cards).to_have_count(1)


# --------------------------------------------------------------------------- safety


def test_learner_html_is_text(page: Page, demo_without_csp: WidgetServer) -> None:
    widget = WidgetPage(page)
    widget.goto(demo_without_csp.url)
    widget.open()
    widget.send(LEARNER_XSS)
    expect(widget.user_bubbles).to_have_text([LEARNER_XSS])
    expect(widget.bot_bubbles).to_have_text([f"You said: {LEARNER_XSS}"])  # echoed by the bot
    page.wait_for_timeout(300)  # give an injected onerror handler time to fire
    assert widget.images_in_widget() == 0
    assert page.locator("img").count() == 0
    assert widget.dialogs == []
    assert widget.page_errors == []

    page.reload()  # restored history is text too
    expect(widget.user_bubbles).to_have_text([LEARNER_XSS])
    page.wait_for_timeout(300)
    assert widget.images_in_widget() == 0
    assert widget.dialogs == []


def test_bot_html_is_text_and_bad_urls_are_not_links(
    page: Page, demo_without_csp: WidgetServer
) -> None:
    widget = WidgetPage(page)
    widget.goto(demo_without_csp.url)
    widget.open()
    widget.send("xss-bot")
    expect(widget.bot_bubbles.first).to_have_text(XSS_TEXT)
    expect(widget.quick_replies).to_have_text(["<img src=x onerror=alert('button')>"])
    card = widget.cards.first
    expect(card.locator(".ca-card__title")).to_have_text("1. <img src=x onerror=alert('title')>")
    expect(card).to_contain_text("<script>alert('provider')</script>")
    expect(card).to_contain_text("<svg onload=alert('why')>")
    expect(card.get_by_role("link")).to_have_count(0)  # javascript: URLs never become links
    page.wait_for_timeout(300)
    counts = page.evaluate(
        """() => {
            const root = document.getElementById('course-advisor-widget').shadowRoot;
            return ['img', 'script', 'b', 'a'].map(tag => root.querySelectorAll(tag).length)
                .concat([root.querySelectorAll('svg:not([aria-hidden])').length]);
        }"""
    )
    assert counts == [0, 0, 0, 0, 0]
    assert widget.dialogs == []
    assert widget.page_errors == []


def test_message_length_limit(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    widget.open()
    widget.input.focus()
    widget.page.keyboard.insert_text("x" * 2500)
    assert len(widget.input.input_value()) == 2000
    expect(widget.page.locator(".ca-counter")).to_have_text("2,000 / 2,000")
    widget.input.press("Enter")
    widget.wait_idle()
    assert len(fake_rasa.messages[-1]) == 2000
    expect(widget.page.locator(".ca-counter")).to_have_text("")
    # Blank messages are not sent.
    count = len(fake_rasa.requests)
    widget.send("   ", wait=False)
    expect(widget.page.get_by_role("button", name="Send message")).to_be_disabled()
    assert len(fake_rasa.requests) == count


# --------------------------------------------------------------------------- persistence


def test_history_and_session_survive_a_reload(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    widget.open()
    widget.send("hi")
    widget.reply_button("Find a course").click()
    widget.wait_idle()
    sender = fake_rasa.requests[-1]["sender"]
    history = json.loads(widget.stored("history") or "[]")
    assert [entry["role"] for entry in history] == ["user", "bot", "user", "bot"]
    assert widget.stored("sender") == sender

    widget.page.reload()
    expect(widget.panel).to_be_visible()  # still open in this tab
    expect(widget.user_bubbles).to_have_text(["hi", "Find a course"])
    expect(widget.bot_bubbles).to_have_text([GREETING, "What's your main goal?"])
    # Only the latest message's quick replies are live.
    expect(widget.quick_replies).to_have_text(["Upskill in my job", "Change career"])

    widget.reply_button("Change career").click()
    widget.wait_idle()
    assert fake_rasa.requests[-1]["sender"] == sender  # the same conversation on the server
    expect(widget.cards).to_have_count(3)

    widget.page.reload()
    expect(widget.cards).to_have_count(3)  # cards are restored too
    # Closed in a new tab (sessionStorage), but the history is there when opened.
    new_tab = widget.page.context.new_page()
    new_tab.goto(widget.page.url)
    expect(new_tab.locator(".ca-panel")).to_be_hidden()
    new_tab.locator(".ca-launcher").click()
    expect(new_tab.locator(".ca-card")).to_have_count(3)
    new_tab.close()


def test_damaged_stored_history_is_ignored(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    stored = [
        {"role": "user", "text": 5},
        {"role": "bot", "custom": {"type": "course_list", "courses": "not a list"}},
        {"role": "user", "text": "ok"},
        {"role": "bot", "text": "fine", "buttons": [{"title": 7}, {"title": "Go", "payload": 1}]},
        {"role": "bot", "image": "javascript:alert(1)"},
        "junk",
        None,
    ]
    key = f"course-advisor:{fake_rasa.url}:history"
    widget.page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(stored)])
    widget.page.reload()
    widget.open()
    expect(widget.user_bubbles).to_have_text(["ok"])
    expect(widget.bot_bubbles).to_have_text(["fine"])
    expect(widget.quick_replies).to_have_text(["Go"])
    widget.page.evaluate("k => localStorage.setItem(k, '{not json')", key)
    widget.page.reload()
    widget.open()
    expect(widget.page.locator(".ca-row--intro")).to_be_visible()


def test_clear_this_chat_by_keyboard_forgets_this_device(
    widget: WidgetPage, fake_rasa: FakeRasa
) -> None:
    page = widget.page
    widget.open()
    widget.send("hi")
    old_sender = fake_rasa.requests[-1]["sender"]
    assert widget.stored("history") and widget.stored("sender") == old_sender

    clear = page.get_by_role("button", name="Clear this chat")
    expect(clear).to_be_visible()
    expect(widget.input).to_be_focused()
    for _ in range(5):  # from the message box: the send button, then the control
        page.keyboard.press("Tab")
        if "ca-clear" in shadow_active_class(page):
            break
    else:
        pytest.fail("Tab never reached 'Clear this chat'")
    assert clear.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.keyboard.press("Enter")

    expect(widget.user_bubbles).to_have_count(0)
    expect(page.locator(".ca-row--intro")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Chat cleared from this device.")
    expect(widget.input).to_be_focused()
    assert widget.stored("history") is None
    assert widget.stored("sender") is None
    assert widget.stored("saved-at") is None
    page.reload()
    expect(widget.user_bubbles).to_have_count(0)  # gone from the device, not only the screen

    widget.open()
    widget.send("hello again")
    assert fake_rasa.requests[-1]["sender"] != old_sender  # a new session id
    assert fake_rasa.issued[-1] == fake_rasa.requests[-1]["sender"]


def _age_stored_chat(widget: WidgetPage, days: float) -> None:
    widget.page.evaluate(
        """days => {
            const k = Object.keys(localStorage).find(k => k.endsWith(':saved-at'));
            localStorage.setItem(k, String(Date.now() - days * 24 * 3600 * 1000));
        }""",
        days,
    )


def test_a_stored_chat_expires_after_seven_days(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    widget.open()
    widget.send("hi")
    old_sender = fake_rasa.requests[-1]["sender"]
    saved_at = float(widget.stored("saved-at") or 0)
    assert abs(saved_at / 1000 - time.time()) < 60

    _age_stored_chat(widget, 6.9)
    widget.page.reload()
    expect(widget.user_bubbles).to_have_text(["hi"])  # under 7 days: kept

    _age_stored_chat(widget, 7.1)
    widget.page.reload()
    expect(widget.panel).to_be_visible()
    expect(widget.user_bubbles).to_have_count(0)
    expect(widget.page.locator(".ca-row--intro")).to_be_visible()
    assert widget.stored("history") is None and widget.stored("sender") is None
    widget.send("hi")
    assert fake_rasa.requests[-1]["sender"] != old_sender


def test_a_chat_stored_before_expiry_existed_starts_its_clock(
    widget: WidgetPage, fake_rasa: FakeRasa
) -> None:
    widget.open()
    widget.send("hi")
    widget.page.evaluate(
        "() => Object.keys(localStorage)"
        ".filter(k => k.endsWith(':saved-at')).forEach(k => localStorage.removeItem(k))"
    )
    widget.page.reload()
    expect(widget.user_bubbles).to_have_text(["hi"])
    assert abs(float(widget.stored("saved-at") or 0) / 1000 - time.time()) < 60


def _with_tag_attribute(page: Page, name: str, value: str) -> None:
    """Give the demo page's widget tag one more attribute, as a page author would.

    Set as the parser inserts the tag, before the deferred script runs. (Rewriting the page
    with ``page.route`` would not do: Chromium then treats it as a public page and refuses
    its calls to the loopback fake Rasa.)
    """
    script = """
        new MutationObserver((records, observer) => {
            const tag = document.querySelector("script[src='/widget.js']");
            if (tag) { tag.setAttribute(NAME, VALUE); observer.disconnect(); }
        }).observe(document, {childList: true, subtree: true});
    """
    page.add_init_script(
        script.replace("NAME", json.dumps(name)).replace("VALUE", json.dumps(value))
    )


def test_history_days_is_configurable(widget: WidgetPage, demo: WidgetServer) -> None:
    _with_tag_attribute(widget.page, "data-history-days", "0.5")
    widget.goto(demo.url)
    widget.open()
    widget.send("hi")
    expect(widget.bot_bubbles).to_have_text([GREETING])
    _age_stored_chat(widget, 0.4)
    widget.page.reload()
    expect(widget.user_bubbles).to_have_text(["hi"])
    _age_stored_chat(widget, 0.6)
    widget.page.reload()
    expect(widget.user_bubbles).to_have_count(0)


def test_history_days_zero_stores_nothing(widget: WidgetPage, demo: WidgetServer) -> None:
    _with_tag_attribute(widget.page, "data-history-days", "0")
    widget.goto(demo.url)
    widget.open()
    widget.send("hi")
    expect(widget.bot_bubbles).to_have_text([GREETING])
    assert widget.page.evaluate("() => Object.keys(localStorage)") == []


def test_a_sender_the_server_refuses_starts_a_new_conversation(
    widget: WidgetPage, fake_rasa: FakeRasa
) -> None:
    # E.g. an id stored before sender ids were signed, or signed with a replaced secret.
    key = f"course-advisor:{fake_rasa.url}:sender"
    widget.page.evaluate("k => localStorage.setItem(k, 'web-0123456789abcdef')", key)
    widget.page.reload()
    widget.open()
    widget.send("hi")
    expect(widget.bot_bubbles).to_have_text([GREETING])
    assert fake_rasa.refused[-1]["sender"] == "web-0123456789abcdef"
    assert fake_rasa.requests[-1]["sender"] == fake_rasa.issued[-1] == widget.stored("sender")


# --------------------------------------------------------------------------- failures


def test_unreachable_server_then_retry(page: Page) -> None:
    port = free_port()
    demo = serve_demo(f"http://127.0.0.1:{port}")
    fake: FakeRasa | None = None
    try:
        widget = WidgetPage(page)
        widget.goto(demo.url)
        widget.open()
        widget.send("anyone there?")
        notice = page.locator(".ca-notice")
        expect(notice).to_have_count(1)
        expect(notice).to_have_attribute("role", "alert")
        expect(notice).to_contain_text(ERROR_TEXT)
        expect(widget.user_bubbles).to_have_text(["anyone there?"])  # the learner's message stays
        expect(page.locator(".ca-status")).to_have_text("Not sent")

        fake = FakeRasa(port).start()
        page.get_by_role("button", name="Try again").click()
        widget.wait_idle()
        expect(widget.bot_bubbles).to_have_text(["You said: anyone there?"])
        expect(notice).to_have_count(0)
        expect(widget.user_bubbles).to_have_text(["anyone there?"])  # sent once, shown once
        assert fake.messages == ["anyone there?"]
    finally:
        if fake:
            fake.stop()
        demo.shutdown()
        demo.server_close()


def test_server_error_then_retry_after_reload(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    widget.open()
    fake_rasa.fail = True
    widget.send("I want to learn Python")
    expect(widget.page.locator(".ca-notice")).to_contain_text(ERROR_TEXT)
    expect(widget.user_bubbles).to_have_text(["I want to learn Python"])

    widget.page.reload()  # the unsent message and its retry survive a reload
    expect(widget.page.locator(".ca-notice")).to_contain_text(ERROR_TEXT)
    fake_rasa.fail = False
    widget.page.get_by_role("button", name="Try again").click()
    widget.wait_idle()
    expect(widget.bot_bubbles).to_have_text(["You said: I want to learn Python"])
    expect(widget.page.locator(".ca-notice")).to_have_count(0)


# --------------------------------------------------------------------------- keyboard, phone, theme


def test_keyboard_only(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    page = widget.page
    for _ in range(60):
        page.keyboard.press("Tab")
        if "ca-launcher" in shadow_active_class(page):
            break
    else:
        pytest.fail("Tab never reached the chat launcher")
    outline = widget.launcher.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"  # a visible focus ring

    page.keyboard.press("Enter")
    expect(widget.panel).to_be_visible()
    expect(widget.input).to_be_focused()
    page.keyboard.type("hi")
    page.keyboard.press("Enter")
    widget.wait_idle()
    expect(widget.bot_bubbles).to_have_text([GREETING])
    expect(widget.input).to_have_value("")

    page.keyboard.press("Shift+Tab")  # back from the input to the last quick reply
    expect(widget.reply_button("What's a microcredential?")).to_be_focused()
    page.keyboard.press("Enter")
    widget.wait_idle()
    assert fake_rasa.messages[-1] == "/ask_microcredentials"
    expect(widget.input).to_be_focused()

    page.keyboard.press("Shift+Enter")  # a new line, not a send
    page.keyboard.type("two")
    expect(widget.input).to_have_value("\ntwo")

    page.keyboard.press("Escape")
    expect(widget.panel).to_be_hidden()
    expect(widget.launcher).to_be_focused()


def test_phone_sized_screen(browser: Browser, demo: WidgetServer) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        widget = WidgetPage(page)
        widget.goto(demo.url)
        launcher_box = widget.launcher.bounding_box()
        assert launcher_box is not None and launcher_box["width"] >= 44  # a finger-sized target
        widget.launcher.tap()
        expect(widget.panel).to_be_visible()
        widget.settle()
        assert widget.panel.bounding_box() == {"x": 0, "y": 0, "width": 375, "height": 667}
        expect(widget.launcher).to_be_hidden()  # the full-screen panel has its own close button

        widget.send("courses")
        expect(widget.cards).to_have_count(3)
        overflow = page.evaluate(
            """() => {
                const root = document.getElementById('course-advisor-widget').shadowRoot;
                const log = root.querySelector('.ca-log');
                return log.scrollWidth - log.clientWidth;
            }"""
        )
        assert overflow <= 0
        for i in range(3):
            box = widget.cards.nth(i).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
        input_box = widget.input.bounding_box()
        assert input_box is not None and input_box["y"] + input_box["height"] <= 667
        assert widget.input.evaluate("el => getComputedStyle(el).fontSize") == "16px"
        expect(widget.panel).to_have_attribute("aria-modal", "true")
        widget.input.focus()
        for _ in range(12):  # focus stays in the full-screen panel
            page.keyboard.press("Tab")
            assert shadow_active_class(page), "focus left the full-screen chat"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "widget-phone.png"), animations="disabled")

        page.get_by_role("button", name="Close chat").tap()
        expect(widget.launcher).to_be_visible()
        assert widget.page_errors == []
    finally:
        context.close()


def test_theme_comes_from_css_variables(widget: WidgetPage) -> None:
    def background() -> str:
        return str(widget.launcher.evaluate("el => getComputedStyle(el).backgroundColor"))

    assert background() == "rgb(14, 94, 82)"  # the demo page's --ca-primary
    widget.page.add_style_tag(content=":root { --ca-primary: rgb(200, 0, 100); --ca-radius: 3px }")
    assert background() == "rgb(200, 0, 100)"
    widget.open()
    radius = widget.panel.evaluate("el => getComputedStyle(el).borderTopLeftRadius")
    assert radius == "3px"


def test_works_under_a_strict_content_security_policy(
    widget: WidgetPage, demo: WidgetServer, fake_rasa: FakeRasa
) -> None:
    """Another site embeds widget.js under a CSP with no inline styles or scripts allowed."""
    page = widget.page
    policy = f"default-src 'none'; script-src {demo.url}; style-src 'self'; connect-src 'self'"
    fake_rasa.pages["/strict.html"] = (
        "<!doctype html><title>Strict</title>"
        f'<script src="{demo.url}/widget.js" data-server="{fake_rasa.url}"></script>',
        {"Content-Security-Policy": policy},
    )
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{fake_rasa.url}/strict.html")
    expect(widget.launcher).to_have_css("position", "fixed")
    expect(widget.launcher).to_have_css("background-color", "rgb(34, 81, 204)")  # the default
    widget.open()
    widget.send("hi")
    expect(widget.bot_bubbles).to_have_text([GREETING])
    assert not [text for text in console if "Content Security Policy" in text], console
