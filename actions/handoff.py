"""Handing the parent to a person (issue #18): a help-desk ticket, and the conversation joins the
live queue of the staff inbox, where an agent takes it over in the same chat."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.session import signed_in_account
from bot.core.clock import office_now
from bot.core.policy import load_policy
from bot.core.secrets import conversation_digest
from bot.core.text import catalog
from bot.helpdesk.handoff_queue import NewHandoff, open_handoff
from bot.helpdesk.handoff_words import opening_words
from bot.helpdesk.tickets import open_ticket, summarize_conversation
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rules.handoff import TRANSCRIPT_LINES, queued_message
from bot.rules.handoff_contact import ASK_HOW, CHOICES, button_payload
from bot.rules.office_hours import office_hours

logger = logging.getLogger(__name__)
#: Intents that say nothing about what the parent needs.
NOT_A_TOPIC = frozenset({"human_handoff", "nlu_fallback", "greet", "affirm", "deny", "thank", "goodbye"})


class ActionHandOff(Action):
    """ "I want to talk to a person": a ticket, the live queue, and when a person will answer."""

    def name(self) -> str:
        return "action_hand_off"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        await hand_over(dispatcher, tracker, "asked")
        return []


async def hand_over(dispatcher: CollectingDispatcher, tracker: Tracker, trigger: str) -> None:
    """Open the ticket and queue the conversation for a person, then tell the parent when and how
    a person will answer. When the queue cannot be reached, the office's contacts instead."""
    ticket_id = await open_ticket_for(tracker, trigger)
    language = tracker.get_slot("language") or DEFAULT_LANGUAGE
    channel = conversation_channel(tracker)
    account_id = await signed_in_account(tracker)
    now, hours = office_now(), office_hours()
    in_form = tracker.active_loop_name is not None
    _, contact_by = queued_message(channel, hours.is_open(now), False, in_form)
    new = NewHandoff(
        conversation_digest(tracker.sender_id), tracker.sender_id, channel, language, topic_of(tracker),
        trigger, account_id, ticket_id, contact_by,
    )  # fmt: skip
    try:
        _, created = await asyncio.to_thread(open_handoff, new, transcript_of(tracker))
    except Exception:  # the parent still gets the contacts; staff see the failure in the logs
        logger.exception("The conversation could not join the hand-off queue")
        dispatcher.utter_message(response="utter_handoff")
        return
    key, asking = queued_message(channel, hours.is_open(now), not created, in_form)
    words = catalog()
    dispatcher.utter_message(
        text=words.text(
            f"handoff.{key}",
            language,
            opening=opening_words(words, language, hours.next_opening(now)),
            contact_email=load_policy().contacts.email,
        ),
        buttons=contact_buttons(language) if asking == ASK_HOW else [],
    )


def contact_buttons(language: str) -> list[dict[str, str]]:
    """Email / text message / the chat: how the person's after-hours answer reaches the parent.
    The Rasa server reads the choice before the model does (bot.rasa_plugins.handoff_contact)."""
    words = catalog()
    return [
        {"title": words.text(f"handoff.contact.button.{choice}", language), "payload": button_payload(choice)}
        for choice in CHOICES
    ]


def conversation_channel(tracker: Tracker) -> str:
    """socketio | rest | sms | whatsapp: where the parent writes from (Twilio's says which)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            channel = str(event.get("input_channel") or "unknown")
            if channel == "twilio":
                return str((event.get("metadata") or {}).get("channel") or "sms")
            return channel
    return "unknown"


def topic_of(tracker: Tracker) -> str:
    """The last thing the parent asked about (an intent name), or ""."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            intent = str(((event.get("parse_data") or {}).get("intent") or {}).get("name") or "")
            if intent and intent not in NOT_A_TOPIC:
                return intent
    return ""


def transcript_of(tracker: Tracker) -> list[tuple[str, str]]:
    """The conversation's last lines, (parent | bot, text), for the agent (masked when stored)."""
    lines = [
        ("parent" if event.get("event") == "user" else "bot", str(event.get("text")))
        for event in tracker.events
        if event.get("event") in ("user", "bot") and event.get("text")
    ]
    return lines[-TRANSCRIPT_LINES:]


async def open_ticket_for(tracker: Tracker, trigger: str) -> int | None:
    """Open (or update) the conversation's help-desk ticket; never fails the conversation."""
    messages = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"][-6:]
    intents = [
        str(((e.get("parse_data") or {}).get("intent") or {}).get("name") or "")
        for e in tracker.events
        if e.get("event") == "user"
    ][-6:]
    try:
        return await asyncio.to_thread(
            open_ticket,
            conversation_digest(tracker.sender_id),
            conversation_channel(tracker),
            tracker.get_slot("language") or DEFAULT_LANGUAGE,
            trigger,
            summarize_conversation(messages, intents),
            None,
            await signed_in_account(tracker),
        )
    except Exception:  # the parent still gets the contacts; staff see the failure in the logs
        logger.exception("Help-desk ticket not opened")
        return None
