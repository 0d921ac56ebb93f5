from __future__ import annotations

from typing import Any

import pytest

from bot.rest_channel import (
    DEFAULT_MAX_METADATA_BYTES,
    MAX_MESSAGE_CHARS,
    MAX_METADATA_BYTES_ENV,
    MAX_METADATA_DEPTH,
    RequestProblem,
    max_metadata_bytes,
    parse_request,
)


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


def _nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"leaf": 1}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


@pytest.mark.parametrize("depth", [MAX_METADATA_DEPTH, 1])
def test_metadata_up_to_the_depth_limit_passes(depth: int) -> None:
    assert parse_request({"sender": "a", "message": "x", "metadata": _nested(depth)})[2]


@pytest.mark.parametrize("depth", [MAX_METADATA_DEPTH + 1, 500, 2_000, 50_000])
def test_deeper_metadata_is_refused_without_recursion(depth: int) -> None:
    nested_list: Any = []
    for _ in range(depth - 1):
        nested_list = [nested_list]
    for metadata in (_nested(depth), {"list": nested_list}):
        with pytest.raises(RequestProblem, match="levels deep") as caught:
            parse_request({"sender": "a", "message": "x", "metadata": metadata})
        assert (caught.value.status, caught.value.reason) == (400, "metadata_too_deep")


def test_metadata_over_the_size_limit_is_refused_with_413() -> None:
    at_limit = {"k": "é" * ((DEFAULT_MAX_METADATA_BYTES - len('{"k":""}')) // 2)}
    assert parse_request({"sender": "a", "message": "x", "metadata": at_limit})[2] == at_limit
    over = {"k": "x" * DEFAULT_MAX_METADATA_BYTES}
    with pytest.raises(RequestProblem, match="at most 8,192 bytes") as caught:
        parse_request({"sender": "a", "message": "x", "metadata": over})
    assert (caught.value.status, caught.value.reason) == (413, "metadata_too_large")
    assert parse_request({"sender": "a", "metadata": over}, max_metadata=10**6)[2] == over


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({}, DEFAULT_MAX_METADATA_BYTES), ({MAX_METADATA_BYTES_ENV: "100"}, 100)],
)
def test_the_metadata_limit_comes_from_the_environment(
    environ: dict[str, str], expected: int
) -> None:
    assert max_metadata_bytes(environ) == expected


@pytest.mark.parametrize("raw", ["lots", "-1", "8k"])
def test_a_bad_metadata_limit_stops_the_start_up(raw: str) -> None:
    with pytest.raises(ValueError, match=MAX_METADATA_BYTES_ENV):
        max_metadata_bytes({MAX_METADATA_BYTES_ENV: raw})
