"""The permit application form: one validator per answer, each calling bot.rules (issue #5)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application_answers import (
    APPLICATION_READERS,
    CORRECTABLE,
    field_label,
    field_value,
    fix_buttons,
)
from actions.application_places import PlaceValidators
from actions.entities import entity_text, latest_entity
from actions.free_text_answers import free_text_slot
from actions.request_details import GIVEN_SLOT, GivenDetails, encode, kept_details
from actions.school_years import long_day, open_school_years, school_year_of, year_buttons
from actions.typed_answers import Corrections, DontKnow, TypedAnswers
from bot.applications.questions import all_reason_questions, form_questions
from bot.core.clock import district_today
from bot.core.codes import Direction
from bot.core.policy import load_policy
from bot.rules.answers import extract_name
from bot.rules.application_answers import read_direction, work_address
from bot.rules.birthdates import read_birthdate
from bot.rules.corrections import APPLICATION_FIELD_WORDS, Correction
from bot.rules.grades import Grade, parse_grade
from bot.rules.identity import normalize_name
from bot.rules.name_case import capitalize_name
from bot.rules.parent_asks import asks_what_it_means, looks_like_question
from bot.rules.reason_words import read_reason
from bot.rules.school_year import SchoolYear
from bot.rules.typed_answers import read_yes_no
from bot.rules.windows import application_window

Slots = dict[str, Any]


def latest_intent(tracker: Tracker) -> str | None:
    """The intent of the parent's last message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


