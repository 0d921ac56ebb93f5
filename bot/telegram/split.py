"""Splitting long text into Telegram-sized messages.

Telegram allows 4,096 characters a message, counted in UTF-16 code units (an emoji outside the
Basic Multilingual Plane counts twice). Text is split on paragraph boundaries first, then on
lines, then on spaces, and only then in the middle of a word.
"""

from __future__ import annotations

from collections.abc import Iterator

MAX_MESSAGE_LENGTH = 4096
_SEPARATORS = ("\n\n", "\n", " ")


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """``text`` as messages of at most ``limit`` units; blank text gives no messages."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    chunks = (chunk.strip() for chunk in _split(text.strip(), limit, 0))
    return [chunk for chunk in chunks if chunk]


def _split(text: str, limit: int, level: int) -> Iterator[str]:
    if telegram_length(text) <= limit:
        yield text
        return
    if level == len(_SEPARATORS):
        yield from _hard_split(text, limit)
        return
    separator = _SEPARATORS[level]
    current = ""
    for piece in text.split(separator):
        candidate = f"{current}{separator}{piece}" if current else piece
        if telegram_length(candidate) <= limit:
            current = candidate
            continue
        if current:
            yield current
        if telegram_length(piece) <= limit:
            current = piece
        else:
            yield from _split(piece, limit, level + 1)
            current = ""
    if current:
        yield current


def _hard_split(text: str, limit: int) -> Iterator[str]:
    current: list[str] = []
    size = 0
    for char in text:
        width = telegram_length(char)
        if size + width > limit:
            yield "".join(current)
            current, size = [], 0
        current.append(char)
        size += width
    if current:
        yield "".join(current)
