"""Signing in from chat with an emailed one-time code, and the forgotten-password link (issues #5, #11).

The chat never says whether an address has an account: every request gets the same answer.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.out_of_context import direction_follow_up
from actions.session import FLOWS_AFTER_SIGN_IN, next_step, sign_in_events, signed_in_account
from actions.stopping import StopForm
from actions.typed_answers import TypedAnswers
from bot.accounts.password_reset import request_password_reset
from bot.accounts.sign_in import request_sign_in_code, verify_sign_in_code
from bot.core.secrets import conversation_digest
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rules.answers import extract_email
from bot.rules.identity import normalize_email
from bot.rules.parent_asks import asks_for_a_new_code, says_dont_know, says_no_account

Slots = dict[str, Any]
#: What the parent reads when a code cannot be used; the form then asks for the email again.
CODE_PROBLEMS = {
    "locked": "utter_sign_in_code_dead",
    "revoked": "utter_sign_in_code_dead",
    "no_code": "utter_sign_in_code_dead",
    "expired": "utter_sign_in_code_expired",
}


def _email(value: Any) -> str | None:
    outcome = normalize_email(extract_email(str(value or "")))
    return outcome.value if outcome.ok else None


class ActionStartSignIn(Action):
    """ "I want to sign in": greets a signed-in parent, or starts the sign-in form."""

    def name(self) -> str:
        return "action_start_sign_in"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if await signed_in_account(tracker) is not None:
            dispatcher.utter_message(response="utter_sign_in_already_signed_in")
            return [next_step("done")]
        return [SlotSet("after_sign_in", None), next_step("sign_in_form")]


def _sign_in_email_reader(text: str, tracker: Tracker) -> str | None:
    """An address, or "I have no account" in any words, whatever intent the classifier guessed."""
    return text if _email(text) or says_no_account(text) or says_dont_know(text) else None


#: What the code question's reader fills when the parent asks for a new code instead of typing one.
NEW_CODE = "new-code"


class ValidateSignInForm(TypedAnswers, FormValidationAction):
    """The email asks for a code (same answer for every address); the code links the account."""

    TYPED_READERS = {
        "signin_email": _sign_in_email_reader,
        "signin_code": lambda text, tracker: NEW_CODE if asks_for_a_new_code(text) else None,
    }
    READS_QUESTIONS = frozenset({"signin_email"})  # "how do I make an account?" answers it too

    def name(self) -> str:
        return "validate_sign_in_form"

    async def validate_signin_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        email = _email(value)
        if email is None and (says_no_account(str(value or "")) or says_dont_know(str(value or ""))):
            # "i dont have no account yet": no trap at the email question, registration instead
            dispatcher.utter_message(response="utter_sign_in_no_account")
            return {"signin_email": None, "requested_slot": None, "signin_no_account": True}
        dates = direction_follow_up(tracker) if email is None else None
        if dates:  # "y pa salir del distrito?" after the dates: not an address, a question answered
            dispatcher.utter_message(response=dates)
            return {"signin_email": None}
        if email is None:
            dispatcher.utter_message(response="utter_invalid_email")
            return {"signin_email": None}
        language = tracker.get_slot("language") or DEFAULT_LANGUAGE
        request = await asyncio.to_thread(
            request_sign_in_code, email, conversation_digest(tracker.sender_id), language
        )
        if request.code == "limited":
            dispatcher.utter_message(response="utter_sign_in_limited")
            return {"signin_email": None, "requested_slot": None}
        dispatcher.utter_message(response="utter_sign_in_code_sent", signin_email=email)
        return {"signin_email": email}

    async def validate_signin_code(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        email = tracker.get_slot("signin_email")
        if (value == NEW_CODE or asks_for_a_new_code(str(value or ""))) and email:
            # "I just activated it, sign me in": a new code to the same address (none is said of it)
            sent = await self.validate_signin_email(email, dispatcher, tracker, domain)
            return {"signin_code": None, **sent}
        result = await asyncio.to_thread(
            verify_sign_in_code, conversation_digest(tracker.sender_id), str(value or "")
        )
        if result.code == "ok" and result.account_id is not None:
            signed_in = await sign_in_events(tracker, result.account_id, result.first_name)
            return {"signin_code": "verified", **signed_in}
        if result.code == "wrong":  # one answer, whatever the address: nothing to enumerate
            dispatcher.utter_message(response="utter_sign_in_code_wrong")
            return {"signin_code": None}
        if result.code == "not_a_code":
            dispatcher.utter_message(response="utter_sign_in_code_missing")
            return {"signin_code": None}
        dispatcher.utter_message(response=CODE_PROBLEMS.get(result.code, "utter_sign_in_code_dead"))
        return {"signin_code": None, "signin_email": None}


class ActionSignInDone(Action):
    """After the form: welcome the parent and go back to what they asked for first."""

    def name(self) -> str:
        return "action_sign_in_done"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events: list[EventType] = [
            SlotSet("signin_email", None),
            SlotSet("signin_code", None),
            SlotSet("after_sign_in", None),
        ]
        if await signed_in_account(tracker) is None:  # stopped by a limit, or no account yet
            if tracker.get_slot("signin_no_account"):
                # keep `after_sign_in`: once the account is active, signing in goes back to it
                forget = [
                    SlotSet("signin_email", None),
                    SlotSet("signin_code", None),
                    SlotSet("signin_no_account", None),
                ]
                return [*forget, next_step("registration_form")]
            return [*events, next_step("done")]
        dispatcher.utter_message(response="utter_sign_in_signed_in")
        flow = str(tracker.get_slot("after_sign_in"))
        if flow in FLOWS_AFTER_SIGN_IN:
            return [*events, next_step(flow)]
        dispatcher.utter_message(response="utter_anything_else")
        return [*events, next_step("done")]


class ActionStopSignIn(StopForm):
    """The parent stopped signing in or asking for a reset link: the form ends, the answers are forgotten."""

    stopped_response = "utter_sign_in_stopped"
    answers = ("signin_email", "signin_code", "reset_email", "after_sign_in")

    def name(self) -> str:
        return "action_stop_sign_in"


class ActionStartPasswordReset(Action):
    """ "I forgot my password": ask for the account email (the form)."""

    def name(self) -> str:
        return "action_start_password_reset"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return [SlotSet("reset_email", None)]


class ValidatePasswordResetForm(FormValidationAction):
    """Any valid address gets the same answer; only an account's owner receives a link."""

    def name(self) -> str:
        return "validate_password_reset_form"

    async def validate_reset_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        email = _email(value)
        if email is None:
            dispatcher.utter_message(response="utter_invalid_email")
            return {"reset_email": None}
        language = tracker.get_slot("language") or DEFAULT_LANGUAGE
        request = partial(request_password_reset, email, conversation_digest(tracker.sender_id), language)
        result = await asyncio.to_thread(request)
        if getattr(result, "code", "sent") == "limited":
            dispatcher.utter_message(response="utter_sign_in_reset_limited")
            return {"reset_email": email}
        dispatcher.utter_message(response="utter_sign_in_reset_requested", reset_email=email)
        return {"reset_email": email}


class ActionPasswordResetDone(Action):
    """After the reset form: the answer was given; forget the address."""

    def name(self) -> str:
        return "action_password_reset_done"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return [SlotSet("reset_email", None)]
