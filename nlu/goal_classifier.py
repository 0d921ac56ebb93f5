"""A learned reading of the learner's goal, for what the goal rules do not cover.

The rules in :mod:`nlu.extraction` find goals said in the usual words ("change career",
"for fun"); learners also say them in their own ("15 years in a warehouse and I'm done with
it", "my boss wants me to take on the budgets"). This Rasa graph component learns the goal
from labelled examples kept as data (``data/goals/goals.yml``: text -> career_change,
upskill, explore, further_study or none) with :mod:`nlu.text_model` and adds a ``goal``
entity when the rules found none and the model is confident. A less certain goal, or one
in a message whose intent carries no goal, is added with the role
``actions.answers.ANSWER_ROLE``: the profile form takes it only as the answer to its goal
question. Put it after ``nlu.components.ProfileEntityExtractor``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_ROLE,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.answers import ANSWER_ROLE
from actions.profile_values import GOALS, WISH_SLOTS
from nlu.text_model import TextModelComponent

ROOT = Path(__file__).resolve().parents[1]
NO_GOAL = "none"
FURTHER_STUDY = "further_study"
#: The wishes that are no goal: a goal must come from other words of the message.
_NOT_GOALS = frozenset(WISH_SLOTS) - {"goal", "subject"} | {"refinement"}


def without_wishes(text: str, entities: list[dict[str, Any]]) -> str:
    """``text`` without the words of its wishes (budget, hours, length, level, credit,
    delivery, list refinements), as the other extractors found them: "Postgraduate level.
    Credit-bearing. Budget 3000 GBP." keeps " level. . Budget .", which states no goal."""
    spans = sorted(
        (int(e[ENTITY_ATTRIBUTE_START]), int(e[ENTITY_ATTRIBUTE_END]))
        for e in entities
        if e.get(ENTITY_ATTRIBUTE_TYPE) in _NOT_GOALS
        and isinstance(e.get(ENTITY_ATTRIBUTE_START), int)
        and isinstance(e.get(ENTITY_ATTRIBUTE_END), int)
    )
    kept: list[str] = []
    at = 0
    for start, end in spans:
        if start < at:
            continue
        kept.append(text[at:start])
        at = end
    kept.append(text[at:])
    return "".join(kept)


def _credit_refused(entities: list[dict[str, Any]]) -> bool:
    """Whether the message says academic credit is not wanted (a ``credit_bearing`` of
    false, as the rules read it)."""
    return any(
        e.get(ENTITY_ATTRIBUTE_TYPE) == "credit_bearing" and e.get(ENTITY_ATTRIBUTE_VALUE) is False
        for e in entities
    )


def load_examples(path: Path) -> tuple[list[str], list[str]]:
    """Texts and their labels from a goals data file; raises ValueError naming the problem."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"cannot read goal examples {path}: {exc}") from exc
    texts: list[str] = []
    labels: list[str] = []
    for n, item in enumerate(raw.get("examples") or [], start=1):
        text, goal = (item or {}).get("text"), (item or {}).get("goal")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{path}: example {n} has no text")
        if goal not in (*GOALS, NO_GOAL):
            raise ValueError(
                f"{path}: example {n} has goal {goal!r}, not one of {', '.join(GOALS)} or none"
            )
        texts.append(text)
        labels.append(str(goal))
    if len(set(labels)) < 2:
        raise ValueError(f"{path}: needs examples of at least two labels")
    return texts, labels


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class GoalClassifier(TextModelComponent, EntityExtractorMixin):
    """Adds a learned ``goal`` entity where the rules found none."""

    MODEL_FILE = "goal_classifier.joblib"

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The component's default config (see parent class for full docstring)."""
        return {
            # Labelled examples (relative to the project root).
            "data": "data/goals/goals.yml",
            # scikit-learn's C for the logistic regression (nlu.text_model.build_model).
            # 5-fold cross-validation on the examples file, goal precision / recall at
            # 0.5: C=4 0.97 / 0.83, C=30 0.95 / 0.91 (at 0.6: 0.98 / 0.73, 0.97 / 0.85).
            "inverse_regularisation": 30.0,
            # Least probability of the goal for it to be added.
            "threshold": 0.5,
            # Least probability of a goal kept only in case the message answers the goal
            # question (cross-validated: precision 0.93, recall 0.93 at 0.35).
            "answer_threshold": 0.35,
            # Intents whose messages may state a goal; an unsure intent always may.
            "intents": ["find_course", "state_goal", "inform"],
            # Below this intent confidence (the FallbackClassifier's threshold) the intent
            # is a guess.
            "unsure_below": 0.3,
        }

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The examples file is outside Rasa's training data: retrain when it changes."""
        path = ROOT / str({**cls.get_default_config(), **config}["data"])
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the model on the examples file (Rasa's own training data is not used)."""
        texts, labels = load_examples(ROOT / str(self._config["data"]))
        return self.fit(texts, labels, float(self._config["inverse_regularisation"]))

    def predict(self, text: str) -> tuple[str, float]:
        """The likeliest label of ``text`` (a goal or "none") and its probability."""
        ranking = self.ranking(text)
        return ranking[0] if ranking else (NO_GOAL, 0.0)

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds a ``goal`` entity to messages that may state one and have none yet."""
        for message in messages:
            text = message.get(TEXT)
            entities = message.get(ENTITIES, []) or []
            if not isinstance(text, str) or not text.strip():
                continue
            if any(e.get(ENTITY_ATTRIBUTE_TYPE) == "goal" for e in entities):
                continue
            goal, probability = self.predict(text)
            least = min(float(self._config["answer_threshold"]), float(self._config["threshold"]))
            if goal == NO_GOAL or probability < least:
                continue
            rest = without_wishes(text, entities)
            if rest != text:
                # The goal must come from words beyond the wishes: "Yes i want credits",
                # "My budget is up to £350" and "masters level please" state none, though
                # the model reads further study or upskilling into credits, levels and money.
                rest_probability = dict(self.ranking(rest)).get(goal, 0.0)
                probability = min(probability, rest_probability)
                if probability < least:
                    continue
            if goal == FURTHER_STUDY and _credit_refused(entities):
                # "no uni credits needed, just the skills": the words the model read as
                # working towards a degree are the ones the learner turned down.
                continue
            found: dict[str, Any] = {
                ENTITY_ATTRIBUTE_TYPE: "goal",
                ENTITY_ATTRIBUTE_VALUE: goal,
                ENTITY_ATTRIBUTE_START: 0,
                ENTITY_ATTRIBUTE_END: len(text),
                ENTITY_ATTRIBUTE_CONFIDENCE: round(probability, 3),
            }
            if probability < float(self._config["threshold"]) or not self._may_state(message):
                found[ENTITY_ATTRIBUTE_ROLE] = ANSWER_ROLE
            message.set(ENTITIES, entities + self.add_extractor_name([found]), add_to_output=True)
        return messages

    def _may_state(self, message: Message) -> bool:
        intent = message.get(INTENT)
        if not isinstance(intent, dict):
            return True
        confidence = intent.get(PREDICTED_CONFIDENCE_KEY)
        if isinstance(confidence, (int, float)) and confidence < float(
            self._config["unsure_below"]
        ):
            return True
        return intent.get(INTENT_NAME_KEY) in set(self._config["intents"])


__all__ = ["GoalClassifier", "load_examples", "without_wishes"]
