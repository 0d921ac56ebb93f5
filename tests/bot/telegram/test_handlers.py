"""The bridge end to end in-process: real handlers, Telegram faked at the request layer, Rasa
faked with httpx.MockTransport."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from bot.sender_ids import loggable
from bot.telegram import send, texts
from bot.telegram.rasa_client import CLIENT_METADATA
from bot.telegram.state import callback_payloads, rasa_client
from tests.bot.telegram.conftest import Bridge, MakeBridge
from tests.bot.telegram.fakes import (
    LEARNER_ID,
    FakeRasa,
    SilentServer,
    button_update,
    callback_data_of,
    sticker_update,
    text_update,
)
from tests.servers import TEST_SIGNER

GREETING = [
    {
        "recipient_id": str(LEARNER_ID),
        "text": "Hi! I'm Course Advisor. What would you like to do?",
        "buttons": [
            {"title": "Find a course", "payload": "/find_course"},
            {"title": "Change career", "payload": '/inform{"goal":"career_change"}'},
        ],
    }
]
COURSE = {
    "id": "ds-101",
    "title": "Data Science <Foundations> & Python",
    "provider": "Open University",
    "subject": "data-science-ai",
    "duration_weeks": 8,
    "hours_per_week": 5,
    "price": 595.0,
    "currency": "GBP",
    "price_model": "one-off",
    "price_as_of": "2024-09-01",
    "cost_gbp": 595.0,
    "credits": 15,
    "credit_scheme": "CATS",
    "url": "https://example.org/ds-101",
    "why": "Fits your budget & your goal",
}


def typing_calls(bridge: Bridge) -> list[str]:
    return [call.params["action"] for call in bridge.telegram.named("sendChatAction")]


async def test_text_goes_to_rasa_as_the_chat_and_the_reply_comes_back(
    bridge: Bridge, rasa: FakeRasa
) -> None:
    rasa.then([{"recipient_id": str(LEARNER_ID), "text": "Hello Ada!"}])
    await bridge.feed(text_update("hi there"))
    assert rasa.received == [
        {
            "sender": TEST_SIGNER.for_telegram(LEARNER_ID),
            "message": "hi there",
            "metadata": CLIENT_METADATA,
        }
    ]
    assert bridge.telegram.texts() == ["Hello Ada!"]
    assert typing_calls(bridge) == ["typing"]
    methods = [call.method for call in bridge.telegram.conversation()]
    assert methods == ["sendChatAction", "sendMessage"], "typing shows before the reply"
    sent = bridge.telegram.named("sendMessage")[0].params
    assert sent["chat_id"] == LEARNER_ID
    assert "parse_mode" not in sent, "Rasa's text is sent as plain text"


async def test_buttons_become_an_inline_keyboard_and_a_press_is_sent_to_rasa(
    bridge: Bridge, rasa: FakeRasa
) -> None:
    rasa.then(GREETING, [{"text": "What's your goal?"}])
    await bridge.feed(text_update("/start"))
    assert rasa.messages == ["/greet"]
    [keyboard] = bridge.telegram.keyboards()
    assert [[button["text"] for button in row] for row in keyboard] == [
        ["Find a course"],
        ["Change career"],
    ]
    data = callback_data_of([keyboard])
    assert all(len(item.encode()) <= 64 for item in data)

    bridge.telegram.clear()
    await bridge.feed(button_update(data[1]))
    assert rasa.messages[-1] == '/inform{"goal":"career_change"}'
    [answer] = bridge.telegram.named("answerCallbackQuery")
    assert "text" not in answer.params
    assert bridge.telegram.texts() == ["What's your goal?"], "the button title is not echoed"


async def test_long_payload_is_mapped_to_a_short_key_and_back(
    bridge: Bridge, rasa: FakeRasa
) -> None:
    payload = '/inform{"subject":"data-science-ai","goal":"career_change","budget":600,"x":"é"}'
    assert len(payload.encode()) > 64
    rasa.then(
        [{"text": "Pick", "buttons": [{"title": "That one", "payload": payload}]}],
        [{"text": "Noted"}],
    )
    await bridge.feed(text_update("options please"))
    [data] = callback_data_of(bridge.telegram.keyboards())
    assert len(data.encode()) <= 64
    assert payload not in data

    await bridge.feed(button_update(data))
    assert rasa.messages[-1] == payload
    assert bridge.telegram.texts()[-1] == "Noted"


async def test_expired_button_is_answered_and_not_sent_to_rasa(
    bridge: Bridge, rasa: FakeRasa
) -> None:
    await bridge.feed(button_update("k:0123456789abcdef0123"))
    assert rasa.received == []
    [answer] = bridge.telegram.named("answerCallbackQuery")
    assert answer.params["text"] == texts.BUTTON_EXPIRED
    assert bridge.telegram.named("sendMessage") == []


async def test_button_still_works_when_answering_the_query_fails(
    make_bridge: MakeBridge, rasa: FakeRasa
) -> None:
    bridge = await make_bridge(
        rasa, failures={"answerCallbackQuery": (400, "Bad Request: query is too old")}
    )
    rasa.then([{"text": "Sure"}])
    await bridge.feed(button_update("p:/find_course"))
    assert rasa.messages == ["/find_course"]
    assert bridge.telegram.texts() == ["Sure"]


async def test_course_list_becomes_one_card_per_course(bridge: Bridge, rasa: FakeRasa) -> None:
    second = {**COURSE, "id": "ds-2", "title": "Machine Learning", "url": "javascript:alert(1)"}
    rasa.then(
        [
            {"text": "Here are 2 courses that fit:"},
            {"custom": {"type": "course_list", "courses": [COURSE, second], "relaxed": []}},
        ]
    )
    await bridge.feed(text_update("I want to change career into data science, budget £600"))
    sent = bridge.telegram.named("sendMessage")
    assert [call.params["text"].splitlines()[0] for call in sent] == [
        "Here are 2 courses that fit:",
        "<b>1. Data Science &lt;Foundations&gt; &amp; Python</b>",
        "<b>2. Machine Learning</b>",
    ]
    first = sent[1].params
    assert first["parse_mode"] == "HTML"
    for fact in [
        "Open University",
        "8 weeks",
        "5 hours a week",
        "£595",
        "as of September 2024",
        "15 CATS credits",
        "Fits your budget &amp; your goal",
    ]:
        assert fact in first["text"]
    assert first["reply_markup"]["inline_keyboard"] == [
        [{"text": "Course page", "url": "https://example.org/ds-101"}]
    ]
    assert "reply_markup" not in sent[2].params, "no link button for a non-http URL"


async def test_long_text_is_split_under_the_limit_and_keeps_buttons_on_the_last_part(
    bridge: Bridge, rasa: FakeRasa
) -> None:
    paragraphs = [f"Paragraph {i}: " + "word " * 300 for i in range(8)]
    text = "\n\n".join(paragraphs)
    assert len(text) > 4096
    rasa.then([{"text": text, "buttons": [{"title": "More", "payload": "/more"}]}])
    await bridge.feed(text_update("tell me everything"))
    sent = bridge.telegram.named("sendMessage")
    assert len(sent) >= 3
    assert all(len(call.params["text"]) <= 4096 for call in sent)
    assert all(call.params["text"].startswith("Paragraph") for call in sent), "paragraph splits"
    assert [bool(call.params.get("reply_markup")) for call in sent] == [False] * (len(sent) - 1) + [
        True
    ]
    assert " ".join(" ".join(t.split()) for t in bridge.telegram.texts()) == " ".join(text.split())


async def test_flood_control_waits_and_sends_again(
    bridge: Bridge, rasa: FakeRasa, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []

    async def no_wait(delay: float) -> None:
        waits.append(delay)

    monkeypatch.setattr(send, "sleep", no_wait)
    bridge.telegram.fail_next("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3)
    rasa.then([{"text": "one"}, {"text": "two"}])
    await bridge.feed(text_update("hi"))
    assert bridge.telegram.texts() == ["one", "one", "two"]  # the first try was refused
    assert waits == [3.0]


async def test_image_is_sent_as_a_photo(bridge: Bridge, rasa: FakeRasa) -> None:
    rasa.then([{"image": "https://example.org/map.png"}])
    await bridge.feed(text_update("show me"))
    [photo] = bridge.telegram.named("sendPhoto")
    assert photo.params["photo"] == "https://example.org/map.png"


async def test_image_telegram_cannot_fetch_is_sent_as_its_link(
    make_bridge: MakeBridge, rasa: FakeRasa
) -> None:
    bridge = await make_bridge(
        rasa, failures={"sendPhoto": (400, "Bad Request: wrong file identifier/HTTP URL specified")}
    )
    rasa.then([{"image": "https://example.org/missing.png"}])
    await bridge.feed(text_update("show me"))
    assert bridge.telegram.texts() == ["https://example.org/missing.png"]


@pytest.mark.parametrize(
    "reply",
    [[], [{"recipient_id": "1"}], [{"text": "   "}], [{"custom": {"type": "something_else"}}]],
)
async def test_empty_reply_gets_a_gentle_message(
    bridge: Bridge, rasa: FakeRasa, reply: list[dict[str, object]]
) -> None:
    rasa.then(reply)
    await bridge.feed(text_update("hmm"))
    assert bridge.telegram.texts() == [texts.NOTHING_TO_ADD]


async def test_503_then_success_is_retried(bridge: Bridge, rasa: FakeRasa) -> None:
    rasa.then(httpx.Response(503), httpx.Response(502), [{"text": "Back again"}])
    await bridge.feed(text_update("hello?"))
    assert rasa.messages == ["hello?"] * 3
    assert bridge.telegram.texts() == ["Back again"]


async def test_500_is_not_retried_and_gets_the_friendly_message(
    bridge: Bridge, rasa: FakeRasa, caplog: pytest.LogCaptureFixture
) -> None:
    rasa.then(httpx.Response(500, text="boom"), [{"text": "never sent"}])
    with caplog.at_level(logging.ERROR):
        await bridge.feed(text_update("hello?"))
    assert rasa.messages == ["hello?"]
    assert bridge.telegram.texts() == [texts.TROUBLE]
    logged = loggable(TEST_SIGNER.for_telegram(LEARNER_ID))
    assert f"HTTP 500 for chat {logged} (attempt 1/3)" in caplog.text
    assert TEST_SIGNER.for_telegram(LEARNER_ID) not in caplog.text  # the signature is secret


async def test_connection_refused_gets_the_friendly_message_after_three_tries(
    make_bridge: MakeBridge,
) -> None:
    # Nothing listens on port 1: a real refused connection, no fake involved.
    bridge = await make_bridge(rasa_url="http://127.0.0.1:1")
    bridge.telegram.clear()
    await bridge.feed(text_update("anyone there?"))
    assert bridge.telegram.texts() == [texts.TROUBLE]
    assert typing_calls(bridge) == ["typing"]


async def test_connect_errors_are_retried_up_to_three_times(
    bridge: Bridge, rasa: FakeRasa, caplog: pytest.LogCaptureFixture
) -> None:
    refused = httpx.ConnectError("Connection refused")
    rasa.then(refused, refused, refused, [{"text": "too late"}])
    with caplog.at_level(logging.WARNING):
        await bridge.feed(text_update("anyone there?"))
    assert len(rasa.received) == 3
    assert bridge.telegram.texts() == [texts.TROUBLE]
    assert f"chat {loggable(TEST_SIGNER.for_telegram(LEARNER_ID))} (attempt 3/3)" in caplog.text


async def test_slow_rasa_gets_the_friendly_message_without_a_retry(
    make_bridge: MakeBridge, silent_server: SilentServer
) -> None:
    bridge = await make_bridge(rasa_url=silent_server.url, timeout_s=0.3)
    bridge.telegram.clear()
    await bridge.feed(text_update("are you slow?"))
    assert bridge.telegram.texts() == [texts.TROUBLE]
    assert silent_server.connections == 1


async def test_read_timeout_is_not_retried(bridge: Bridge, rasa: FakeRasa) -> None:
    rasa.then(httpx.ReadTimeout("slow"), [{"text": "would be a duplicate"}])
    await bridge.feed(text_update("slow one"))
    assert len(rasa.received) == 1
    assert bridge.telegram.texts() == [texts.TROUBLE]


@pytest.mark.parametrize("body", [b"<html>not json</html>", b'{"text": "not a list"}', b""])
async def test_malformed_reply_gets_the_friendly_message(
    bridge: Bridge, rasa: FakeRasa, body: bytes
) -> None:
    rasa.then(httpx.Response(200, content=body))
    await bridge.feed(text_update("hello"))
    assert bridge.telegram.texts() == [texts.TROUBLE]


async def test_non_object_messages_are_dropped_and_the_rest_rendered(
    bridge: Bridge, rasa: FakeRasa
) -> None:
    rasa.then(httpx.Response(200, content=json.dumps(["junk", 3, {"text": "ok"}]).encode()))
    await bridge.feed(text_update("hello"))
    assert bridge.telegram.texts() == ["ok"]


@pytest.mark.parametrize(
    ("command", "sent", "empty_reply"),
    [
        ("/restart", "/restart", texts.RESTARTED),
        ("/forget", "/forget_me", texts.NOTHING_TO_ADD),
        ("/start", "/greet", texts.NOTHING_TO_ADD),
    ],
)
async def test_commands_are_sent_to_rasa_as_intents(
    bridge: Bridge, rasa: FakeRasa, command: str, sent: str, empty_reply: str
) -> None:
    await bridge.feed(text_update(command))
    assert rasa.messages == [sent]
    assert bridge.telegram.texts() == [empty_reply]


async def test_forget_shows_rasas_confirmation(bridge: Bridge, rasa: FakeRasa) -> None:
    rasa.then([{"text": "Done: I've deleted your profile and stored data (nothing stored)."}])
    await bridge.feed(text_update("/forget"))
    assert bridge.telegram.texts() == [
        "Done: I've deleted your profile and stored data (nothing stored)."
    ]


async def test_help_is_answered_locally(bridge: Bridge, rasa: FakeRasa) -> None:
    await bridge.feed(text_update("/help"))
    assert rasa.received == []
    [text] = bridge.telegram.texts()
    for command in ["/start", "/restart", "/forget", "/help"]:
        assert command in text


async def test_unknown_command_is_not_sent_to_rasa(bridge: Bridge, rasa: FakeRasa) -> None:
    await bridge.feed(text_update('/inform{"budget":0}'))
    assert rasa.received == []
    assert bridge.telegram.texts() == [texts.UNKNOWN_COMMAND]


async def test_sticker_gets_a_text_only_note(bridge: Bridge, rasa: FakeRasa) -> None:
    await bridge.feed(sticker_update())
    assert rasa.received == []
    assert bridge.telegram.texts() == [texts.TEXT_ONLY]


async def test_unexpected_error_goes_to_the_error_handler_and_the_learner_is_told(
    bridge: Bridge, rasa: FakeRasa, caplog: pytest.LogCaptureFixture
) -> None:
    rasa.then(RuntimeError("bug in a transport"))
    with caplog.at_level(logging.ERROR):
        await bridge.feed(text_update("hello"))
    assert bridge.telegram.texts() == [texts.SOMETHING_WENT_WRONG]
    assert f"Error while handling an update for chat {LEARNER_ID}" in caplog.text
    assert "bug in a transport" in caplog.text


async def test_error_handler_survives_when_telegram_is_failing(
    make_bridge: MakeBridge, rasa: FakeRasa
) -> None:
    bridge = await make_bridge(rasa, failures={"sendMessage": (403, "Forbidden: bot was blocked")})
    rasa.then([{"text": "hello"}])
    await bridge.feed(text_update("hi"))  # must not raise
    assert len(bridge.telegram.named("sendMessage")) == 2  # the reply, then the apology


async def test_lifecycle_opens_one_client_and_closes_it(make_bridge: MakeBridge) -> None:
    bridge = await make_bridge(FakeRasa())
    client = rasa_client(bridge.app.bot_data)
    assert not client.closed
    assert [call.method for call in bridge.telegram.calls] == ["getMe", "setMyCommands"]
    commands = bridge.telegram.named("setMyCommands")[0].params["commands"]
    assert {c["command"] for c in commands} == {"start", "help", "restart", "forget"}
    assert bridge.app.post_shutdown is not None
    await bridge.app.post_shutdown(bridge.app)
    assert client.closed
    with pytest.raises(RuntimeError, match="post_init"):
        rasa_client(bridge.app.bot_data)


async def test_two_chats_have_separate_senders(bridge: Bridge, rasa: FakeRasa) -> None:
    await bridge.feed(text_update("one", chat_id=1))
    await bridge.feed(text_update("two", chat_id=2))
    senders = [body["sender"] for body in rasa.received]
    assert senders == [TEST_SIGNER.for_telegram(1), TEST_SIGNER.for_telegram(2)]
    # The public chat id is nowhere in the sender id: it cannot be guessed from it.
    assert all(TEST_SIGNER.verify(s) and s.startswith("tg-") for s in senders)
    assert callback_payloads(bridge.app.bot_data) is callback_payloads(bridge.app.bot_data)
