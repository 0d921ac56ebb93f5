"""A first pipeline step that rewrites each message's text before anything reads it.

The subclasses (:mod:`nlu.dictation`, :mod:`nlu.stretched`) each undo one habit of how
learners type; the classifiers, the extractors and the actions (which read the parsed
text) all see the rewritten text, the tracker still stores what the learner sent. The
training examples are rewritten the same way, so the classifiers learn what they will read.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class SettingFreeComponent(GraphComponent):
    """A pipeline step with no settings, nothing trained and nothing stored."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SettingFreeComponent:
        """Creates the component (see parent class for full docstring)."""
        return cls()


class TextRewriter(SettingFreeComponent):
    """Rewrites each message's text with :meth:`rewrite` (put it first in the pipeline)."""

    @staticmethod
    def rewrite(text: str) -> str:
        """The text as the rest of the pipeline should read it."""
        raise NotImplementedError

    def process(self, messages: list[Message]) -> list[Message]:
        """Rewrites each message's text."""
        for message in messages:
            self._rewrite(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """The same for the training examples."""
        for example in training_data.training_examples:
            self._rewrite(example)
        return training_data

    def _rewrite(self, message: Message) -> None:
        text = message.get(TEXT)
        if isinstance(text, str) and not text.startswith("/"):  # button payloads stay
            rewritten = self.rewrite(text)
            if rewritten != text:
                message.set(TEXT, rewritten)


__all__ = ["SettingFreeComponent", "TextRewriter"]
