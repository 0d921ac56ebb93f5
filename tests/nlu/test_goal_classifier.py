"""The learned goal reading: trained from a data file, used only where the rules found none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.answers import ANSWER_ROLE
from nlu.goal_classifier import GoalClassifier, load_examples, without_wishes

EXAMPLES = """
version: 1
examples:
  - {text: "I want out of retail and into something new", goal: career_change}
  - {text: "done with the warehouse, time for a new career", goal: career_change}
  - {text: "retrain as a nurse", goal: career_change}
  - {text: "get promoted at work", goal: upskill}
  - {text: "my boss wants me to do the budgets", goal: upskill}
  - {text: "do my current job better", goal: upskill}
  - {text: "just for fun", goal: explore}
  - {text: "curious about astronomy as a hobby", goal: explore}
  - {text: "something for the winter evenings", goal: explore}
  - {text: "credits towards a degree", goal: further_study}
  - {text: "I want to do a masters", goal: further_study}
  - {text: "get onto an access course for uni", goal: further_study}
  - {text: "anything on python?", goal: none}
  - {text: "under 200 pounds", goal: none}
  - {text: "5 hours a week", goal: none}
  - {text: "tell me more about the second one", goal: none}
"""


@pytest.fixture
def trained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GoalClassifier:
    data = tmp_path / "goals.yml"
    data.write_text(EXAMPLES, encoding="utf-8")
    monkeypatch.setattr("nlu.goal_classifier.ROOT", tmp_path)
    (tmp_path / "storage").mkdir()
    storage = LocalModelStorage(tmp_path / "storage")
    resource = Resource("goal_classifier")
    context = ExecutionContext(graph_schema=None, model_id="test")  # type: ignore[arg-type]
    config = {"data": "goals.yml", "threshold": 0.3}
    component = GoalClassifier.create(
        {**GoalClassifier.get_default_config(), **config}, storage, resource, context
    )
    component.train(TrainingData())
    return GoalClassifier.load(
        {**GoalClassifier.get_default_config(), **config}, storage, resource, context
    )


def _message(text: str, intent: str = "state_goal", **extra: Any) -> Message:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}})
    for key, value in extra.items():
        message.set(key, value)
    return message


def _goals(message: Message, role: str | None = None) -> list[Any]:
    return [
        e["value"]
        for e in message.get("entities", [])
        if e["entity"] == "goal" and e.get("role") == role
    ]


def test_a_goal_said_in_other_words_is_learned(trained: GoalClassifier) -> None:
    (message,) = trained.process([_message("sick of retail, I need a new career")])
    assert _goals(message) == ["career_change"]
    assert message.get("entities")[0]["extractor"] == "GoalClassifier"


def test_a_goal_the_rules_found_is_kept(trained: GoalClassifier) -> None:
    ruled = [{"entity": "goal", "value": "explore", "start": 0, "end": 4}]
    (message,) = trained.process([_message("retrain as a nurse", entities=ruled)])
    assert _goals(message) == ["explore"]


def test_no_goal_from_questions_about_the_list(trained: GoalClassifier) -> None:
    """Kept only in case it answers the goal question ("get promoted" read as a question)."""
    (message,) = trained.process([_message("get promoted", intent="course_details")])
    assert _goals(message) == []
    assert _goals(message, ANSWER_ROLE) == ["upskill"]


def test_a_less_certain_goal_is_kept_for_the_goal_question(trained: GoalClassifier) -> None:
    sure = trained.predict("sick of retail, I need a new career")[1]
    trained._config["threshold"] = sure + 0.01
    trained._config["answer_threshold"] = sure - 0.01
    (message,) = trained.process([_message("sick of retail, I need a new career")])
    assert _goals(message) == []
    assert _goals(message, ANSWER_ROLE) == ["career_change"]
    trained._config["answer_threshold"] = sure + 0.01
    (message,) = trained.process([_message("sick of retail, I need a new career")])
    assert message.get("entities", []) == []


def test_no_further_study_guessed_from_credit_the_learner_turns_down(
    trained: GoalClassifier,
) -> None:
    text = "no uni credits towards a degree for me"
    assert trained.predict(text)[0] == "further_study"
    refused = [{"entity": "credit_bearing", "value": False, "start": 3, "end": 14}]
    (message,) = trained.process([_message(text, entities=refused)])
    assert _goals(message) == [] and _goals(message, ANSWER_ROLE) == []
    wanted = [{"entity": "credit_bearing", "value": True, "start": 3, "end": 14}]
    (message,) = trained.process([_message(text, entities=wanted)])
    assert _goals(message) == ["further_study"]


def test_a_message_that_states_no_goal_gets_none(trained: GoalClassifier) -> None:
    label, _ = trained.predict("anything on python?")
    assert label == "none"


def test_the_examples_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("examples:\n  - {text: 'hello', goal: promotion}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="promotion"):
        load_examples(bad)


def test_the_fingerprint_follows_the_examples_file(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr("nlu.goal_classifier.ROOT", tmp_path)
    (tmp_path / "goals.yml").write_text(EXAMPLES, encoding="utf-8")
    first = GoalClassifier.fingerprint_addon({"data": "goals.yml"})
    (tmp_path / "goals.yml").write_text(EXAMPLES + "  - {text: 'hi', goal: none}\n")
    assert first and first != GoalClassifier.fingerprint_addon({"data": "goals.yml"})


def test_without_wishes_cuts_the_words_of_the_wishes_found() -> None:
    text = "Postgraduate level. Credit-bearing. Budget 3000 GBP."
    entities = [
        {"entity": "level", "value": "postgraduate", "start": 0, "end": 12},
        {"entity": "credit_bearing", "value": True, "start": 20, "end": 34},
        {"entity": "refinement", "value": "credit", "start": 20, "end": 34},
        {"entity": "budget", "value": 3000, "start": 43, "end": 51},
        {"entity": "subject", "value": "data-science-ai", "start": 0, "end": 5},
    ]
    assert without_wishes(text, entities) == " level. . Budget ."


def test_no_goal_read_into_the_wishes_alone(trained: GoalClassifier) -> None:
    # The model reads further study into "credits towards a degree"; "credits" said as a wish
    # (the rules' credit_bearing) with nothing else states no goal.
    credit = {"entity": "credit_bearing", "value": True, "start": 0, "end": 7}
    (message,) = trained.process([_message("credits please", intent="inform")])
    assert "further_study" in _goals(message) + _goals(message, ANSWER_ROLE)  # the model's reading
    (message,) = trained.process([_message("credits please", intent="inform", entities=[credit])])
    assert _goals(message) == [] and _goals(message, ANSWER_ROLE) == []
    # The same words with more than the wish: the goal stands.
    credit = {"entity": "credit_bearing", "value": True, "start": 0, "end": 7}
    (message,) = trained.process(
        [_message("credits towards a degree", intent="inform", entities=[credit])]
    )
    assert "further_study" in _goals(message) + _goals(message, ANSWER_ROLE)
