from __future__ import annotations

from actions.fallback import ActionAskRephrase
from tests.actions.conftest import make_tracker


async def test_offers_the_likeliest_intents(dispatcher, domain) -> None:
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "ask_credit", "confidence": 0.35},
        {"name": "out_of_scope", "confidence": 0.2},
        {"name": "compare_courses", "confidence": 0.1},
    ]
    tracker = make_tracker("credits compare??", intent="nlu_fallback", intent_ranking=ranking)
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    payloads = [button["payload"] for button in message["buttons"]]
    assert payloads[:2] == ["/ask_credit", "/compare_courses"]
    assert len(payloads) == 3
