"""Low NLU confidence: first ask to rephrase, then hand the conversation to a person (a ticket and
the live queue of the staff inbox)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.faq import ActionExplainReasons
from actions.handoff import hand_over
from actions.status import number_in
from bot.core.text import catalog
from bot.helpdesk.missed_questions import record_missed_question
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rules.parent_asks import (
    asks_about_timing,
    looks_like_question,
    says_no_activation_email,
    wants_to_know,
)
from bot.rules.reason_words import read_reason

FALLBACK_INTENT = "nlu_fallback"
logger = logging.getLogger(__name__)


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


def model_guess(latest_message: dict[str, Any]) -> tuple[str, float]:
    """The intent the model ranked first apart from the fallback itself, and its confidence."""
    for entry in latest_message.get("intent_ranking") or []:
        if entry.get("name") and entry.get("name") != FALLBACK_INTENT:
            return str(entry["name"]), float(entry.get("confidence") or 0.0)
    return "", 0.0


def queue_missed_question(tracker: Tracker) -> None:
    """Put the message the model did not understand in the staff console's queue (masked there)."""
    latest = tracker.latest_message or {}
    guessed, confidence = model_guess(latest)
    language = tracker.get_slot("language") or DEFAULT_LANGUAGE
    channel = tracker.get_latest_input_channel() or ""
    try:
        record_missed_question(
            tracker.sender_id, str(latest.get("text") or ""), language, channel, guessed, confidence
        )
    except SQLAlchemyError:  # the queue is for staff: a database problem never costs the parent a reply
        logger.exception("the missed question could not be queued")


class ActionRespondToFallback(Action):
    """Rephrase request on the first miss; from the second in a row on, a person is asked to join."""

    def name(self) -> str:
        return "action_respond_to_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        rescued = await rescue_by_rules(dispatcher, tracker, domain)
        if rescued is not None:
            return rescued
        await asyncio.to_thread(queue_missed_question, tracker)
        if consecutive_fallbacks(tracker.events) >= 2:
            language = tracker.get_slot("language") or DEFAULT_LANGUAGE
            dispatcher.utter_message(text=catalog().text("handoff.not_understood", language))
            await hand_over(dispatcher, tracker, "fallbacks")
        else:
            dispatcher.utter_message(response="utter_please_rephrase")
        return []


async def rescue_by_rules(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType] | None:
    """What the rules can read when the classifier is unsure: a pasted confirmation number starts the
    status check, a question about dates gets the dates, a reason told in words gets that reason
    (issue 16: what parents depend on never hangs on a borderline confidence). None: nothing read."""
    text = str(tracker.latest_message.get("text") or "")
    if number_in(text):
        return [FollowupAction("action_start_status_check")]
    if asks_about_timing(text) and (looks_like_question(text) or wants_to_know(text)):
        dispatcher.utter_message(response="utter_application_dates")
        dispatcher.utter_message(response="utter_offer_application")
        return []
    if says_no_activation_email(text):  # "I didn't get the email" after registering
        return [FollowupAction("action_help_with_activation_email")]
    if read_reason(text) and len(text.split()) <= 25:
        return list(await ActionExplainReasons().run(dispatcher, tracker, domain))
    return None
