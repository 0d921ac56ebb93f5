"""A field the learner has, not one they asked for, is kept aside unless they stay in it.

The subject rules (:mod:`nlu.extraction.subject`) tell a field wanted ("into data science")
from one held: the job done ("20 years a nurse", "I'm a pharmacist") or the field known
already, said to explain a level ("I have an MBA, so postgrad level", "intermediate, I know
excel well"). A held field is what the learner wants only when they stay in it: getting
better at their job ("After 35 years in accountancy I wish to improve my IFRS") or studying
further in it ("I did 2 years of a nursing degree and want to finish it"). Otherwise it
would fill the subject slot with something nobody asked for and skip the subject question.

Which goal the message states is known only after :class:`nlu.goal_classifier.GoalClassifier`
(the rules' goal, or the learned one), so this component runs last: a held subject in a
message with neither goal is given the answer role (``actions.answers.ANSWER_ROLE``), kept
in case the message answers the subject question ("I'm a nurse" to "Which subject?").
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_ROLE,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
)
from rasa.shared.nlu.training_data.message import Message

from actions.answers import ANSWER_ROLE, HELD, SAID_AS
from nlu.rewrite import SettingFreeComponent

#: The goals of a learner who stays in the field they have.
STAYING_GOALS = frozenset({"upskill", "further_study"})


def keep_held_aside(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``entities`` with each held subject given the answer role, unless the message states
    a goal of staying in the field (said outright, not kept aside itself)."""
    staying = any(
        e.get(ENTITY_ATTRIBUTE_TYPE) == "goal"
        and e.get(ENTITY_ATTRIBUTE_VALUE) in STAYING_GOALS
        and not e.get(ENTITY_ATTRIBUTE_ROLE)
        for e in entities
    )
    if staying:
        return entities
    return [
        {**e, ENTITY_ATTRIBUTE_ROLE: ANSWER_ROLE}
        if e.get(ENTITY_ATTRIBUTE_TYPE) == "subject"
        and e.get(SAID_AS) == HELD
        and not e.get(ENTITY_ATTRIBUTE_ROLE)
        else e
        for e in entities
    ]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class HeldSubjectGate(SettingFreeComponent):
    """Keeps a held subject aside when the message states no goal of staying in it."""

    def process(self, messages: list[Message]) -> list[Message]:
        """Gives the held subjects of each message the answer role where due."""
        for message in messages:
            entities = message.get(ENTITIES, []) or []
            if entities:
                message.set(ENTITIES, keep_held_aside(entities), add_to_output=True)
        return messages


__all__ = ["STAYING_GOALS", "HeldSubjectGate", "keep_held_aside"]
