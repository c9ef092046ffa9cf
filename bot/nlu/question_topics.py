"""An intent the words make certain overrides the classifier's guess (bot.rules.question_topics).

Runs after the classifier and the entity extractors, before the FallbackClassifier: "q papeles me
van a pedir?" becomes `ask_documents` at full confidence, and a follow-up "¿y para guardería?" also
carries the reason it names as a `permit_reason` entity when no extractor found one.
"""

# ruff: noqa: UP006, UP035, UP037  (Rasa inspects these signatures; keep its spelling)
from __future__ import annotations

from typing import Any, Dict, Final, List

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
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.rules.question_topics import question_topic

#: The highest confidence left to the other intents of an overridden message.
RUNNER_UP_CAP: Final = 0.5
#: Intents the classifier may keep for each topic: they are about it too, or always win.
#: (A language request with a question, "mejor en español, y pa salir hasta cuándo?", gets the
#: question's topic: ConversationLanguagePolicy still honours the request from the ranking.)
_ALWAYS = frozenset({"human_handoff"})
KEEP: Final = {
    "ask_documents": _ALWAYS | {"ask_documents", "ask_release", "upload_document"},
    "apply_permit": _ALWAYS | {"apply_permit", "check_status", "upload_document", "create_account"},
    "ask_application_dates": _ALWAYS | {"ask_application_dates", "ask_processing_time", "check_status"},
    "stop": _ALWAYS | {"stop", "goodbye"},
    "ask_permit_reasons": _ALWAYS | {"ask_permit_reasons", "ask_documents"},
    "ask_processing_time": _ALWAYS | {"ask_processing_time", "upload_document"},
    "ask_password_rules": _ALWAYS | {"ask_password_rules", "forgot_password"},
    "create_account": _ALWAYS
    | {"create_account", "sign_in", "activation_email_missing", "forgot_password", "check_status"}
    | {"apply_permit", "upload_document"},
    # a follow-up naming only a direction: a classifier's topic question stands, anything else is
    # an answer without a question, which action_respond_out_of_context reads with the last topic
    "inform": _ALWAYS
    | {
        "inform",
        "ask_application_dates",
        "ask_documents",
        "ask_permit_reasons",
        "apply_permit",
        "check_status",
    },
    "check_status": _ALWAYS | {"check_status", "ask_processing_time", "ask_appeal", "upload_document"},
    "upload_document": _ALWAYS | {"upload_document"},
    "ask_contact": _ALWAYS | {"ask_contact"},
    "ask_appeal": _ALWAYS | {"ask_appeal"},
    "ask_renewal": _ALWAYS | {"ask_renewal"},
    "ask_release": _ALWAYS | {"ask_release"},
    "ask_provisional_enrollment": _ALWAYS | {"ask_provisional_enrollment"},
    "ask_capabilities": _ALWAYS
    | {"ask_capabilities", "ask_permit_reasons", "ask_documents", "ask_application_dates"},
}
#: A neighbouring intent the classifier is this unsure of does not stand against the rules: it
#: would end below the FallbackClassifier's threshold and the parent would get "I didn't understand".
NEIGHBOUR_MIN_CONFIDENCE: Final = 0.5


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class QuestionTopicOverride(GraphComponent, EntityExtractorMixin):
    """Sets the intent of questions whose topic bot.rules reads with certainty."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "QuestionTopicOverride":
        """Creates the component (see the parent class); it has nothing to train or load."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Overrides the intent (and adds the reason) where the rules are certain."""
        for message in messages:
            text = message.get(TEXT)
            guessed = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            confidence = (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0
            topic = question_topic(text) if text else None
            if topic is None:
                continue
            intent, reason = topic
            # "what does sibling mean?": a named reason explained, not its documents alone
            keep = _ALWAYS | {intent} if intent == "ask_permit_reasons" and reason else KEEP[intent]
            if guessed in keep and guessed != intent and confidence >= NEIGHBOUR_MIN_CONFIDENCE:
                continue  # the same topic is made certain; a confident neighbouring one stands
            chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [  # the others stay below the rules' certainty, so no ambiguity fallback follows
                {**r, PREDICTED_CONFIDENCE_KEY: min(r.get(PREDICTED_CONFIDENCE_KEY) or 0.0, RUNNER_UP_CAP)}
                for r in message.get(INTENT_RANKING_KEY) or []
                if r.get(INTENT_NAME_KEY) != intent
            ]
            message.set(INTENT, chosen, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
            # the rules read the whole message ("I work all day and my mother-in-law watches them"
            # is childcare): their reason replaces a different one an extractor found in a word
            entities = [
                e
                for e in message.get(ENTITIES) or []
                if not reason
                or e.get(ENTITY_ATTRIBUTE_TYPE) != "permit_reason"
                or e.get(ENTITY_ATTRIBUTE_VALUE) == reason
            ]
            if reason and not any(e.get(ENTITY_ATTRIBUTE_TYPE) == "permit_reason" for e in entities):
                found = {
                    ENTITY_ATTRIBUTE_TYPE: "permit_reason",
                    ENTITY_ATTRIBUTE_START: 0,
                    ENTITY_ATTRIBUTE_END: len(text),
                    ENTITY_ATTRIBUTE_VALUE: reason,
                }
                entities = [*entities, *self.add_extractor_name([found])]
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
