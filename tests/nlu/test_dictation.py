"""Punctuation said to a dictation app and typed as words is put back as marks."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.dictation import SpokenPunctuation, with_marks


@pytest.mark.parametrize(
    ("said", "read"),
    [
        (
            "the GP says exercise is the answer full stop is there a course question mark free",
            "the GP says exercise is the answer. is there a course? free",
        ),
        (
            "also the cyber side comma how do they trace people",
            "also the cyber side, how do they trace people",
        ),
        ("no credits new line beginner please", "no credits\n beginner please"),
        # A mark the learner typed too is kept once.
        ("I won't pay more full stop.", "I won't pay more."),
        # Other words with the same letters, and button payloads, are left alone.
        ("commas and periods in a stop-motion film", "commas and periods in a stop-motion film"),
        ('/inform{"subject": "comma"}', '/inform{"subject": "comma"}'),
    ],
)
def test_spoken_marks_become_marks(said: str, read: str) -> None:
    assert with_marks(said) == read


def test_the_component_rewrites_messages_and_training_examples() -> None:
    component = SpokenPunctuation()
    message = Message(data={TEXT: "dementia care full stop free"})
    component.process([message])
    assert message.get(TEXT) == "dementia care. free"
    data = TrainingData([Message(data={TEXT: "python comma sql", "intent": "find_course"})])
    component.process_training_data(data)
    assert data.training_examples[0].get(TEXT) == "python, sql"
