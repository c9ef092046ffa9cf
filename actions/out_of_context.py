"""Messages that answer no question: a "yes" to an offer, or details with a question inside (issue 16).

"yes please" right after "I can start your application with you" starts it; "ok so we live in
burbank, can she go now or wait til feb" gets the dates; "her bro alredy goes 2 franklin" gets
that reason's documents; "y pa salir del distrito?" after the dates, the reasons or the documents
gets the same answer for leaving LAUSD. Anything else: "Is there anything else I can help you with?".
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.entities import entity_text
from actions.faq import ActionExplainReasons, direction_in_play
from actions.status import number_in
from bot.core.policy import load_policy
from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rules.application_answers import read_direction
from bot.rules.parent_asks import (
    asks_about_timing,
    asks_how_long_it_works,
    looks_like_question,
    wants_to_know,
)
from bot.rules.reason_words import read_reason
from bot.rules.typed_answers import read_yes_no

#: An offer the assistant made, and the action a "yes" to it starts.
OFFERS = {
    "utter_offer_application": "action_start_application",
    "utter_offer_upload": "action_start_upload",
}


def last_bot_response(tracker: Tracker) -> str | None:
    """The response name of the assistant's last message."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


def answered_recently(tracker: Tracker, prefix: str, turns: int = 2) -> bool:
    """Whether one of the assistant's answers to the parent's last `turns` messages was a response
    whose name starts with `prefix` ("utter_application_dates")."""
    seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen += 1
            if seen > turns:
                return False
        elif event.get("event") == "bot":
            if str((event.get("metadata") or {}).get("utter_action") or "").startswith(prefix):
                return True
    return False


def direction_follow_up(tracker: Tracker) -> str | None:
    """ "y pa salir del distrito?" right after the dates: the dates response for that direction, even
    at a form's question (the question is then asked again), else None."""
    text = str(tracker.latest_message.get("text") or "")
    direction = read_direction(text)
    if direction and looks_like_question(text) and answered_recently(tracker, "utter_application_dates"):
        return f"utter_application_dates_{direction}"
    return None


class ActionRespondOutOfContext(Action):
    """A yes/no or details given when no question was asked."""

    def name(self) -> str:
        return "action_respond_out_of_context"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = str(tracker.latest_message.get("text") or "")
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        offer = OFFERS.get(str(last_bot_response(tracker)))
        if offer and (intent == "affirm" or read_yes_no(text) == "yes"):
            return [FollowupAction(offer)]
        if number_in(text):  # "LA-6QSF-FVQ9-H" pasted on its own: its status
            return [FollowupAction("action_start_status_check")]
        lifetime = _lifetime_answer(tracker) if asks_how_long_it_works(text) else None
        if lifetime:  # "how long does the link work?" right after it was emailed
            locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
            dispatcher.utter_message(text=catalog().text(lifetime, locale))
            return []
        if asks_how_long_it_works(text):  # nothing emailed yet: not "work" as a permit reason
            dispatcher.utter_message(response="utter_anything_else")
            return []
        birthdate = entity_text(tracker, "date")
        if birthdate and tracker.get_slot("status_number") and last_bot_response(tracker) == "utter_status_answer":
            # "ay perdón, es el 15 de marzo del 2018" right after "not found": the same number again
            return [SlotSet("status_birthdate", birthdate[:80]), FollowupAction("action_answer_status")]
        events: list[EventType] = []
        direction = read_direction(text)
        if direction:  # remembered for what comes next ("we're leaving LAUSD")
            events.append(SlotSet("permit_direction", direction))
        if asks_about_timing(text) and (looks_like_question(text) or wants_to_know(text)):
            dispatcher.utter_message(response="utter_application_dates")
            dispatcher.utter_message(response="utter_offer_application")
            return events
        reason = read_reason(text)
        if reason and load_policy().is_reason(reason, direction_in_play(tracker)):
            return events + await ActionExplainReasons().run(dispatcher, tracker, domain)
        last = str(last_bot_response(tracker))
        if direction and last.startswith("utter_application_dates"):  # "y pa salir del distrito?"
            dispatcher.utter_message(response=f"utter_application_dates_{direction}")
            return events
        if direction and last.startswith(("utter_reason_documents", "utter_ask_documents")):
            # "and for leaving?" after a documents answer: the documents for that direction
            return events + [FollowupAction("action_explain_documents")]
        if direction and last.startswith(("utter_permit_reasons", "utter_reason_meaning")):
            return events + [FollowupAction("action_explain_reasons")]
        dispatcher.utter_message(response="utter_anything_else")
        return events


#: What the assistant emailed (the response that said so), and the catalog text of how long it works.
LIFETIMES = {
    "utter_sign_in_reset_requested": "sign_in.lifetime_reset_link",
    "utter_sign_in_code_sent": "sign_in.lifetime_code",
    "utter_ask_signin_code": "sign_in.lifetime_code",
}


def _lifetime_answer(tracker: Tracker) -> str | None:
    """The lifetime text of the last link or code the assistant emailed in this conversation."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            found = LIFETIMES.get(str((event.get("metadata") or {}).get("utter_action")))
            if found:
                return found
    return None
