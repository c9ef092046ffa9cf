"""Starting, summarising and submitting the permit application (issue #5)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.application_answers import CORRECTABLE
from actions.entities import latest_entity
from actions.request_details import GIVEN_SLOT, keep, kept_details
from actions.school_years import open_school_years, year_buttons
from actions.session import next_step, require_sign_in, signed_in_account
from actions.stopping import StopForm
from bot.applications.questions import all_reason_questions
from bot.applications.submission import ApplicationDraft, submit_application
from bot.core.clock import district_today
from bot.core.codes import Direction
from bot.core.facts import long_date
from bot.core.policy import load_policy
from bot.core.text import catalog
from bot.language.detection import DEFAULT_LANGUAGE
from bot.rules.application_answers import read_direction
from bot.rules.checklist import checklist
from bot.rules.parent_asks import asks_about_timing, asks_rather_than_requests
from bot.rules.school_year import SchoolYear
from bot.rules.windows import WindowState, application_windows
from bot.uploads.service import upload_link

logger = logging.getLogger(__name__)
REASON_ANSWERS = all_reason_questions()
FORM_SLOTS = (
    "app_direction",
    "app_school_year",
    "app_years_open",
    "student_first_name",
    "student_last_name",
    "student_grade",
    "student_birthdate",
    "residence_district",
    "residence_district_cds",
    "requested_district",
    "requested_district_cds",
    "requested_school",
    "requested_school_cds",
    "app_reason",
    *{slot for slots in CORRECTABLE.values() for slot in slots},
    "release_in_hand",
    "application_confirmed",
    "app_fixing",
    "app_stopped",
    GIVEN_SLOT,
)


def reset_events() -> list[EventType]:
    """Forget every answer of the application form."""
    return [SlotSet(slot, None) for slot in dict.fromkeys(FORM_SLOTS)]


class ActionStartApplication(Action):
    """ "I want to apply": sign in first if needed, then a fresh application with its own key."""

    def name(self) -> str:
        return "action_start_application"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = str(tracker.latest_message.get("text") or "")
        if asks_rather_than_requests(text):  # "wen can i aply?": answer it, offer to start
            timing = asks_about_timing(text)
            dispatcher.utter_message(response="utter_application_dates" if timing else "utter_how_to_apply")
            dispatcher.utter_message(response="utter_offer_application")
            return [next_step("done"), keep(kept_details(tracker, read_direction(text)))]
        said = latest_entity(tracker, "permit_direction") or read_direction(text)
        direction = said or tracker.get_slot("permit_direction")
        details = kept_details(tracker, direction)  # "we live in Burbank": not asked again (issue 16)
        if direction in ("incoming", "outgoing") and refused_early(
            Direction(direction), details.get("reason"), dispatcher, tracker
        ):
            details.pop("reason")
            return [next_step("done"), keep(details), SlotSet("permit_direction", direction)]
        given = keep(details)
        if await signed_in_account(tracker) is None:  # the direction said now is kept for after it
            return [
                *require_sign_in(dispatcher, "apply"),
                *([SlotSet("permit_direction", said)] if said else []),
                given,
            ]
        events = [*reset_events(), SlotSet("application_key", uuid.uuid4().hex), given]
        dispatcher.utter_message(response="utter_application_intro")
        if direction in ("incoming", "outgoing"):
            slots = open_school_years(direction, dispatcher, tracker)
            if slots.get("app_stopped"):
                return [*events, SlotSet("permit_direction", None), next_step("done")]
            events += [SlotSet("app_direction", direction), *(SlotSet(k, v) for k, v in slots.items())]
        return [*events, SlotSet("permit_direction", None), next_step("application_form")]


def refused_early(
    direction: Direction, reason: str | None, dispatcher: CollectingDispatcher, tracker: Tracker
) -> bool:
    """A reason named with the request that no open window takes is refused before any question,
    with the day requests for it open again and an offer to apply for another reason (issue 16)."""
    if reason is None or not load_policy().is_reason(reason, direction):
        return False
    today = district_today()
    windows = application_windows(direction, today, reason)
    if any(window.is_open for window in windows):
        return False
    upcoming = [window.opens for window in windows if window.state == WindowState.NOT_YET_OPEN]
    if not upcoming:
        return False
    locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
    dispatcher.utter_message(
        response="utter_application_reason_closed_early",
        reason_name=catalog().text(f"reasons.{reason}.name", locale),
        opens=long_date(catalog(), locale, min(upcoming)),
    )
    dispatcher.utter_message(response="utter_offer_application")
    return True


class ActionAskApplicationConfirmed(Action):
    """Shows every answer and asks to submit or fix one (unless the parent is choosing the fix)."""

    def name(self) -> str:
        return "action_ask_application_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot("app_fixing"):
            return []
        locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
        dispatcher.utter_message(response="utter_application_summary", **summary_values(tracker, locale))
        return []


def summary_values(tracker: Tracker, locale: str) -> dict[str, str]:
    """The placeholders of the summary, written in the parent's language."""
    text = catalog().text
    direction = str(tracker.get_slot("app_direction"))
    year = SchoolYear.parse(str(tracker.get_slot("app_school_year") or ""))
    born = tracker.get_slot("student_birthdate")
    reason = str(tracker.get_slot("app_reason"))
    extras = [
        text(f"application.summary_line.{slot}", locale, value=tracker.get_slot(slot))
        for slot in REASON_ANSWERS
        if tracker.get_slot(slot)
    ]
    if tracker.get_slot("release_in_hand"):
        answer = text(f"application.button.{tracker.get_slot('release_in_hand')}", locale)
        extras.append(text("application.summary_line.release_in_hand", locale, value=answer))
    district = (
        tracker.get_slot("residence_district")
        if direction == "incoming"
        else tracker.get_slot("requested_district")
    )
    return {
        "direction_name": text(f"application.direction_name.{direction}", locale),
        "school_year": year.label if year else "",
        "student": f"{tracker.get_slot('student_first_name')} {tracker.get_slot('student_last_name')}",
        "grade_name": text(f"application.grade_name.{tracker.get_slot('student_grade')}", locale),
        "birthdate": long_date(catalog(), locale, date.fromisoformat(born)) if born else "",
        "school": str(tracker.get_slot("requested_school") or ""),
        "district_line": text(f"application.summary_line.district_{direction}", locale, value=district),
        "reason_name": text(f"reasons.{reason}.name", locale),
        "details": "\n".join(extras),
    }


