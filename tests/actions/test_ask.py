from __future__ import annotations

import json

import pytest

from actions.ask import ActionAskGoal, ActionAskRefinementsDone, ActionAskSubject
from actions.store.search import subject_ids
from tests.actions.conftest import make_tracker


@pytest.mark.parametrize("action", [ActionAskGoal, ActionAskSubject, ActionAskRefinementsDone])
async def test_questions_have_buttons_with_valid_payloads(dispatcher, domain, action) -> None:
    await action().run(dispatcher, make_tracker(), domain)
    [message] = dispatcher.messages
    assert "?" in message["text"]
    for button in message["buttons"]:
        intent, _, entities = button["payload"][1:].partition("{")
        assert intent in domain["intents"]
        if entities:
            values = json.loads("{" + entities)
            assert set(values) <= set(domain["entities"])
            assert values.get("subject", "data-science-ai") in subject_ids()
