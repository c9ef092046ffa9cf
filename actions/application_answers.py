"""What the application form reads from typed answers, and what the parent may fix: the readers
for each question (issue 16), the answers a correction clears, and the "which answer?" buttons."""

from __future__ import annotations

import json
from datetime import date

from rasa_sdk import Tracker

from actions.typed_answers import Reader
from bot.applications.questions import all_reason_questions, form_questions
from bot.core.facts import long_date
from bot.core.text import catalog
from bot.rules.application_answers import free_text_answer, read_direction
from bot.rules.corrections import APPLICATION_FIELD_WORDS, read_correction
from bot.rules.grades import parse_grade
from bot.rules.reason_words import read_reason
from bot.rules.typed_answers import read_yes_no


def _free_text_reader(text: str, tracker: Tracker) -> str | None:
    return free_text_answer(text).value


def _grade_reader(text: str, tracker: Tracker) -> str | None:
    grade = parse_grade(text)
    return grade.code if grade is not None else None


def _reason_reader(text: str, tracker: Tracker) -> str | None:
    return read_reason(text, tracker.get_slot("app_direction"))


#: What each question accepts when typed, whatever intent the classifier guessed (issue 16).
APPLICATION_READERS: dict[str, Reader] = {
    "app_direction": lambda text, tracker: read_direction(text),
    "app_reason": _reason_reader,
    "student_grade": _grade_reader,
    "release_in_hand": lambda text, tracker: read_yes_no(text),
    "application_confirmed": lambda text, tracker: read_yes_no(text)
    or (text if read_correction(text, APPLICATION_FIELD_WORDS, marker_needed=False) else None),
    **{
        slot: _free_text_reader
        for slot in (
            "student_first_name",
            "student_last_name",
            "residence_district",
            "requested_district",
            "requested_school",
            "work_address",
            *all_reason_questions(),  # employer, sibling, provider, program, the story: free text
        )
    },
}


#: A button of "what do you want to fix?" names a field; fixing it clears the answers that depend on it.
CORRECTABLE = {
    "student_first_name": ("student_first_name",),
    "student_last_name": ("student_last_name",),
    "student_grade": ("student_grade", "student_birthdate"),
    "student_birthdate": ("student_birthdate",),
    "requested_school": ("requested_school", "requested_school_cds"),
    "residence_district": ("residence_district", "residence_district_cds"),
    "requested_district": (
        "requested_district",
        "requested_district_cds",
        "requested_school",
        "requested_school_cds",
    ),
    "app_reason": ("app_reason", *all_reason_questions()),
    "release_in_hand": ("release_in_hand",),
    **{
        slot: (slot,)
        for slot in ("employer_name", "work_address", "sibling_name", "sibling_school", "childcare_provider")
    },
}


def field_label(tracker: Tracker, field: str) -> str:
    return catalog().text(f"application.field.{field}", tracker.get_slot("language") or "en")


def field_value(tracker: Tracker, field: str, value: str) -> str:
    """A changed answer as the summary shows it: "3rd grade", "August 12, 2015", the reason's name."""
    locale = tracker.get_slot("language") or "en"
    if field == "student_grade":
        return catalog().text(f"application.grade_name.{value}", locale)
    if field == "student_birthdate":
        return long_date(catalog(), locale, date.fromisoformat(value))
    if field == "app_reason":
        return catalog().text(f"reasons.{value}.name", locale)
    return value


def fix_buttons(tracker: Tracker) -> list[dict[str, str]]:
    """The answers this application has, as buttons: an outgoing one offers the district wanted,
    reason answers are offered by name, fields that do not apply are not offered."""
    locale = tracker.get_slot("language") or "en"
    asked = form_questions(
        tracker.get_slot("app_direction"), tracker.get_slot("app_reason"), ask_school_year=False
    )
    shown = [slot for slot in asked if slot in CORRECTABLE]
    return [
        {
            "title": catalog().text(
                f"application.field.{'district' if slot.endswith('_district') else slot}", locale
            ),
            "payload": json_payload("inform", {"app_field": slot}),
        }
        for slot in shown
    ]


def json_payload(intent: str, entities: dict[str, str]) -> str:
    """A button payload that sets entities: /inform{"app_field": "student_grade"}."""
    return f"/{intent}{json.dumps(entities)}"
