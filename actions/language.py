"""Keep the `language` slot in step with the parent (custom slot mapping, every user turn)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.language.detection import choose_language


class ActionDetectLanguage(Action):
    """Sets `language` from an explicit request, the message's own language or the channel hint."""

    def name(self) -> str:
        return "action_detect_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        message = tracker.latest_message or {}
        requested = None
        if (message.get("intent") or {}).get("name") == "switch_language":
            requested = next(tracker.get_latest_entity_values("language"), None)
        metadata = message.get("metadata") or {}
        language = choose_language(
            text=message.get("text") or "",
            current=tracker.get_slot("language"),
            requested=requested,
            hint=metadata.get("language") if isinstance(metadata, dict) else None,
            answering_form=tracker.active_loop_name is not None,
        )
        return [SlotSet("language", language)] if language else []
