"""Course card buttons and the compare table, against the fake Rasa server."""

from __future__ import annotations

import json

from playwright.sync_api import Locator, Page, expect

from bot.web.serve import WidgetServer
from tests.bot.web.fake_rasa import CARDS_WITH_ACTIONS, COMPARE_TEXT, COURSES, FakeRasa
from tests.bot.web.widget_page import WidgetPage


def with_text_attributes(page: Page, texts: dict[str, str]) -> None:
    """Add ``data-text-KEY`` attributes to the widget's script tag before it runs (as a site
    translating the widget would write them)."""
    attributes = {f"data-text-{key}": value for key, value in texts.items()}
    script = """{
        const attributes = ATTRIBUTES;
        new MutationObserver((_, observer) => {
            const tag = document.querySelector("script[src*='widget.js']");
            if (!tag) return;
            for (const [name, value] of Object.entries(attributes)) tag.setAttribute(name, value);
            observer.disconnect();
        }).observe(document, {childList: true, subtree: true});
    }"""
    page.add_init_script(script.replace("ATTRIBUTES", json.dumps(attributes)))


def card_button(widget: WidgetPage, action: str, position: int) -> Locator:
    title = COURSES[position - 1]["title"]
    return widget.page.get_by_role("button", name=f"{action}: {title}", exact=True)


def payload_of(position: int, kind: str) -> str:
    [action] = [a for a in CARDS_WITH_ACTIONS[position - 1]["actions"] if a["kind"] == kind]
    return str(action["payload"])


