"""Keeps the `language` slot in step with the parent, inside the Rasa server (no action-server call).

A policy that never chooses an action: on the first prediction after a parent's message it returns
the `language` slot event that `bot.language.detection.choose_language` decides, and Rasa applies
a policy's events before the predicted action runs (`MessageProcessor._run_action`), so the very
first reply to that message is already rendered in the new language. It replaces a custom slot
mapping that cost a round trip to the action server on every turn (docs/performance.md).
"""

from __future__ import annotations

from typing import Any

from rasa.core.constants import POLICY_PRIORITY
from rasa.core.featurizers.tracker_featurizers import TrackerFeaturizer
from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.language.detection import choose_language
from bot.language.requests import requested_language

LANGUAGE_SLOT = "language"
SWITCH_INTENT = "switch_language"
#: The classifier's confidence in a language request that a question's topic overrode (the topic
#: component caps runners-up at 0.5, bot.nlu.question_topics.RUNNER_UP_CAP).
SWITCH_RUNNER_UP = 0.5


def awaits_first_answer(tracker: DialogueStateTracker) -> bool:
    """True when the parent's latest message has not been answered by any action yet."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return True
        if isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME:
            return False
    return False


def asks_to_switch(parse_data: dict[str, Any]) -> bool:
    """The message asks for a language: its intent, or a runner-up the question's topic overrode
    ("mejor en español, y pa salir del distrito hasta cuándo?" is answered as a dates question)."""
    if (parse_data.get("intent") or {}).get("name") == SWITCH_INTENT:
        return True
    return any(
        ranked.get("name") == SWITCH_INTENT and (ranked.get("confidence") or 0.0) >= SWITCH_RUNNER_UP
        for ranked in parse_data.get("intent_ranking") or []
    )


def language_event(tracker: DialogueStateTracker) -> SlotSet | None:
    """The `language` slot event the parent's latest message calls for, if any."""
    message = tracker.latest_message
    if message is None:
        return None
    requested = requested_language(message.text or "")  # "in spanish please, what documents…"
    if requested is None and asks_to_switch(message.parse_data):
        requested = next(tracker.get_latest_entity_values(LANGUAGE_SLOT), None)
    metadata = message.metadata if isinstance(message.metadata, dict) else {}
    language = choose_language(
        text=message.text or "",
        current=tracker.get_slot(LANGUAGE_SLOT),
        requested=requested,
        hint=metadata.get("language"),
        answering_form=tracker.active_loop_name is not None,
    )
    return SlotSet(LANGUAGE_SLOT, language) if language else None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class ConversationLanguagePolicy(Policy):
    """Sets the conversation language from each new message; predicts no action of its own."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The lowest priority: its all-zero prediction never competes with a real one."""
        return {POLICY_PRIORITY: 0}

    @staticmethod
    def supported_data() -> SupportedData:
        """Learns nothing from stories or rules."""
        return SupportedData.ML_AND_RULE_DATA

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: TrackerFeaturizer | None = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        """Nothing to learn."""
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """No action (all zeros); the language event once per parent message."""
        event = language_event(tracker) if awaits_first_answer(tracker) else None
        return self._prediction(self._default_predictions(domain), events=[event] if event else None)
