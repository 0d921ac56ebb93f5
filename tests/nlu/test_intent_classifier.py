"""The intent reading: learned from Rasa's training data, ranked, kept in the model storage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.intent_classifier import IntentClassifier
from nlu.text_model import MAX_TEXT

EXAMPLES = {
    "greet": ["hi", "hello there", "good morning", "hey", "hiya"],
    "find_course": [
        "find me a course on python",
        "any courses about marketing?",
        "show me courses in data science",
        "I need a course on dementia care",
        "recommend a course for bookkeeping",
    ],
    "thank": ["thanks", "thank you so much", "cheers", "ta very much", "many thanks"],
}


def _training_data() -> TrainingData:
    messages = [
        Message(data={"text": text, "intent": intent})
        for intent, texts in EXAMPLES.items()
        for text in texts
    ]
    return TrainingData(training_examples=messages)


def _context() -> ExecutionContext:
    return ExecutionContext(graph_schema=None, model_id="test")  # type: ignore[arg-type]


def _component(folder: Path, load: bool = False, **config: Any) -> IntentClassifier:
    """A new component storing into ``folder`` (or, with ``load``, the one stored there)."""
    make = IntentClassifier.load if load else IntentClassifier.create
    component = make(
        {**IntentClassifier.get_default_config(), **config},
        LocalModelStorage(folder),
        Resource("intent_classifier"),
        _context(),
    )
    assert isinstance(component, IntentClassifier)
    return component


@pytest.fixture
def trained(tmp_path: Path) -> IntentClassifier:
    _component(tmp_path).train(_training_data())
    return _component(tmp_path, load=True)


def test_the_stored_model_reads_intents(trained: IntentClassifier) -> None:
    messages = [Message(data={"text": t}) for t in ("courses on cybersecurity?", "thanks!")]
    courses, thanks = trained.process(messages)
    assert courses.get("intent")["name"] == "find_course"
    assert thanks.get("intent")["name"] == "thank"


def test_the_ranking_lists_every_intent_likeliest_first(trained: IntentClassifier) -> None:
    (message,) = trained.process([Message(data={"text": "hello"})])
    ranking = message.get("intent_ranking")
    assert ranking[0]["name"] == "greet" == message.get("intent")["name"]
    assert sorted(r["name"] for r in ranking) == sorted(EXAMPLES)
    confidences = [r["confidence"] for r in ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0)


def test_the_ranking_is_cut_to_its_length(tmp_path: Path) -> None:
    component = _component(tmp_path, ranking_length=2)
    component.train(_training_data())
    (message,) = component.process([Message(data={"text": "hello"})])
    assert len(message.get("intent_ranking")) == 2


def test_trainings_are_identical(tmp_path: Path) -> None:
    """Deterministic: the same data gives the same probabilities."""
    found = []
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        component = _component(tmp_path / run)
        component.train(_training_data())
        found.append(component.ranking("any course about python for my job?"))
    assert found[0] == found[1]


def test_only_the_start_of_a_pasted_essay_is_read(trained: IntentClassifier) -> None:
    start = ("hello " * MAX_TEXT)[:MAX_TEXT]
    assert trained.ranking(start + "thanks " * 500) == trained.ranking(start)
    assert trained.ranking(start + "thanks " * 500) != trained.ranking("thanks " * 500)


def test_a_message_without_text_is_left_alone(trained: IntentClassifier) -> None:
    (message,) = trained.process([Message(data={"text": "  "})])
    assert message.get("intent") is None


def test_an_untrained_model_adds_nothing(tmp_path: Path) -> None:
    (message,) = _component(tmp_path, load=True).process([Message(data={"text": "hello"})])
    assert message.get("intent") is None


def test_training_needs_two_intents(tmp_path: Path) -> None:
    component = _component(tmp_path)
    one = TrainingData(training_examples=[Message(data={"text": "hi", "intent": "greet"})])
    with pytest.raises(ValueError, match="two intents"):
        component.train(one)


def test_a_message_half_in_another_language_is_read_in_its_english_gloss_when_surer(
    trained: IntentClassifier,
) -> None:
    # "un curso de" is glossed "a course on" (data/vocab/nlu/glosses.yml), words the
    # examples use; the untouched Spanish words say nothing to a model trained in English
    message = Message(data={"text": "quiero un curso de python"})
    original = trained.ranking("quiero un curso de python")
    trained.process([message])
    intent = message.get("intent")
    assert intent["name"] == "find_course"
    assert intent["confidence"] > dict(original)["find_course"]