def test_every_card_has_its_buttons(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    widget.open()
    widget.send("card actions")
    expect(widget.cards).to_have_count(3)
    for position in (1, 2, 3):
        card = widget.cards.nth(position - 1)
        expect(card.locator(".ca-card__action")).to_have_text(["Tell me more", "Save", "Compare"])
        for action in ("Tell me more", "Save", "Compare"):
            expect(card_button(widget, action, position)).to_be_visible()
    # The widget tells the assistant it draws cards and compare tables itself.
    assert fake_rasa.requests[-1]["metadata"] == {"renders": ["course_list", "course_compare"]}


def test_save_sends_the_cards_payload_and_says_which_course(
    widget: WidgetPage, fake_rasa: FakeRasa
) -> None:
    widget.open()
    widget.send("card actions")
    card_button(widget, "Save", 2).click()
    widget.wait_idle()
    assert fake_rasa.messages[-1] == payload_of(2, "save")
    expect(widget.user_bubbles.last).to_have_text(f"Save {COURSES[1]['title']}")
    expect(widget.bot_bubbles.last).to_have_text("Saved 1 course to your shortlist.")
    # Cards keep their buttons after the learner has used one (quick replies do not).
    expect(card_button(widget, "Save", 3)).to_be_visible()


def test_tell_me_more_shows_the_course_with_its_own_number(
    widget: WidgetPage, fake_rasa: FakeRasa
) -> None:
    widget.open()
    widget.send("card actions")
    card_button(widget, "Tell me more", 2).press("Enter")
    widget.wait_idle()
    assert fake_rasa.messages[-1] == payload_of(2, "details")
    expect(widget.user_bubbles.last).to_have_text(f"Tell me more about {COURSES[1]['title']}")
    details = widget.cards.last
    expect(details.locator(".ca-card__num")).to_have_text("2")
    expect(details.locator(".ca-card__action")).to_have_text(["Save", "Compare"])


def test_compare_is_a_table_of_the_courses(widget: WidgetPage, fake_rasa: FakeRasa) -> None:
    widget.open()
    widget.send("card actions")
    card_button(widget, "Compare", 2).click()
    widget.wait_idle()
    assert fake_rasa.messages[-1] == payload_of(2, "compare")
    expect(widget.user_bubbles.last).to_have_text(f"Compare {COURSES[1]['title']} with the others")
    expect(widget.bot_bubbles.last).to_have_text(COMPARE_TEXT)
    table = widget.page.get_by_role("table", name="Courses side by side")
    expect(table).to_be_visible()
    expect(table.locator("thead th")).to_have_text(
        [f"{n}. {COURSES[n - 1]['title']}" for n in (3, 1, 2)]
    )
    assert table.locator("thead th[scope='col']").count() == 3
    expect(table.locator("tbody th[scope='row']")).to_have_text(
        [
            "Provider",
            "Length",
            "Time",
            "Price",
            "Credit",
            "Type",
            "Level",
            "Why it fits",
            "Course page",
        ]
    )
    price_row = table.locator("tbody tr").nth(3).locator("td")
    expect(price_row).to_have_text(
        [
            "Price not published",
            "FreeCheapest",
            "€39/monthas of November 2022 · about £101 in total",
        ]
    )
    expect(price_row.nth(1).locator(".ca-compare__cheapest")).to_have_text("Cheapest")
    expect(table.locator("tbody tr").nth(0).locator("td").first).to_have_text("Not stated")
    links = table.locator("a.ca-card__link")
    expect(links).to_have_count(2)
    assert links.first.get_attribute("target") == "_blank"
    # It scrolls sideways on a narrow panel: a named region reachable with the keyboard.
    region = widget.page.get_by_role("region", name="Courses side by side")
    assert region.get_attribute("tabindex") == "0"

    widget.page.reload()
    expect(widget.page.get_by_role("table", name="Courses side by side")).to_be_visible()
    expect(widget.page.locator(".ca-compare__cheapest")).to_have_count(1)


def test_damaged_card_buttons_and_tables_are_left_out(
    widget: WidgetPage, fake_rasa: FakeRasa
) -> None:
    history = [
        {"role": "user", "text": "hi"},
        {
            "role": "bot",
            "custom": {
                "type": "course_list",
                "courses": [
                    {
                        **COURSES[0],
                        "position": "7",
                        "actions": [
                            {"kind": "save"},
                            {"kind": "constructor", "payload": "/x"},
                            "junk",
                            {"kind": "other", "title": "Book it", "payload": "/book"},
                        ],
                    }
                ],
            },
        },
        {"role": "bot", "custom": {"type": "course_compare", "courses": [COURSES[0]]}},
    ]
    key = f"course-advisor:{fake_rasa.url}:history"
    widget.page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(history)])
    widget.page.reload()
    widget.open()
    expect(widget.cards).to_have_count(1)
    expect(widget.cards.locator(".ca-card__num")).to_have_text("1")
    expect(widget.cards.locator(".ca-card__action")).to_have_text(["Book it"])
    expect(widget.page.locator(".ca-compare")).to_have_count(0)


def test_card_and_table_strings_can_be_translated(
    page: Page, demo: WidgetServer, fake_rasa: FakeRasa
) -> None:
    texts = {
        "card-save": "Enregistrer",
        "card-compare": "Comparer",
        "card-action-name": "{action} ({title})",
        "card-compare-said": "Comparer {title}",
        "compare-caption": "Cours côte à côte",
        "provider": "Établissement",
        "cheapest": "Le moins cher",
    }
    with_text_attributes(page, texts)
    widget = WidgetPage(page)
    widget.goto(demo.url)
    widget.open()
    widget.send("card actions")
    title = COURSES[0]["title"]
    expect(page.get_by_role("button", name=f"Enregistrer ({title})")).to_be_visible()
    page.get_by_role("button", name=f"Comparer ({title})").click()
    widget.wait_idle()
    expect(widget.user_bubbles.last).to_have_text(f"Comparer {title}")
    table = page.get_by_role("table", name="Cours côte à côte")
    expect(table.locator("tbody th").first).to_have_text("Établissement")
    expect(table.locator(".ca-compare__cheapest")).to_have_text("Le moins cher")
    assert fake_rasa.messages[-1].startswith("/compare_courses")
