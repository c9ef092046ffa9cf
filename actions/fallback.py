"""Low NLU confidence: first ask to rephrase, then hand the conversation to a person (a ticket and
the live queue of the staff inbox)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import hand_over
from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE

FALLBACK_INTENT = "nlu_fallback"


def consecutive_fallbacks(events: list[dict[str, Any]]) -> int:
    """How many of the latest user messages in a row were not understood."""
    count = 0
    for event in reversed(events):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent != FALLBACK_INTENT:
            break
        count += 1
    return count


class ActionRespondToFallback(Action):
    """Rephrase request on the first miss; from the second in a row on, a person is asked to join."""

    def name(self) -> str:
        return "action_respond_to_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if consecutive_fallbacks(tracker.events) >= 2:
            language = tracker.get_slot("language") or DEFAULT_LANGUAGE
            dispatcher.utter_message(text=catalog().text("handoff.not_understood", language))
            await hand_over(dispatcher, tracker, "fallbacks")
        else:
            dispatcher.utter_message(response="utter_please_rephrase")
        return []
