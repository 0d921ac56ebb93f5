"""Rasa's fallback classifier, with the intents the assistant answers alike counted as one.

A learner's first message is often a long story with wishes in it ("... 12 years driving a
forklift, my back is finished, I want something with computers, maybe IT support, can pay 300
pound, evenings 1 hour every day. what you have?"). The intent classifier spreads its
confidence over the intents that carry wishes (find_course 0.15, state_goal 0.39, inform
0.37), and Rasa's ``FallbackClassifier`` then predicts ``nlu_fallback`` because the top two are
within its ambiguity threshold, though whichever of them wins, the assistant does the same:
it reads the wishes and starts the questions or the search. On the blind openings set
``openings_fresh15`` 14 of its 16 fallbacks were such a tie.

So the intents listed as ``interchangeable`` (``config.yml``) are one answer to the two
questions the fallback asks: their summed confidence is compared with ``family_threshold``,
and the top intent is ambiguous only when an intent outside them comes within
``ambiguity_threshold`` of it. A top intent outside the list is judged exactly as Rasa's own
classifier does. ``family_threshold`` (0.5: more likely one of them than anything else) is
higher than ``threshold``: a question about a list shown spread thin over them ("Can I start
before Christmas and finish before February?": inform 0.25, state_goal 0.11, find_course
0.11) stays unsure, for the fallback action's answers about the list.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.fallback_classifier import (
    AMBIGUITY_THRESHOLD_KEY,
    THRESHOLD_KEY,
    FallbackClassifier,
)
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

INTERCHANGEABLE_KEY = "interchangeable"
FAMILY_THRESHOLD_KEY = "family_threshold"


def family_is_unsure(
    ranking: list[dict[str, Any]], family: frozenset[str], threshold: float, ambiguity: float
) -> bool | None:
    """Whether a ranking whose top intent is in ``family`` should fall back: the family's
    summed confidence under ``threshold`` (the family's own), or an intent outside it within
    ``ambiguity`` of the top one; ``None`` when the top intent is not in the family (Rasa's
    rules apply)."""
    if not ranking or ranking[0].get(INTENT_NAME_KEY) not in family:
        return None
    inside = [item for item in ranking if item.get(INTENT_NAME_KEY) in family]
    outside = [item for item in ranking if item.get(INTENT_NAME_KEY) not in family]
    total = sum(float(item.get(PREDICTED_CONFIDENCE_KEY) or 0.0) for item in inside)
    if total < threshold:
        return True
    top = float(ranking[0].get(PREDICTED_CONFIDENCE_KEY) or 0.0)
    rival = float(outside[0].get(PREDICTED_CONFIDENCE_KEY) or 0.0) if outside else 0.0
    return top - rival < ambiguity


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class FamilyFallbackClassifier(FallbackClassifier):
    """``FallbackClassifier`` that does not fall back over a tie between interchangeable
    intents (see the module docstring)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Rasa's defaults, no interchangeable intents, and their threshold Rasa's."""
        defaults = FallbackClassifier.get_default_config()
        return {**defaults, INTERCHANGEABLE_KEY: [], FAMILY_THRESHOLD_KEY: None}

    def _should_fallback(self, message: Message) -> bool:
        family = frozenset(self.component_config.get(INTERCHANGEABLE_KEY) or ())
        ranking = message.data.get(INTENT_RANKING_KEY) or []
        if not ranking and message.data.get(INTENT):
            ranking = [message.data[INTENT]]
        family_threshold = self.component_config.get(FAMILY_THRESHOLD_KEY)
        if family_threshold is None:
            family_threshold = self.component_config[THRESHOLD_KEY]
        unsure = family_is_unsure(
            ranking,
            family,
            float(family_threshold),
            float(self.component_config[AMBIGUITY_THRESHOLD_KEY]),
        )
        if unsure is None:
            return bool(super()._should_fallback(message))
        return unsure
