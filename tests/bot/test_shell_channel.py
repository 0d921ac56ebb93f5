"""The adviser terminal's channel and console: course lists come once, as text, never as a
JSON dump; buttons show their titles and send their payloads."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rasa.core.channels import console
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.console import CmdlineInput

from bot import shell_console
from bot.shell_channel import AdviserShellInput, is_card_payload

COURSE_LIST = {"type": "course_list", "courses": [{"id": "c1", "title": "UX Basics"}]}
LIST_TEXT = "Here are 1 course on UX that fit:\n\n1. UX Basics (FutureLearn)"


async def _replies(*bot_messages: dict[str, Any]) -> list[Any]:
    """What the console would read from the stream for one turn sending ``bot_messages``."""

    async def assistant(message: UserMessage) -> None:
        for bot_message in bot_messages:
            await message.output_channel.send_response(message.sender_id, dict(bot_message))

    queue: asyncio.Queue = asyncio.Queue()
    await AdviserShellInput.on_message_wrapper(assistant, "hi", queue, "adviser", "cmdline", None)
    items = []
    while not queue.empty():
        items.append(queue.get_nowait())
    return items


def test_a_course_list_comes_once_as_text() -> None:
    replies = asyncio.run(_replies({"text": LIST_TEXT, "custom": COURSE_LIST}))
    assert replies == [
        {"recipient_id": "adviser", "text": "Here are 1 course on UX that fit:"},
        {"recipient_id": "adviser", "text": "1. UX Basics (FutureLearn)"},
        "DONE",
    ]
    assert not any("custom" in reply for reply in replies if isinstance(reply, dict))


def test_buttons_and_other_custom_payloads_pass_through() -> None:
    buttons = [{"title": "Compare 1 and 2", "payload": "/compare_courses"}]
    other = {"type": "something_else", "x": 1}
    replies = asyncio.run(_replies({"text": "What next?", "buttons": buttons}, {"custom": other}))
    assert replies[0]["buttons"] == buttons
    assert replies[0]["text"] == "What next?"
    assert replies[1]["custom"] == other
    assert replies[-1] == "DONE"


def test_it_is_the_channel_the_console_talks_to(shell_console_installed: None) -> None:
    # configure_app starts rasa shell's console only for a channel named "cmdline", and the
    # console posts to /webhooks/rest/webhook.
    channel = AdviserShellInput()
    assert isinstance(channel, CmdlineInput)
    assert channel.name() == "cmdline"
    assert channel.url_prefix() == "rest"


def test_which_payloads_are_cards() -> None:
    assert is_card_payload(COURSE_LIST)
    assert not is_card_payload({"type": "other"})
    assert not is_card_payload(["course_list"])


# The console: buttons by title, payloads sent (bot/shell_console.py).

BUDGET_BUTTONS = {
    "text": "Any budget?",
    "buttons": [
        {"title": "Skip, show me courses", "payload": "/skip"},
        {"title": "Free courses only", "payload": '/inform{"budget":0}'},
        {"title": "Building things (hands-on)", "payload": "Building things (hands-on)"},
    ],
}
DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"


@pytest.fixture
def shell_console_installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Rasa's console with our buttons, put back afterwards."""
    monkeypatch.setattr(console, "print_buttons", console.print_buttons)
    monkeypatch.setattr(console, "_get_user_input", console._get_user_input)
    shell_console.install()
    yield


@contextmanager
def _keyboard(keys: str) -> Iterator[None]:
    """The console's prompts read ``keys`` as if typed in a terminal."""
    pipe = create_pipe_input()  # prompt_toolkit 3.0.28: not a context manager yet
    try:
        with create_app_session(input=pipe, output=DummyOutput()):
            pipe.send_text(keys)
            yield
    finally:
        pipe.close()


def test_building_the_channel_installs_the_console(shell_console_installed: None) -> None:
    AdviserShellInput()
    assert shell_console.installed()


def test_choices_show_titles_and_carry_payloads() -> None:
    choices = shell_console.button_choices(BUDGET_BUTTONS)
    assert [c.title for c in choices] == [
        "1: Skip, show me courses",
        "2: Free courses only",
        "3: Building things (hands-on)",
        "Type out your own message...",
    ]
    assert [c.value for c in choices[:-1]] == [
        "/skip",
        '/inform{"budget":0}',
        "Building things (hands-on)",
    ]
    assert choices[-1].value is shell_console.FREE_TEXT


def test_earlier_buttons_are_printed_as_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert shell_console.print_buttons(dict(BUDGET_BUTTONS)) is None
    out = capsys.readouterr().out
    assert "2: Free courses only" in out
    assert "/inform" not in out and "/skip" not in out


@pytest.mark.parametrize(
    ("keys", "sent"),
    [
        (ENTER, "/skip"),
        (DOWN + ENTER, '/inform{"budget":0}'),
        (DOWN + DOWN + ENTER, "Building things (hands-on)"),  # Rasa's console cut this
        (UP + ENTER + "I have 50 pounds" + ENTER, "I have 50 pounds"),
    ],
)
def test_a_chosen_button_sends_its_payload(
    shell_console_installed: None, keys: str, sent: str
) -> None:
    with _keyboard(keys):
        assert asyncio.run(console._get_user_input(dict(BUDGET_BUTTONS))) == sent


def test_the_console_loop_sends_payloads_and_shows_titles(
    shell_console_installed: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sent: list[str] = []
    replies = {
        "I want a course on UX": [{"text": "Noted."}, dict(BUDGET_BUTTONS)],
        '/inform{"budget":0}': [{"text": LIST_TEXT}],
    }

    async def stream(_url: str, _token: str, _sender: str, text: str, **_: Any) -> Any:
        sent.append(text)
        for reply in replies.get(text, []):
            yield reply

    monkeypatch.setattr(console, "_send_message_receive_stream", stream)
    keys = "I want a course on UX" + ENTER + DOWN + ENTER + "/stop" + ENTER
    with _keyboard(keys):
        asyncio.run(console.record_messages("adviser"))
    assert sent == ["I want a course on UX", '/inform{"budget":0}']
    out = capsys.readouterr().out
    assert "Noted." in out and "1. UX Basics (FutureLearn)" in out
    assert "/inform" not in out
