"""Rasa replies rendered as Telegram messages (no sending)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.telegram.callback_data import CallbackPayloads
from bot.telegram.cards import course_card, web_url
from bot.telegram.render import BUTTONS_ONLY_TEXT, PhotoOut, TextOut, render_replies

COURSE: dict[str, Any] = {
    "title": "Intro to <script>alert(1)</script>",
    "provider": "A & B College",
    "duration_weeks": 6,
    "hours_per_week": 2.5,
    "price": 1200,
    "currency": "EUR",
    "price_model": "one-off",
    "price_as_of": "2025-01-10",
    "cost_gbp": 1015.4,
    "credits": 5,
    "credit_scheme": "ECTS",
    "url": "http://example.org/c?a=1&b=2",
    "why": "Cheap <b>& short</b>",
}


def test_card_escapes_every_dynamic_string() -> None:
    card = course_card(COURSE, 2)
    assert card.html.splitlines()[0] == "<b>2. Intro to &lt;script&gt;alert(1)&lt;/script&gt;</b>"
    assert "A &amp; B College" in card.html
    assert "<i>Why: Cheap &lt;b&gt;&amp; short&lt;/b&gt;</i>" in card.html
    assert "<script>" not in card.html
    assert card.url == "http://example.org/c?a=1&b=2"


def test_card_shows_length_price_and_credits() -> None:
    card = course_card(COURSE).html
    assert "Length: 6 weeks, 2.5 hours a week" in card
    assert "Price: €1,200 (as of January 2025), about £1,015 in total" in card
    assert "Credits: 5 ECTS credits" in card


@pytest.mark.parametrize(
    ("fields", "price"),
    [
        ({"price_model": "free", "price": 0}, "free"),
        ({"price": 0}, "free"),
        ({"price": None}, "not published"),
        ({"currency": None}, "not published"),
        (
            {
                "price": 49.99,
                "currency": "GBP",
                "price_model": "subscription-monthly",
                "cost_gbp": 200,
            },
            "£49.99 a month (as of January 2025), about £200 in total",
        ),
        ({"price": 600, "currency": "GBP", "price_as_of": None}, "£600"),
        ({"price": 90, "currency": "CHF", "price_as_of": ""}, "90 CHF, about £1,015 in total"),
        ({"price": 600, "currency": "GBP", "price_as_of": "May 2023"}, "£600 (as of May 2023)"),
        ({"price": 600, "currency": "GBP", "price_as_of": "2022-11"}, "£600 (as of November 2022)"),
        ({"price": 600, "currency": "GBP", "price_as_of": "page undated"}, "£600"),
    ],
)
def test_card_prices(fields: dict[str, Any], price: str) -> None:
    assert f"Price: {price}\n" in course_card({**COURSE, **fields}).html


def test_card_with_missing_fields_still_reads_well() -> None:
    card = course_card({"title": None})
    assert card.html.splitlines() == [
        "<b>Untitled course</b>",
        "Provider not stated",
        "Length: length not stated, weekly hours not stated",
        "Price: not published",
        "Credits: none stated",
    ]
    assert card.url is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/x", "https://example.org/x"),
        ("  http://example.org  ", "http://example.org"),
        ("javascript:alert(1)", None),
        ("ftp://example.org/x", None),
        ("/relative/path", None),
        ("https://", None),
        (None, None),
        (42, None),
    ],
)
def test_web_url(url: object, expected: str | None) -> None:
    assert web_url(url) == expected


def test_reply_with_text_custom_and_image_keeps_rasas_order() -> None:
    out = render_replies(
        [
            {"text": "Here you go", "buttons": [{"title": "More", "payload": "/more"}]},
            {"custom": {"type": "course_list", "courses": [COURSE, "junk"]}},
            {"image": "https://example.org/a.png"},
        ],
        CallbackPayloads(),
    )
    assert [type(item) for item in out] == [TextOut, TextOut, PhotoOut]
    first, card, photo = out
    assert isinstance(first, TextOut) and first.keyboard is not None
    assert first.keyboard.inline_keyboard[0][0].callback_data == "p:/more"
    assert isinstance(card, TextOut) and card.parse_mode == "HTML"
    assert card.keyboard is not None and card.keyboard.inline_keyboard[0][0].url
    assert photo == PhotoOut("https://example.org/a.png")


def test_buttons_without_text_get_a_prompt_and_bad_buttons_are_skipped() -> None:
    [out] = render_replies(
        [
            {
                "buttons": [
                    {"title": "Good", "payload": "/good"},
                    {"title": "No payload"},
                    "not a button",
                    {"payload": "/untitled"},
                    {"title": "Docs", "url": "https://example.org/docs"},
                ]
            }
        ],
        CallbackPayloads(),
    )
    assert isinstance(out, TextOut) and out.text == BUTTONS_ONLY_TEXT
    assert out.keyboard is not None
    buttons = [row[0] for row in out.keyboard.inline_keyboard]
    assert [(b.text, b.callback_data, b.url) for b in buttons] == [
        ("Good", "p:/good", None),
        ("/untitled", "p:/untitled", None),
        ("Docs", None, "https://example.org/docs"),
    ]


@pytest.mark.parametrize(
    "reply",
    [
        {"image": "file:///etc/passwd"},
        {"custom": {"type": "course_list", "courses": "nope"}},
        {"custom": ["not", "a", "dict"]},
        {"text": None},
        {"text": 42},
        {"buttons": "nope"},
    ],
)
def test_unusable_parts_render_to_nothing(reply: dict[str, Any]) -> None:
    assert render_replies([reply], CallbackPayloads()) == []


def _card_actions(position: int) -> list[dict[str, str]]:
    mark = "#1a2b3c4d"
    return [
        {
            "kind": kind,
            "title": title,
            "payload": f'/{intent}{{"course_index":[{position},"{mark}"]}}',
        }
        for kind, title, intent in [
            ("details", "Tell me more", "course_details"),
            ("save", "Save", "save_shortlist"),
            ("compare", "Compare", "compare_courses"),
        ]
    ]


def test_a_card_has_its_buttons_in_one_row_above_its_course_page() -> None:
    callbacks = CallbackPayloads()
    course = {**COURSE, "position": 3, "actions": _card_actions(3)}
    [card] = render_replies([{"custom": {"type": "course_list", "courses": [course]}}], callbacks)
    assert isinstance(card, TextOut) and card.keyboard is not None
    # A course's details card is numbered as in the list it came from, not "1.".
    assert card.text.startswith("<b>3. ")
    actions, page = card.keyboard.inline_keyboard
    assert [b.text for b in actions] == ["Tell me more", "Save", "Compare"]
    assert [b.url for b in page] == ["http://example.org/c?a=1&b=2"]
    for button, action in zip(actions, course["actions"], strict=True):
        data = button.callback_data
        assert isinstance(data, str) and len(data.encode()) <= 64
        # Sent as they are: the buttons keep working after the bridge restarts.
        assert data.startswith("p:")
        assert CallbackPayloads().payload_for(data) == action["payload"]
    assert len(callbacks) == 0


@pytest.mark.parametrize(
    "actions",
    [None, "nope", [{"kind": "save", "title": "Save"}], [{"payload": "/save_shortlist"}], [42]],
)
def test_unusable_card_actions_leave_only_the_course_page(actions: Any) -> None:
    course = {**COURSE, "actions": actions, "position": "2"}
    [card] = render_replies(
        [{"custom": {"type": "course_list", "courses": [course]}}], CallbackPayloads()
    )
    assert isinstance(card, TextOut) and card.keyboard is not None
    assert card.text.startswith("<b>1. ")
    assert [[b.text for b in row] for row in card.keyboard.inline_keyboard] == [["Course page"]]
