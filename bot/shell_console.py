"""``make shell``'s console: quick-reply buttons shown by their titles, not their payloads.

Rasa 3.6's console (:mod:`rasa.core.channels.console`) lists a button as
``2: Free courses only (/inform{"budget":0})``: ``rasa.cli.utils.button_to_string`` puts the
payload in the choice's text, and ``payload_from_button_question`` cuts it back out of the
chosen text between the last ``(`` and the last ``)`` (which also goes wrong for a payload
with a ``(`` in it, such as a button whose payload is its own title "... (hands-on)").

Here a button is a questionary choice whose title is what the adviser reads (``2: Free courses
only``) and whose value is the payload the console sends. The last choice is still Rasa's
"Type out your own message...", which asks for typed input. Buttons of a message that is not
the turn's last are printed as ``Buttons:`` and their titles.

:func:`install` swaps the two console functions involved (``print_buttons``, which
``_print_bot_output`` calls, and ``_get_user_input``, which the console loop calls); the
rest of the loop is Rasa's. :class:`bot.shell_channel.AdviserShellInput` installs it: the
console runs in the server's process, started by ``rasa run`` for a channel named ``cmdline``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import questionary
import rasa.shared.utils.cli
from prompt_toolkit.styles import Style
from rasa.cli.utils import FREE_TEXT_INPUT_PROMPT
from rasa.core.channels import console
from rasa.shared.utils.io import bcolors

# Rasa's own styles for the question with buttons.
QUESTION_STYLE = Style([("qmark", "#6d91d3"), ("", "#6d91d3"), ("answer", "#b373d6")])


class _FreeText:
    """The value of the "Type out your own message..." choice (no payload can equal it)."""


FREE_TEXT = _FreeText()

_rasa_get_user_input: Callable[[dict[str, Any] | None], Awaitable[str | None]] = (
    console._get_user_input
)


def button_title(button: dict[str, Any], idx: int) -> str:
    """What the adviser reads for the ``idx``-th button (0-based): ``1: More on 1``."""
    return f"{idx + 1}: {button.get('title', '')}"


def button_payload(button: dict[str, Any]) -> str:
    """What choosing the button sends: its payload (its title if it has none)."""
    return str(button.get("payload", button.get("title", "")))


def button_choices(message: dict[str, Any]) -> list[questionary.Choice]:
    """The message's buttons by title, each carrying its payload, then the free-text choice."""
    choices = [
        questionary.Choice(title=button_title(button, idx), value=button_payload(button))
        for idx, button in enumerate(message.get("buttons") or [])
    ]
    choices.append(questionary.Choice(title=FREE_TEXT_INPUT_PROMPT, value=FREE_TEXT))
    return choices


def print_buttons(
    message: dict[str, Any], is_latest_message: bool = False, color: str = bcolors.OKBLUE
) -> questionary.Question | None:
    """``console.print_buttons`` with titles only: a question for the turn's last message."""
    if is_latest_message:
        text = str(message.get("text") or "")
        return questionary.select(text, button_choices(message), style=QUESTION_STYLE)
    rasa.shared.utils.cli.print_color("Buttons:", color=color)
    for idx, button in enumerate(message.get("buttons") or []):
        rasa.shared.utils.cli.print_color(button_title(button, idx), color=color)
    return None


async def get_user_input(previous_response: dict[str, Any] | None) -> str | None:
    """``console._get_user_input``: the chosen button's payload, or what the adviser typed.

    ``None`` (ends the console) when the adviser cancels with Ctrl-C.
    """
    question = None
    if previous_response is not None:
        question = console._print_bot_output(previous_response, is_latest_message=True)
    if question is None:
        return await _rasa_get_user_input(None)
    answer = await question.ask_async()
    if answer is FREE_TEXT:
        return await _rasa_get_user_input(None)
    return answer.strip() if isinstance(answer, str) else None


def install() -> None:
    """Make Rasa's console show button titles and send their payloads (idempotent)."""
    setattr(console, "print_buttons", print_buttons)  # noqa: B010
    setattr(console, "_get_user_input", get_user_input)  # noqa: B010


def installed() -> bool:
    return console.print_buttons is print_buttons and console._get_user_input is get_user_input
