"""Words stretched for emphasis are read as the words they stretch."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.stretched import StretchedWords, unstretched


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("free pls im brokeeee 😭😭", "free pls im broke 😭😭"),
        ("sooo cooool", "soo cool"),  # cut to two letters when that is a word
        ("PLEASEEEE help", "PLEASE help"),
        ("yesss thanksss, goooood morning", "yes thanks, good morning"),
        # Not stretched: roman numerals, web addresses, numbers, ordinary double letters.
        ("Part III of the course", "Part III of the course"),
        ("see www.futurelearn.com", "see www.futurelearn.com"),
        ("£1000 and 3 weeks", "£1000 and 3 weeks"),
        ("bookkeeping and coffee", "bookkeeping and coffee"),
    ],
)
def test_stretched_words_are_cut(typed: str, read: str) -> None:
    assert unstretched(typed) == read


def test_the_component_rewrites_messages_and_training_examples_not_payloads() -> None:
    component = StretchedWords()
    message = Message(data={TEXT: "freeee onesss"})
    payload = Message(data={TEXT: '/inform{"topic": "zzzz"}'})
    component.process([message, payload])
    assert message.get(TEXT) == "free ones"
    assert payload.get(TEXT) == '/inform{"topic": "zzzz"}'
    data = TrainingData([Message(data={TEXT: "hiiii", "intent": "greet"})])
    component.process_training_data(data)
    assert data.training_examples[0].get(TEXT) == "hi"
