"""The registration's steps around the form: its questions, creating the account, stopping,
reopening, "what is this for?" and "I didn't get the email". The validators are in registration.py."""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.registration import NAME_FIELDS, WHY_WE_ASK
from actions.stopping import StopForm
from bot.accounts.registration import RegistrationRequest, register, resend_activation
from bot.core.secrets import conversation_digest
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rules.email_typos import suggested_email


class ActionAskParentEmailAgain(Action):
    """Asks for the email again; when it looks like a typo ("gmial.com"), offers the correction and
    the address as typed as buttons, and the parent's choice confirms it."""

    def name(self) -> str:
        return "action_ask_parent_email_again"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        typed = str(tracker.get_slot("parent_email") or "")
        correction = suggested_email(typed)
        if correction is None:
            dispatcher.utter_message(response="utter_ask_parent_email_again")
            return []
        choices = [{"title": address, "payload": address} for address in (correction, typed)]
        dispatcher.utter_message(
            response="utter_email_did_you_mean", suggested_email=correction, buttons=choices
        )
        return []


class ActionAskHumanCheck(Action):
    """Asks the parent to type four random digits: a human check that works in SMS and WhatsApp too.

    Asked again after an account was already requested in this conversation, it says why.
    """

    def name(self) -> str:
        return "action_ask_human_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        digits = "".join(secrets.choice("0123456789") for _ in range(4))
        again = bool(tracker.get_slot("registered_email"))
        response = "utter_ask_human_check_again" if again else "utter_ask_human_check"
        dispatcher.utter_message(response=response, digits=" ".join(digits))
        return [SlotSet("human_check_digits", digits)]


class ActionAskRegistrationConfirmed(Action):
    """Shows the summary with "create my account" / "fix something" (unless a fix is being chosen)."""

    def name(self) -> str:
        return "action_ask_registration_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot("correction_pending"):
            return [SlotSet("correction_pending", None)]
        middle = tracker.get_slot("parent_middle_name")
        dispatcher.utter_message(
            response="utter_registration_summary" if middle else "utter_registration_summary_no_middle"
        )
        return []


class ActionCreateAccount(Action):
    """Creates the pending account (or mails the owner of an existing one) and says the same either way."""

    def name(self) -> str:
        return "action_create_account"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        email = tracker.get_slot("parent_email")
        reset = [
            SlotSet(slot, None)
            for slot in ("parent_email", "parent_email_again", "human_check", "registration_confirmed")
        ]
        request = RegistrationRequest(
            first_name=tracker.get_slot("parent_first_name"),
            middle_name=tracker.get_slot("parent_middle_name") or None,
            last_name=tracker.get_slot("parent_last_name"),
            email=email,
            language=tracker.get_slot("language") or DEFAULT_LANGUAGE,
        )
        # The limit per conversation is counted in the database, keyed by a digest of the sender.
        outcome = await asyncio.to_thread(register, request, conversation_digest(tracker.sender_id))
        if outcome.code == "limited":
            dispatcher.utter_message(response="utter_registration_limit")
            return reset
        dispatcher.utter_message(response="utter_registration_done", registered_email=email)
        return [*reset, SlotSet("registered_email", email)]


class ActionStopRegistration(StopForm):
    """The parent stopped registering: the form ends and forgets the answers."""

    stopped_response = "utter_registration_stopped"
    answers = (
        *NAME_FIELDS,
        "parent_email",
        "parent_email_again",
        "human_check",
        "human_check_digits",
        "registration_confirmed",
        "correction_pending",
    )

    def name(self) -> str:
        return "action_stop_registration"


class ActionReopenRegistration(Action):
    """After registering, "my email was wrong": clear that answer so the form asks it again."""

    def name(self) -> str:
        return "action_reopen_registration"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        field = next(tracker.get_latest_entity_values("registration_field"), None)
        events: list[EventType] = [SlotSet("registration_confirmed", None), SlotSet("human_check", None)]
        if field in NAME_FIELDS:
            events.append(SlotSet(field, None))
        return events


class ActionExplainRequestedSlot(Action):
    """ "What is this for?": explains the question being asked, then the form asks it again."""

    def name(self) -> str:
        return "action_explain_requested_slot"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        dispatcher.utter_message(response=WHY_WE_ASK.get(str(requested), "utter_why_general"))
        return []


class ActionHelpWithActivationEmail(Action):
    """ "I didn't get the email": resend (rate-limited) and point to spam or a wrong address."""

    def name(self) -> str:
        return "action_help_with_activation_email"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        email = tracker.get_slot("registered_email")
        if not email:
            dispatcher.utter_message(response="utter_activation_email_unknown")
            return []
        await asyncio.to_thread(resend_activation, email)
        dispatcher.utter_message(response="utter_activation_email_resent", registered_email=email)
        return []
