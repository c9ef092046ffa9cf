"""Handing the parent to a person: a help-desk ticket and the office's contacts (issue #6)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.session import signed_in_account
from bot.applications.keys import conversation_key
from bot.helpdesk.tickets import open_ticket, summarize_conversation
from bot.language.detection import DEFAULT_LANGUAGE

logger = logging.getLogger(__name__)


class ActionHandOff(Action):
    """ "I want to talk to a person": a help-desk ticket with a short summary, and the office's contacts."""

    def name(self) -> str:
        return "action_hand_off"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        await open_ticket_for(tracker, "asked")
        dispatcher.utter_message(response="utter_handoff")
        return []


async def open_ticket_for(tracker: Tracker, trigger: str) -> None:
    """Open (or update) the conversation's help-desk ticket; never fails the conversation."""
    messages = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"][-6:]
    intents = [
        str(((e.get("parse_data") or {}).get("intent") or {}).get("name") or "")
        for e in tracker.events
        if e.get("event") == "user"
    ][-6:]
    channel = str(tracker.get_latest_input_channel() or "unknown")
    try:
        await asyncio.to_thread(
            open_ticket,
            conversation_key(tracker.sender_id),
            channel,
            tracker.get_slot("language") or DEFAULT_LANGUAGE,
            trigger,
            summarize_conversation(messages, intents),
            None,
            await signed_in_account(tracker),
        )
    except Exception:  # the parent still gets the contacts; staff see the failure in the logs
        logger.exception("Help-desk ticket not opened")
