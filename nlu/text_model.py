"""A text classifier from word and character n-grams, kept in Rasa's model storage.

The intent and goal readings (:mod:`nlu.intent_classifier`, :mod:`nlu.goal_classifier`)
are both scikit-learn pipelines: word 1-2-gram and character 2-5-gram TF-IDF (the
character n-grams carry typos such as "upskil" and "certifcate") into a class-balanced
logistic regression. It is deterministic (the same data gives the same model) and trains
in seconds. :class:`TextModelComponent` fits one, stores it in the model archive and loads
it back; a subclass says what to learn from and what to do with the probabilities.
"""

from __future__ import annotations

import logging
from typing import Any

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

logger = logging.getLogger(__name__)

#: Longest text read (characters): a pasted CV costs no more than a long message.
MAX_TEXT = 2000


def build_model(inverse_regularisation: float) -> Pipeline:
    """Word and character n-gram TF-IDF into a balanced logistic regression; a larger
    ``inverse_regularisation`` (scikit-learn's ``C``) fits the examples more closely."""
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        ]
    )
    classifier = LogisticRegression(
        C=inverse_regularisation, class_weight="balanced", max_iter=3000
    )
    return Pipeline([("features", features), ("classifier", classifier)])


class TextModelComponent(GraphComponent):
    """Fits, stores and loads a :func:`build_model` pipeline; subclasses use it."""

    #: The file the fitted pipeline is kept in, inside the component's resource.
    MODEL_FILE = "text_model.joblib"

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
    ) -> TextModelComponent:
        """Creates a new, untrained component (see parent class for full docstring)."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TextModelComponent:
        """Loads the trained model (see parent class for full docstring)."""
        try:
            with model_storage.read_from(resource) as directory:
                model = joblib.load(directory / cls.MODEL_FILE)
        except (ValueError, OSError):
            logger.warning("%s: no trained model found; it adds nothing", cls.__name__)
            model = None
        return cls(config, model_storage, resource, model)

    def fit(self, texts: list[str], labels: list[str], inverse_regularisation: float) -> Resource:
        """Fits the pipeline on ``texts`` and keeps it in the model storage."""
        self._model = build_model(inverse_regularisation).fit(texts, labels)
        with self._storage.write_to(self._resource) as directory:
            joblib.dump(self._model, directory / self.MODEL_FILE)
        return self._resource

    def ranking(self, text: str) -> list[tuple[str, float]]:
        """Every label with its probability for ``text``, likeliest first; empty untrained."""
        if self._model is None:
            return []
        probabilities = self._model.predict_proba([text[:MAX_TEXT]])[0]
        labels = [str(label) for label in self._model.classes_]
        return sorted(
            zip(labels, map(float, probabilities), strict=True), key=lambda pair: -pair[1]
        )


__all__ = ["MAX_TEXT", "TextModelComponent", "build_model"]
