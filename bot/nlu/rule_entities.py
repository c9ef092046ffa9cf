"""Entities the rules read exactly: confirmation numbers, emails, dates, grades and, in a
correction of the parent's account, the registration field it names.

A Rasa entity extractor over ``bot.rules.mentions``: each entity's value is canonical
(``LA-7K3M-9QX2-R``, ``maria@gmail.com``, ``2015-03-03``, ``5``), so the actions and the
synonym table need no second reading. These four are not annotated in the training data, so
DIET never learns them; an entity DIET finds over the same characters gives way to the rule's.

`registration_field` ("mi apellido está mal", "cambiar email porfa") is read by
``bot.rules.corrections.named_fields`` when the intent is a correction or a no, and only then:
the learned extractor saw "nombre" and "correo" mostly outside corrections ("mi nombre es Ana",
"no me llegó el correo") and missed most of them (Spanish held-out F1 0.53), or found one where
no field was named.
"""

# ruff: noqa: UP006, UP035, UP037  (Rasa inspects these signatures; keep its spelling)
from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    INTENT_NAME_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.core.clock import district_today
from bot.rules.corrections import REGISTRATION_FIELD_WORDS, named_fields
from bot.rules.mentions import find_mentions

#: Intents whose message may name the account field to correct ("no, the email is wrong").
CORRECTION_INTENTS = frozenset({"correct_registration", "deny"})
REGISTRATION_FIELD = "registration_field"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class RuleEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds `confirmation_number`, `email`, `date`, `grade` and `registration_field` entities
    found by bot.rules."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "RuleEntityExtractor":
        """Creates the component (see the parent class); it has nothing to train or load."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Appends the rule entities to each message, replacing learned ones they overlap."""
        today = district_today()
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            found = [
                {
                    ENTITY_ATTRIBUTE_TYPE: mention.entity,
                    ENTITY_ATTRIBUTE_START: mention.start,
                    ENTITY_ATTRIBUTE_END: mention.end,
                    ENTITY_ATTRIBUTE_VALUE: mention.value,
                }
                for mention in find_mentions(text, today=today)
            ]
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if intent in CORRECTION_INTENTS:
                found += [
                    {
                        ENTITY_ATTRIBUTE_TYPE: REGISTRATION_FIELD,
                        ENTITY_ATTRIBUTE_START: start,
                        ENTITY_ATTRIBUTE_END: end,
                        ENTITY_ATTRIBUTE_VALUE: field,
                    }
                    for field, start, end in named_fields(text, REGISTRATION_FIELD_WORDS)
                    if not _overlaps_any({ENTITY_ATTRIBUTE_START: start, ENTITY_ATTRIBUTE_END: end}, found)
                ]
            learned = [
                entity
                for entity in message.get(ENTITIES, [])
                if entity.get(ENTITY_ATTRIBUTE_TYPE) != REGISTRATION_FIELD
                and not _overlaps_any(entity, found)
            ]
            message.set(ENTITIES, learned + self.add_extractor_name(found), add_to_output=True)
        return messages


def _overlaps_any(entity: Dict[str, Any], others: List[Dict[str, Any]]) -> bool:
    start, end = entity.get(ENTITY_ATTRIBUTE_START, 0), entity.get(ENTITY_ATTRIBUTE_END, 0)
    return any(
        start < other[ENTITY_ATTRIBUTE_END] and other[ENTITY_ATTRIBUTE_START] < end for other in others
    )
