"""The registration form: validators call bot.rules, the account is created by bot.accounts."""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.typed_answers import Corrections, Reader, TypedAnswers
from bot.accounts.registration import RegistrationRequest, register, resend_activation
from bot.core.secrets import conversation_digest
from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rules.answers import extract_digits, extract_email, extract_name, means_no_answer
from bot.rules.corrections import REGISTRATION_FIELD_WORDS, Correction, read_correction
from bot.rules.email_typos import suggested_email
from bot.rules.identity import confirm_email, normalize_email, normalize_name
from bot.rules.name_case import capitalize_name
from bot.rules.typed_answers import fold, read_yes_no

NAME_FIELDS = ("parent_first_name", "parent_middle_name", "parent_last_name")
CORRECTABLE_FIELDS = (*NAME_FIELDS, "parent_email")
Slots = dict[str, Any]


def _name(slot: str, value: Any, dispatcher: CollectingDispatcher) -> Slots:
    outcome = normalize_name(extract_name(str(value or "")))
    if outcome.ok and outcome.value is not None:
        return {slot: capitalize_name(outcome.value)}  # "rosa de la cruz" → "Rosa de la Cruz"
    dispatcher.utter_message(response=f"utter_invalid_name_{outcome.problem}")
    return {slot: None}


def _email_reader(text: str, tracker: Tracker) -> str | None:
    return text if "@" in text else None


def _confirmation_reader(text: str, tracker: Tracker) -> str | None:
    if read_yes_no(text):
        return text
    return text if read_correction(text, REGISTRATION_FIELD_WORDS, marker_needed=False) else None


#: Social words a classifier rightly reads as such, never a name ("thanks" at the name question).
_NOT_NAMES = frozenset(
    {"thanks", "thank you", "thx", "ty", "gracias", "muchas gracias", "hi", "hello", "hey", "hola", "buenas",
     "bye", "adios", "ok", "okay", "help", "ayuda"}
)


def _name_reader(text: str, tracker: Tracker) -> str | None:
    """ "Grace" read as a thank-you is still the name asked for (a name the rules accept)."""
    if read_yes_no(text) or fold(text) in _NOT_NAMES or len(text.split()) > 4:
        return None
    return text if normalize_name(extract_name(text)).ok else None


#: What each question accepts when typed, whatever intent the classifier guessed (issue 16).
REGISTRATION_READERS: dict[str, Reader] = {
    "parent_first_name": _name_reader,
    "parent_last_name": _name_reader,
    "parent_email": _email_reader,
    "parent_email_again": _email_reader,
    "human_check": lambda text, tracker: text if extract_digits(text) else None,
    "registration_confirmed": _confirmation_reader,
}


class ValidateRegistrationForm(Corrections, TypedAnswers, FormValidationAction):
    """One validator per slot: call a rule, name a response on failure."""

    TYPED_READERS = REGISTRATION_READERS
    CORRECTION_FIELDS = REGISTRATION_FIELD_WORDS

    def name(self) -> str:
        return "validate_registration_form"

    def marker_needed(self, tracker: Tracker) -> bool:
        return bool(tracker.get_slot("requested_slot") != "registration_confirmed")

    async def apply_correction(
        self, correction: Correction, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots | None:
        """ "oh wait, my last name is actually Nguyen-Tran": change it, say so, go on."""
        field = correction.field
        slots: Slots = {field: None, "registration_confirmed": None, "correction_pending": None}
        if field == "parent_email":
            slots["parent_email_again"] = None
        locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
        label = catalog().text(f"registration.{field.replace('parent_', 'field_')}", locale).lower()
        validate = getattr(self, f"validate_{field}")
        if correction.new_value:
            result = await validate(correction.new_value, dispatcher, tracker, domain)
            slots.update(result)
            if result.get(field) is not None:
                dispatcher.utter_message(response="utter_registration_changed", field_name=label)
            return slots
        dispatcher.utter_message(response="utter_registration_fix_field", field_name=label)
        return slots

    async def validate_parent_first_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        return _name("parent_first_name", value, dispatcher)

    async def validate_parent_middle_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "deny" or means_no_answer(str(value or "")):
            return {"parent_middle_name": ""}
        return _name("parent_middle_name", value, dispatcher)

    async def validate_parent_last_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        return _name("parent_last_name", value, dispatcher)

    async def validate_parent_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        outcome = normalize_email(extract_email(str(value or "")))
        if outcome.ok:
            return {"parent_email": outcome.value}
        dispatcher.utter_message(response="utter_invalid_email")
        return {"parent_email": None}

    async def validate_parent_email_again(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        first = str(tracker.get_slot("parent_email") or "")
        typed = extract_email(str(value or ""))
        correction = suggested_email(first)
        if correction and normalize_email(typed).value == correction:  # "did you mean …?" confirmed
            return {"parent_email": correction, "parent_email_again": correction}
        outcome = confirm_email(first, typed)
        if outcome.ok:
            return {"parent_email_again": outcome.value}
        if outcome.problem == "mismatch":
            dispatcher.utter_message(response="utter_email_mismatch")
            return {"parent_email": None, "parent_email_again": None}
        dispatcher.utter_message(response="utter_invalid_email")
        return {"parent_email_again": None}

    async def validate_human_check(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        expected = tracker.get_slot("human_check_digits")
        if expected and extract_digits(str(value or "")) == expected:
            return {"human_check": "passed", "human_check_digits": None}
        dispatcher.utter_message(response="utter_wrong_human_check")
        return {"human_check": None}

    async def validate_registration_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = str(value or "")
        typed = read_yes_no(text)  # "ya plz", "sí claro", "nope"
        # "......" or an emoji can come out as affirm: a yes needs words or the button.
        if typed == "yes" or (
            intent == "affirm" and (text.startswith("/") or any(char.isalpha() for char in text))
        ):
            return {"registration_confirmed": "yes"}
        if typed == "no" or intent in {"correct_registration", "deny"}:
            field = next(tracker.get_latest_entity_values("registration_field"), None)
            if field in NAME_FIELDS:  # the email was confirmed already: only the name is asked again
                return {field: None, "registration_confirmed": None}
            if field == "parent_email":
                return {field: None, "parent_email_again": None, "registration_confirmed": None}
            dispatcher.utter_message(response="utter_ask_which_field")
            return {"registration_confirmed": None, "correction_pending": True}
        return {"registration_confirmed": None}


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


class ActionResetRegistration(Action):
    """Forgets the registration answers when the parent stops the form."""

    def name(self) -> str:
        return "action_reset_registration"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        slots = (
            *NAME_FIELDS,
            "parent_email",
            "parent_email_again",
            "human_check",
            "human_check_digits",
            "registration_confirmed",
            "correction_pending",
        )
        return [SlotSet(slot, None) for slot in slots]


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
        response = {
            "parent_first_name": "utter_why_name",
            "parent_middle_name": "utter_why_middle_name",
            "parent_last_name": "utter_why_name",
            "parent_email": "utter_why_email",
            "parent_email_again": "utter_why_email_again",
            "human_check": "utter_why_human_check",
        }.get(str(requested), "utter_why_general")
        dispatcher.utter_message(response=response)
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
