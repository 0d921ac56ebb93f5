"""A learned reading of the learner's goal, for what the goal rules do not cover.

The rules in :mod:`nlu.extraction` find goals said in the usual words ("change career",
"for fun"); learners also say them in their own ("15 years in a warehouse and I'm done with
it", "my boss wants me to take on the budgets"). This Rasa graph component learns the goal
from labelled examples kept as data (``data/goals/goals.yml``: text -> career_change,
upskill, explore, further_study or none) with scikit-learn (word and character n-gram
TF-IDF, logistic regression) and adds a ``goal`` entity when the rules found none and the
model is confident. A less certain goal, or one in a message whose intent carries no goal,
is added with the role ``actions.answers.ANSWER_ROLE``: the profile form takes it only as the
answer to its goal question. Put it after ``nlu.components.ProfileEntityExtractor``.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

import joblib
import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
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
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from actions.answers import ANSWER_ROLE
from actions.profile_values import GOALS

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
NO_GOAL = "none"
_MODEL_FILE = "goal_classifier.joblib"


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


def build_model() -> Pipeline:
    """Word and character n-grams (typos, "upskil") into a balanced logistic regression."""
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        ]
    )
    classifier = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000)
    return Pipeline([("features", features), ("classifier", classifier)])


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class GoalClassifier(GraphComponent, EntityExtractorMixin):
    """Adds a learned ``goal`` entity where the rules found none."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The component's default config (see parent class for full docstring)."""
        return {
            # Labelled examples (relative to the project root).
            "data": "data/goals/goals.yml",
            # Least probability of the goal for it to be added.
            "threshold": 0.6,
            # Least probability of a goal kept only in case the message answers the goal
            # question: 5-fold cross-validation on the examples file gives precision 0.91,
            # recall 0.90 at 0.35 (0.97 / 0.73 at 0.6).
            "answer_threshold": 0.35,
            # Intents whose messages may state a goal; an unsure intent always may.
            "intents": ["find_course", "state_goal", "inform"],
            "unsure_below": 0.45,
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Pipeline | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GoalClassifier:
        """Creates a new, untrained component (see parent class for full docstring)."""
        return cls(config, model_storage, resource)

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
        self._model = build_model().fit(texts, labels)
        with self._storage.write_to(self._resource) as directory:
            joblib.dump(self._model, directory / _MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> GoalClassifier:
        """Loads the trained model (see parent class for full docstring)."""
        try:
            with model_storage.read_from(resource) as directory:
                model = joblib.load(directory / _MODEL_FILE)
        except (ValueError, OSError):
            logger.warning("GoalClassifier: no trained model found; it adds no goals")
            model = None
        return cls(config, model_storage, resource, model)

    def predict(self, text: str) -> tuple[str, float]:
        """The likeliest label of ``text`` (a goal or "none") and its probability."""
        if self._model is None:
            return NO_GOAL, 0.0
        probabilities = self._model.predict_proba([text])[0]
        best = int(probabilities.argmax())
        return str(self._model.classes_[best]), float(probabilities[best])

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds a ``goal`` entity to messages that may state one and have none yet."""
        for message in messages:
            text = message.get(TEXT)
            entities = message.get(ENTITIES, []) or []
            if not isinstance(text, str) or not text.strip():
                continue
            if any(e.get(ENTITY_ATTRIBUTE_TYPE) == "goal" for e in entities):
                continue
            goal, probability = self.predict(text[:2000])
            least = min(float(self._config["answer_threshold"]), float(self._config["threshold"]))
            if goal == NO_GOAL or probability < least:
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


__all__ = ["GoalClassifier", "build_model", "load_examples"]
