"""Questions answered in the parent's own words (an employer, a sibling's school): one check for all."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from bot.rules.application_answers import free_text_answer


def free_text_slot(slot: str, value: Any, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """`{slot: answer}` for a usable free-text answer, else `{slot: None}` and the reason said."""
    outcome = free_text_answer(str(value or ""))
    if outcome.value is None:
        dispatcher.utter_message(response=f"utter_application_answer_{outcome.problem}")
        return {slot: None}
    return {slot: outcome.value}
