"""Answers that depend on what the parent named (a permit reason)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.core.codes import Direction
from bot.core.policy import load_policy


def _known_reason(tracker: Tracker) -> str | None:
    """The incoming permit reason the parent named now, or earlier in the conversation."""
    for value in [*tracker.get_latest_entity_values("permit_reason"), tracker.get_slot("permit_reason")]:
        if _is_incoming_reason(value):
            return str(value)
    return None


def _is_incoming_reason(value: object) -> bool:
    return isinstance(value, str) and load_policy().is_reason(value, Direction.INCOMING)


class ActionExplainDocuments(Action):
    """Which documents a reason needs; asks for the reason first when it is not known."""

    def name(self) -> str:
        return "action_explain_documents"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reason = _known_reason(tracker)
        if reason:
            dispatcher.utter_message(response="utter_reason_documents", permit_reason=reason)
        else:
            dispatcher.utter_message(response="utter_ask_documents_reason")
        return []


class ActionExplainReasons(Action):
    """The eight reasons, or what one named reason means and which documents it needs."""

    def name(self) -> str:
        return "action_explain_reasons"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        named_now = next(tracker.get_latest_entity_values("permit_reason"), None)
        if _is_incoming_reason(named_now):
            dispatcher.utter_message(response="utter_reason_meaning", permit_reason=named_now)
            dispatcher.utter_message(response="utter_reason_documents", permit_reason=named_now)
        else:
            dispatcher.utter_message(response="utter_permit_reasons")
        return []
