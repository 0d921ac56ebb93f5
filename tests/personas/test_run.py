"""The persona runner's counts: what is a dead end."""

from __future__ import annotations

from typing import Any

from tests.personas.run import Conversation, Turn

LIST = {"custom": {"type": "course_list", "courses": [{"id": "c1", "title": "Welding"}]}}


def _turn(text: str, *extra: dict[str, Any]) -> Turn:
    return Turn(said="...", replies=[{"text": text}, *extra])


def test_the_same_question_three_times_is_a_dead_end() -> None:
    asked = "What's your main goal?"
    conversation = Conversation({"id": "p"}, [_turn(asked), _turn(asked), _turn(asked)])
    assert conversation.repeated_questions() == 1
    assert conversation.dead_ends() == 1


def test_three_lists_in_a_row_are_no_repeated_question() -> None:
    footer = 'Tap below, or say "why this one?"'
    conversation = Conversation({"id": "p"}, [_turn(footer, LIST) for _ in range(3)])
    assert conversation.repeated_questions() == 0
    assert len(conversation.lists()) == 3


def test_not_understood_and_silence_are_dead_ends() -> None:
    conversation = Conversation(
        {"id": "p"},
        [_turn("Sorry, I'm not sure I understood. Did you mean one of these?"), Turn("hi", [])],
    )
    assert conversation.not_understood() == 1 and conversation.no_reply() == 1
    assert conversation.dead_ends() == 2
