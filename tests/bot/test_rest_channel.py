from __future__ import annotations

from typing import Any

import pytest

from bot.rest_channel import MAX_MESSAGE_CHARS, RequestProblem, parse_request


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"sender": "a", "message": "hi"}, ("a", "hi", None)),
        ({"sender": "a"}, ("a", "", None)),
        ({"sender": "a", "message": "x", "metadata": {"k": 1}}, ("a", "x", {"k": 1})),
        (
            {"sender": "a", "message": "x" * (MAX_MESSAGE_CHARS + 1)},
            ("a", "x" * (MAX_MESSAGE_CHARS + 1), None),
        ),
    ],
)
def test_good_requests(body: dict[str, Any], expected: tuple[Any, ...]) -> None:
    assert parse_request(body) == expected


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (None, "JSON object"),
        ([1, 2], "JSON object"),
        ("hi", "JSON object"),
        ({"message": "hi"}, "'sender'"),
        ({"sender": "", "message": "hi"}, "'sender'"),
        ({"sender": 12, "message": "hi"}, "'sender'"),
        ({"sender": "s" * 500, "message": "hi"}, "at most"),
        ({"sender": "a", "message": 5}, "'message'"),
        ({"sender": "a", "message": ["hi"]}, "'message'"),
        ({"sender": "a", "message": "hi", "metadata": "x"}, "'metadata'"),
        ({"sender": "\udc80", "message": "hi"}, "control characters"),
        ({"sender": "a\x00", "message": "hi"}, "control characters"),
    ],
)
def test_bad_requests_are_named(body: Any, reason: str) -> None:
    with pytest.raises(RequestProblem, match=reason):
        parse_request(body)


def test_unstorable_text_is_made_storable() -> None:
    # A lone surrogate or a NUL would make Rasa's SQL tracker store stop the server.
    body = {"sender": "a", "message": "x\udc80y\x00z", "metadata": {"k\x00": ["\ud800"]}}
    _sender, message, metadata = parse_request(body)
    assert message == "x\ufffdyz"
    assert metadata == {"k": ["\ufffd"]}
    message.encode("utf-8")


@pytest.mark.parametrize(
    "message",
    [
        '/inform{"budget": 1e400}',
        '/inform{"budget": Infinity}',
        '/inform{"hours_per_week": NaN}',
        '/inform{"course_index": [1, -Infinity]}',
    ],
)
def test_non_finite_numbers_in_payloads_are_refused(message: str) -> None:
    with pytest.raises(RequestProblem, match="finite"):
        parse_request({"sender": "a", "message": message})


@pytest.mark.parametrize(
    "message", ['/inform{"budget": 300}', "/inform{not json", "I earn 1e400 a year", "/greet"]
)
def test_finite_or_plain_messages_pass(message: str) -> None:
    assert parse_request({"sender": "a", "message": message})[1] == message