class ValidateApplicationForm(
    DontKnow, Corrections, GivenDetails, TypedAnswers, PlaceValidators, FormValidationAction
):
    """Asks what the direction and reason need; validators name a response on a bad answer."""

    TYPED_READERS = APPLICATION_READERS
    CORRECTION_FIELDS = APPLICATION_FIELD_WORDS

    def marker_needed(self, tracker: Tracker) -> bool:
        return bool(tracker.get_slot("requested_slot") != "application_confirmed")

    async def apply_correction(
        self, correction: Correction, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots | None:
        direction = tracker.get_slot("app_direction")
        field = correction.field
        if field == "district":
            field = "requested_district" if direction == "outgoing" else "residence_district"
        if field not in CORRECTABLE or (
            field in all_reason_questions()
            and field not in form_questions(direction, tracker.get_slot("app_reason"), ask_school_year=False)
        ):
            return None
        slots: Slots = {slot: None for slot in CORRECTABLE[field]}
        slots.update(application_confirmed=None, app_fixing=None)
        label = field_label(tracker, "district" if field.endswith("_district") else field)
        validate = getattr(self, f"validate_{field}", None)
        if correction.new_value and validate is not None:
            # the date already answered, not this message taken as the answer to the date question
            just_typed = "student_birthdate" in tracker.slots_to_validate()
            kept_birthdate = None if just_typed else tracker.get_slot("student_birthdate")
            result = await validate(correction.new_value, dispatcher, tracker, domain)
            if result.get(field) is not None:
                slots.update(result)
                if field == "student_grade" and kept_birthdate:  # the date is checked against the grade
                    tracker.slots["student_grade"] = result[field]
                    slots.update(
                        await self.validate_student_birthdate(kept_birthdate, dispatcher, tracker, domain)
                    )
                shown = field_value(tracker, field, str(result[field]))
                dispatcher.utter_message(
                    response="utter_application_changed", field_name=label, new_value=shown
                )
                return slots
            return slots
        dispatcher.utter_message(response="utter_application_fix_field", field_name=label)
        return slots

    def name(self) -> str:
        return "validate_application_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        direction = tracker.get_slot("app_direction")
        reason = tracker.get_slot("app_reason")
        return form_questions(direction, reason, ask_school_year=bool(tracker.get_slot("app_years_open")))

    async def validate_app_direction(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        direction = latest_entity(tracker, "permit_direction") or read_direction(str(value or ""))
        if direction not in ("incoming", "outgoing"):
            dispatcher.utter_message(response="utter_application_direction")
            return {"app_direction": None}
        # "es pa q entre a una escuela de LAUSD, vivimos en pasadena": the district is not asked again
        given = {GIVEN_SLOT: encode(kept_details(tracker, direction))}
        return {"app_direction": direction, **open_school_years(direction, dispatcher, tracker), **given}

    async def validate_app_school_year(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        chosen = SchoolYear.parse(str(value or "").strip().lstrip("/"))
        offered = str(tracker.get_slot("app_years_open") or "").split()
        if chosen is None or str(chosen) not in offered:
            dispatcher.utter_message(response="utter_ask_app_school_year", buttons=year_buttons(offered))
            return {"app_school_year": None}
        return {"app_school_year": str(chosen)}

    async def validate_student_first_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return _name("student_first_name", value, dispatcher)

    async def validate_student_last_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return _name("student_last_name", value, dispatcher)

    async def validate_student_grade(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        grade = parse_grade(str(value or "")) or parse_grade(latest_entity(tracker, "grade") or "")
        if grade is None or grade < Grade.TK:
            dispatcher.utter_message(response="utter_application_grade")
            return {"student_grade": None}
        return {"student_grade": grade.code}

    async def validate_student_birthdate(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        grade_code = tracker.get_slot("student_grade")
        grade = Grade.from_code(grade_code) if grade_code else None
        written = entity_text(tracker, "date") or str(value or "")
        outcome = read_birthdate(written, grade, school_year_of(tracker), today=district_today())
        if outcome.value is None:
            dispatcher.utter_message(response=f"utter_application_birthdate_{outcome.problem}")
            return {"student_birthdate": None}
        reading = outcome.value
        if reading.day_first is not None:
            locale = tracker.get_slot("language") or "en"
            dispatcher.utter_message(
                response="utter_application_birthdate_ambiguous",
                first=long_day(locale, reading.value),
                second=long_day(locale, reading.day_first),
            )
            return {"student_birthdate": None}
        return {"student_birthdate": reading.value.isoformat()}

    async def validate_app_reason(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        direction = Direction(str(tracker.get_slot("app_direction") or "incoming"))
        typed = str(value or "")
        reason = latest_entity(tracker, "permit_reason") or (
            typed if load_policy().is_reason(typed, direction) else read_reason(typed, direction)
        )
        if reason is None or not load_policy().is_reason(reason, direction):
            dispatcher.utter_message(response="utter_application_reason")
            return {"app_reason": None}
        window = application_window(direction, school_year_of(tracker), district_today(), reason)
        if not window.is_open:
            upcoming = application_window(direction, window.school_year.next(), district_today(), reason)
            locale = tracker.get_slot("language") or "en"
            dispatcher.utter_message(
                response="utter_application_reason_closed",
                permit_reason=reason,
                opens=long_day(locale, upcoming.opens),
            )
            return {"app_reason": None}
        return {"app_reason": reason}

    async def validate_work_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        outcome = work_address(str(value or ""))
        if outcome.value is None:
            key = (
                f"work_address_{outcome.problem}"
                if outcome.problem in ("po_box", "no_street_number")
                else f"answer_{outcome.problem}"
            )
            dispatcher.utter_message(response=f"utter_application_{key}")
            return {"work_address": None}
        return {"work_address": outcome.value}

    async def validate_release_in_hand(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = str(value or "")
        answer = read_yes_no(text)
        # "y eso dónde lo pido?" is not a yes, and "no sé q es eso" is not a no: the release explained
        if answer is None and (looks_like_question(text) or asks_what_it_means(text)):
            dispatcher.utter_message(response="utter_release")
            return {"release_in_hand": None}
        answer = answer or _yes_no_intent(tracker)
        if answer:
            return {"release_in_hand": answer}
        dispatcher.utter_message(response="utter_application_yes_no")
        return {"release_in_hand": None}

    async def validate_application_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent = latest_intent(tracker)
        text = str(value or "")
        typed = read_yes_no(text)
        if typed is None and looks_like_question(text) and not text.startswith("/"):
            return {"application_confirmed": None}  # a question is not "submit it": the summary again
        if typed == "yes" or (
            intent == "affirm" and (text.startswith("/") or any(char.isalpha() for char in text))
        ):
            return {"application_confirmed": "yes"}
        if typed == "no" or intent == "deny":
            dispatcher.utter_message(response="utter_ask_which_answer", buttons=fix_buttons(tracker))
            return {"application_confirmed": None, "app_fixing": True}
        field = latest_entity(tracker, "app_field")
        if field in CORRECTABLE:
            return {
                "application_confirmed": None,
                "app_fixing": None,
                **{slot: None for slot in CORRECTABLE[field]},
            }
        if tracker.get_slot("app_fixing"):  # "Which answer?" answered with something else: show the choices
            dispatcher.utter_message(response="utter_ask_which_answer", buttons=fix_buttons(tracker))
            return {"application_confirmed": None, "app_fixing": True}
        return {"application_confirmed": None}

    async def validate_employer_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return free_text_slot("employer_name", value, dispatcher)

    async def validate_sibling_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return free_text_slot("sibling_name", value, dispatcher)

    async def validate_sibling_school(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return free_text_slot("sibling_school", value, dispatcher)

    async def validate_childcare_provider(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return free_text_slot("childcare_provider", value, dispatcher)

    async def validate_program_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return free_text_slot("program_name", value, dispatcher)

    async def validate_current_school(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return free_text_slot("current_school", value, dispatcher)

    async def validate_reason_explanation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return free_text_slot("reason_explanation", value, dispatcher)


def _yes_no_intent(tracker: Tracker) -> str | None:
    intent = latest_intent(tracker)
    return {"affirm": "yes", "deny": "no"}.get(str(intent))


def _name(slot: str, value: Any, dispatcher: CollectingDispatcher) -> Slots:
    outcome = normalize_name(extract_name(str(value or "")))
    if outcome.ok and outcome.value is not None:
        return {slot: capitalize_name(outcome.value)}  # "jessica ramirez" → "Jessica Ramirez"
    dispatcher.utter_message(response=f"utter_invalid_name_{outcome.problem}")
    return {slot: None}
