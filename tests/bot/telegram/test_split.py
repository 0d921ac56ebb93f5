"""Splitting long Rasa text at Telegram's 4,096-unit limit."""

from __future__ import annotations

import pytest

from bot.telegram.split import MAX_MESSAGE_LENGTH, split_text, telegram_length


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 10, []),
        ("   \n\n  ", 10, []),
        ("short", 10, ["short"]),
        ("  padded  ", 10, ["padded"]),
        ("aaaa\n\nbbbb\n\ncccc", 10, ["aaaa\n\nbbbb", "cccc"]),  # paragraphs packed
        ("aaaa\nbbbb\ncccc", 10, ["aaaa\nbbbb", "cccc"]),  # then lines
        ("aaa bbb ccc ddd", 8, ["aaa bbb", "ccc ddd"]),  # then words
        ("abcdefghijklmnopqrstuvwxy", 10, ["abcdefghij", "klmnopqrst", "uvwxy"]),  # then hard
        ("p1\n\nline one is long\nline 2", 12, ["p1", "line one is", "long", "line 2"]),
    ],
)
def test_split_text(text: str, limit: int, expected: list[str]) -> None:
    assert split_text(text, limit) == expected


def test_parts_stay_within_telegrams_limit() -> None:
    text = "\n\n".join(["para " * 500, "x" * 9000, "line\n" * 2000])
    parts = split_text(text)
    assert all(0 < telegram_length(part) <= MAX_MESSAGE_LENGTH for part in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


def test_emoji_count_twice_and_are_never_cut_in_half() -> None:
    text = "🤖" * 3000  # 6,000 UTF-16 units
    parts = split_text(text)
    assert [telegram_length(part) for part in parts] == [4096, 1904]
    assert "".join(parts) == text


def test_a_message_at_the_limit_is_not_split() -> None:
    assert split_text("x" * MAX_MESSAGE_LENGTH) == ["x" * MAX_MESSAGE_LENGTH]
