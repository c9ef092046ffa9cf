"""Where does my application stand? A confirmation number plus a second factor (issue #6)."""

from __future__ import annotations

import asyncio
import re
from functools import partial
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.entities import entity_text
from actions.handoff import hand_over
from actions.session import next_step, signed_in_account
from actions.stopping import StopForm
from actions.typed_answers import DontKnow, TypedAnswers
from bot.applications.lookup import AnswerCode, look_up_status
from bot.applications.queries import applications_of
from bot.applications.status_words import status_answer_text
from bot.core.policy import load_policy
from bot.core.secrets import conversation_digest
from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE
from bot.privacy.tracker_events import personal_values
from bot.rules.answers import extract_email
from bot.rules.confirmation import CONFIRMATION_NUMBER_REGEX, parse_confirmation_number
from bot.rules.corrections import APPLICATION_FIELD_WORDS, read_correction
from bot.rules.identity import normalize_email

Slots = dict[str, Any]
_NUMBER = re.compile(CONFIRMATION_NUMBER_REGEX)


def email_in(text: str) -> str | None:
    """An email address written in `text` (normalised), or None."""
    outcome = normalize_email(extract_email(text))
    return outcome.value if outcome.ok and "@" in text else None


def number_in(text: str) -> str | None:
    """A valid confirmation number written anywhere in `text` (forgiving), or None."""
    whole = parse_confirmation_number(text)
    if whole:
        return whole
    for match in _NUMBER.finditer(text):
        parsed = parse_confirmation_number(match.group(0))
        if parsed:
            return parsed
    return None


class ActionStartStatusCheck(Action):
    """Signed in without a number: every application of the account. Otherwise the status form."""

    def name(self) -> str:
        return "action_start_status_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = str(tracker.latest_message.get("text") or "")
        entity = next(tracker.get_latest_entity_values("confirmation_number"), "")
        number = number_in(str(entity or "")) or number_in(text)
        if number and read_correction(text, APPLICATION_FIELD_WORDS, marker_needed=True):
            # "I already applied (LA-…) and put the wrong birth date": how a submitted answer is fixed
            locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
            email = load_policy().contacts.email
            dispatcher.utter_message(
                text=catalog().text("status_chat_lines.fix_after_submission", locale, contact_email=email)
            )
        account = await signed_in_account(tracker)
        if account is not None and number is None:
            locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
            briefs = await asyncio.to_thread(applications_of, account)
            if not briefs:
                dispatcher.utter_message(response="utter_status_no_applications")
            for brief in briefs:
                answer = await asyncio.to_thread(
                    partial(
                        look_up_status,
                        conversation_digest(tracker.sender_id),
                        brief.confirmation_number,
                        account_id=account,
                    )
                )
                dispatcher.utter_message(
                    response="utter_status_answer",
                    status_text=status_answer_text(answer, locale),
                    **personal_values(answer.student_first_name),  # masked in the tracker store
                )
            return [next_step("done")]
        return [SlotSet("status_number", number), SlotSet("status_birthdate", None), next_step("status_form")]


class ValidateStatusForm(DontKnow, TypedAnswers, FormValidationAction):
    """The number is checked by bot.rules.confirmation; the date is checked by the lookup itself."""

    #: A pasted number ("la y0z7 y9jw a") is the answer, even when the classifier read "check status".
    TYPED_READERS = {
        "status_number": lambda text, tracker: number_in(text) or (text if email_in(text) else None),
        "status_birthdate": lambda text, tracker: text if any(char.isdigit() for char in text) else None,
    }

    def name(self) -> str:
        return "validate_status_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        if tracker.get_slot("signin_email"):  # the account's email instead of a number: sign in
            return []
        return (
            ["status_number"]
            if await signed_in_account(tracker) is not None
            else ["status_number", "status_birthdate"]
        )

    async def validate_status_number(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        number = number_in(str(value or ""))
        email = email_in(str(value or ""))
        if number is None and email:  # "I want to see my applications" → the account's email
            return {"status_number": None, "signin_email": email, "requested_slot": None}
        if number is None:
            dispatcher.utter_message(response="utter_status_bad_number")
            return {"status_number": None}
        return {"status_number": number}

    async def validate_status_birthdate(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = (entity_text(tracker, "date") or str(value or "")).strip()
        if not text:
            return {"status_birthdate": None}
        return {"status_birthdate": text[:80]}


class ActionAnswerStatus(Action):
    """Looks the application up (limited and recorded) and says where it stands, or the one "not found"."""

    def name(self) -> str:
        return "action_answer_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if not tracker.get_slot("status_number") and tracker.get_slot("signin_email"):
            # the parent gave the account's email: sign in (the form sends the code for the address
            # it is given), then every application of the account
            return [SlotSet("after_sign_in", "status"), FollowupAction("sign_in_form")]
        locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
        account = await signed_in_account(tracker)
        answer = await asyncio.to_thread(
            partial(
                look_up_status,
                conversation_digest(tracker.sender_id),
                str(tracker.get_slot("status_number") or ""),
                tracker.get_slot("status_birthdate"),
                account_id=account,
            )
        )
        dispatcher.utter_message(
            response="utter_status_answer",
            status_text=status_answer_text(answer, locale),
            # "y q papeles me faltan?" next is about this application (actions.faq.missing_in_play)
            missing_documents=",".join(answer.missing_documents),
            **personal_values(answer.student_first_name),  # masked in the tracker store
        )
        if answer.code == AnswerCode.LIMITED:  # the bot cannot finish this: a person can
            await hand_over(dispatcher, tracker, "unfinished")
        if answer.code == AnswerCode.NOT_FOUND and tracker.get_slot("status_birthdate"):
            # "ay perdón, es el 15 de marzo" next tries the same number again (actions.out_of_context)
            return [SlotSet("status_birthdate", None)]
        return [SlotSet("status_number", None), SlotSet("status_birthdate", None)]


class ActionStopStatus(StopForm):
    """The parent stopped the status check: the form ends and forgets the number and the date."""

    stopped_response = "utter_status_stopped"
    answers = ("status_number", "status_birthdate")

    def name(self) -> str:
        return "action_stop_status"
