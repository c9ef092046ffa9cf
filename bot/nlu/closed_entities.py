"""Learned entities with a closed set of values keep only those values.

DIET sometimes tags a stray word ("lausd" as a direction, "trabajo" inside "la carta del trabajo"
is fine, but "fuerza" as a reason is not). After synonym mapping, a reason, direction, language or
registration field whose value is not one the actions know can only mislead a form or an answer,
so it is dropped here. The sets are in config.yml; tests/unit/test_nlu_config.py keeps them equal
to the policy's reasons, the directions, the languages and the registration fields.
"""

# ruff: noqa: UP006, UP035, UP037  (Rasa inspects these signatures; keep its spelling)
from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class ClosedSetEntityFilter(GraphComponent):
    """Drops entities of the configured types whose value is outside their set."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """`closed_sets`: entity type -> its allowed values (set in config.yml)."""
        return {"closed_sets": {}}

    def __init__(self, closed_sets: Dict[str, List[str]]) -> None:
        self.closed_sets = {entity: frozenset(values) for entity, values in closed_sets.items()}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ClosedSetEntityFilter":
        """Creates the component from its config (see the parent class)."""
        return cls(config.get("closed_sets") or {})

    def process(self, messages: List[Message]) -> List[Message]:
        """Removes closed-set entities with unknown values from each message."""
        for message in messages:
            entities = message.get(ENTITIES)
            if entities:
                kept = [entity for entity in entities if self._known(entity)]
                if len(kept) != len(entities):
                    message.set(ENTITIES, kept, add_to_output=True)
        return messages

    def _known(self, entity: Dict[str, Any]) -> bool:
        allowed = self.closed_sets.get(entity.get(ENTITY_ATTRIBUTE_TYPE, ""))
        return allowed is None or str(entity.get(ENTITY_ATTRIBUTE_VALUE)) in allowed