class ActionSubmitApplication(Action):
    """Stores the application once (its key), then gives the number, the documents and the upload link."""

    def name(self) -> str:
        return "action_submit_application"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        key = str(tracker.get_slot("application_key") or uuid.uuid4().hex)
        try:
            account = await signed_in_account(tracker)  # checked against the database too
            if tracker.get_slot("application_confirmed") != "yes" or account is None:
                return [*reset_events(), next_step("done")]
            submission = await asyncio.to_thread(submit_application, draft_from(tracker, account), key)
        except Exception:  # the database is down: nothing was written; the same key retries safely
            logger.exception("Application not stored")
            dispatcher.utter_message(response="utter_application_not_saved")
            return [
                SlotSet("application_key", key),
                SlotSet("application_confirmed", None),
                next_step("application_form"),
            ]
        direction, reason = (
            Direction(str(tracker.get_slot("app_direction"))),
            str(tracker.get_slot("app_reason")),
        )
        locale = tracker.get_slot("language") or DEFAULT_LANGUAGE
        documents = [
            catalog().text(f"documents.{item.code}", locale) for item in checklist(direction, reason)
        ]
        dispatcher.utter_message(
            response="utter_application_submitted", confirmation_number=submission.confirmation_number
        )
        dispatcher.utter_message(
            response="utter_application_documents",
            document_list="\n".join(catalog().text("format.bullet", locale, item=name) for name in documents),
            upload_link=upload_link(submission.application_id),
        )
        return [
            *reset_events(),
            SlotSet("application_key", None),
            SlotSet("confirmation_number", submission.confirmation_number),
            next_step("done"),
        ]


def draft_from(tracker: Tracker, account_id: int) -> ApplicationDraft:
    """The answers in the slots as an application draft."""
    direction = str(tracker.get_slot("app_direction"))
    answers = {slot: str(tracker.get_slot(slot)) for slot in REASON_ANSWERS if tracker.get_slot(slot)}
    if direction == "outgoing":
        answers["requested_district"] = str(tracker.get_slot("requested_district") or "")
    return ApplicationDraft(
        account_id=account_id,
        language=tracker.get_slot("language") or DEFAULT_LANGUAGE,
        direction=direction,
        reason=str(tracker.get_slot("app_reason")),
        school_year=str(tracker.get_slot("app_school_year")),
        student_first_name=str(tracker.get_slot("student_first_name")),
        student_last_name=str(tracker.get_slot("student_last_name")),
        student_birthdate=date.fromisoformat(str(tracker.get_slot("student_birthdate"))),
        grade=str(tracker.get_slot("student_grade")),
        requested_school_name=str(tracker.get_slot("requested_school")),
        requested_school_cds=tracker.get_slot("requested_school_cds"),
        residence_district_name=str(tracker.get_slot("residence_district") or "Los Angeles Unified")
        if direction == "incoming"
        else "Los Angeles Unified",
        residence_district_cds=tracker.get_slot("residence_district_cds")
        if direction == "incoming"
        else None,
        release_in_hand=tracker.get_slot("release_in_hand") == "yes",
        answers=answers,
    )


class ActionStopApplication(StopForm):
    """The parent stopped the application: the form ends and forgets the answers."""

    stopped_response = "utter_application_stopped"

    def name(self) -> str:
        return "action_stop_application"

    def forgotten(self, tracker: Tracker) -> list[EventType]:
        return [*reset_events(), SlotSet("application_key", None)]


class ActionAskAppSchoolYear(Action):
    """Two school years are open: ask which one, with a button per year."""

    def name(self) -> str:
        return "action_ask_app_school_year"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        offered = str(tracker.get_slot("app_years_open") or "").split()
        dispatcher.utter_message(response="utter_ask_app_school_year", buttons=year_buttons(offered))
        return []
