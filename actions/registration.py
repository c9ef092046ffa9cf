"""The registration form: validators call bot.rules, the account is created by bot.accounts."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.typed_answers import Corrections, Reader, TypedAnswers
from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rules.answers import extract_digits, extract_email, extract_name, means_no_answer
from bot.rules.corrections import REGISTRATION_FIELD_WORDS, Correction, read_correction
from bot.rules.email_typos import suggested_email
from bot.rules.identity import confirm_email, normalize_email, normalize_name
from bot.rules.name_case import capitalize_name
from bot.rules.parent_asks import looks_like_question
from bot.rules.typed_answers import fold, read_yes_no

NAME_FIELDS = ("parent_first_name", "parent_middle_name", "parent_last_name")
#: Why the registration asks each question ("pa q quieren mi nombre?", "y eso es obligatorio?").
WHY_WE_ASK = {
    "parent_first_name": "utter_why_name",
    "parent_middle_name": "utter_why_middle_name",
    "parent_last_name": "utter_why_name",
    "parent_email": "utter_why_email",
    "parent_email_again": "utter_why_email_again",
    "human_check": "utter_why_human_check",
}
CORRECTABLE_FIELDS = (*NAME_FIELDS, "parent_email")
Slots = dict[str, Any]


def _name(slot: str, value: Any, dispatcher: CollectingDispatcher) -> Slots:
    text = str(value or "")
    outcome = normalize_name(extract_name(text))
    if outcome.ok and outcome.value is not None:
        return {slot: capitalize_name(outcome.value)}  # "rosa de la cruz" → "Rosa de la Cruz"
    if looks_like_question(text):  # "y eso es obligatorio?": answered, not refused as a name
        dispatcher.utter_message(response=WHY_WE_ASK[slot])
        return {slot: None}
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
    {
        "thanks",
        "thank you",
        "thx",
        "ty",
        "gracias",
        "muchas gracias",
        "hi",
        "hello",
        "hey",
        "hola",
        "buenas",
        "bye",
        "adios",
        "ok",
        "okay",
        "help",
        "ayuda",
    }
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
