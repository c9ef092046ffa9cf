"""Validators of the application's places: the district of residence and the requested school.

Names are matched forgivingly by bot.schools (CDE directory); the parent confirms a near match by
tapping it. An incoming permit cannot go to a whole-school magnet, nor to a school without the grade.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.entities import entity_text, latest_entity
from actions.free_text_answers import free_text_slot
from bot.core.codes import Direction
from bot.rules.eligibility import GRADE_NOT_OFFERED, MAGNET_SCHOOL, magnet_status, school_eligibility
from bot.rules.grades import Grade
from bot.schools.lookup import district_by_cds, find_district, find_lausd_school, school_by_cds

Slots = dict[str, Any]
LAUSD_NAME = "Los Angeles Unified"
CAVEATS = {
    "magnet_program_residents_only": "utter_application_school_magnet_program",
    "grades_unknown": "utter_application_school_grades_unknown",
}


def choice_buttons(candidates: Sequence[Any], entity: str) -> list[dict[str, str]]:
    """One button per candidate; the payload carries its CDE code."""
    return [
        {
            "title": f"{c.name} ({c.city})" if getattr(c, "city", "") else c.name,
            "payload": f'/inform{{"{entity}": "{c.cds}"}}',
        }
        for c in candidates[:5]
    ]


class PlaceValidators:
    """Mixed into ValidateApplicationForm."""

    async def validate_residence_district(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return _district("residence_district", value, dispatcher, tracker)

    async def validate_requested_district(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return _district("requested_district", value, dispatcher, tracker)

    async def validate_requested_school(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        direction = str(tracker.get_slot("app_direction") or "incoming")
        if (
            direction == "outgoing"
        ):  # a school of another district: its name as written, checked by that district
            return {**free_text_slot("requested_school", value, dispatcher), "requested_school_cds": None}
        chosen = latest_entity(tracker, "school_cds")
        school = school_by_cds(chosen) if chosen else None
        if school is None:
            match = _named_or_typed(find_lausd_school, entity_text(tracker, "school"), str(value or ""))
            if match.verdict == "none" or not match.candidates:
                dispatcher.utter_message(response="utter_application_school_none")
                return {"requested_school": None}
            if match.verdict != "exact":
                dispatcher.utter_message(
                    response="utter_application_school_choose",
                    buttons=choice_buttons(match.candidates, "school_cds"),
                )
                return {"requested_school": None}
            school = match.candidates[0]
        grade = Grade.from_code(str(tracker.get_slot("student_grade") or "K"))
        verdict = school_eligibility(
            Direction(direction), grade, school.grades_offered, magnet_status(school.magnet_flag, school.name)
        )
        if MAGNET_SCHOOL in verdict.refusals:
            dispatcher.utter_message(response="utter_application_school_magnet", school=school.name)
            return {"requested_school": None}
        if GRADE_NOT_OFFERED in verdict.refusals:
            dispatcher.utter_message(
                response="utter_application_school_grade", school=school.name, grade=grade.code
            )
            return {"requested_school": None}
        for caveat in verdict.caveats:
            dispatcher.utter_message(response=CAVEATS[caveat], school=school.name)
        return {"requested_school": school.name, "requested_school_cds": school.cds}


def _district(slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    chosen = latest_entity(tracker, "district_cds")
    district = district_by_cds(chosen) if chosen else None
    if district is None:
        match = _named_or_typed(find_district, entity_text(tracker, "district"), str(value or ""))
        if match.verdict == "none" or not match.candidates:
            dispatcher.utter_message(response="utter_application_district_none")
            return {slot: None}
        if match.verdict != "exact":
            dispatcher.utter_message(
                response="utter_application_district_choose",
                buttons=choice_buttons(match.candidates, "district_cds"),
            )
            return {slot: None}
        district = match.candidates[0]
    if district.name == LAUSD_NAME:
        if slot == "residence_district":
            dispatcher.utter_message(response="utter_application_district_is_lausd")
        else:
            dispatcher.utter_message(response="utter_application_district_none")
        return {slot: None}
    return {slot: district.name, f"{slot}_cds": district.cds}


def _named_or_typed(find: Callable[[str], Any], named: str | None, typed: str) -> Any:
    """The match for the whole answer when it is a school's exact name ("Carthay Elementary Of
    Environmental Studies Magnet"), else for the name NLU found in it ("he goes to [Venice High]
    now"), else for the whole answer."""
    whole = find(typed)
    if whole.verdict == "exact" or not named or named.strip() == typed.strip():
        return whole  # the whole answer is a school's exact name: NLU's part of it is not better
    match = find(named)
    if match.verdict != "none" and match.candidates:
        return match
    return whole
