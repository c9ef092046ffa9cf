"""The application form: each answer checked by the rules, with the reply a parent reads on a problem."""

import asyncio
from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application_form import ValidateApplicationForm


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERMITS_TODAY", "2026-11-28")


def tracker(text: str, intent: str = "inform", entities: list | None = None, **slots) -> Tracker:
    message = {"text": text, "intent": {"name": intent}, "entities": entities or []}
    return Tracker(
        "t", {"language": "en", **slots}, message, [], False, None, {"name": "application_form"}, None
    )


def validate(
    slot: str, value: str, entities: list | None = None, intent: str = "inform", **slots
) -> tuple[dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    method = getattr(ValidateApplicationForm(), f"validate_{slot}")
    result = asyncio.run(method(value, dispatcher, tracker(value, intent, entities, **slots), {}))
    return result, dispatcher.messages


def responses(messages: list[dict]) -> list[str]:
    return [m["response"] for m in messages]


def test_the_questions_follow_the_direction_and_the_reason() -> None:
    form = ValidateApplicationForm()
    asked = asyncio.run(
        form.required_slots(
            [],
            CollectingDispatcher(),
            tracker("", app_direction="incoming", app_reason="parent_employment"),
            {},
        )
    )
    assert asked[-5:] == [
        "app_reason",
        "employer_name",
        "work_address",
        "release_in_hand",
        "application_confirmed",
    ]
    asked = asyncio.run(
        form.required_slots(
            [], CollectingDispatcher(), tracker("", app_direction="outgoing", app_reason="sibling"), {}
        )
    )
    assert "requested_district" in asked and "release_in_hand" not in asked and "sibling_school" in asked


def test_an_incoming_permit_today_is_for_the_current_school_year() -> None:
    result, _ = validate("app_direction", "/inform", [{"entity": "permit_direction", "value": "incoming"}])
    assert result["app_direction"] == "incoming" and result["app_school_year"] == "2026-27"


def test_outgoing_in_november_is_open_only_for_parent_employment() -> None:
    result, _ = validate("app_direction", "I want to leave LAUSD")
    assert result["app_direction"] == "outgoing"
    slots = {"app_direction": "outgoing", "app_school_year": result["app_school_year"]}
    refused, messages = validate(
        "app_reason", "/inform", [{"entity": "permit_reason", "value": "sibling"}], **slots
    )
    assert refused == {"app_reason": None} and responses(messages) == ["utter_application_reason_closed"]
    accepted, _ = validate(
        "app_reason", "/inform", [{"entity": "permit_reason", "value": "parent_employment"}], **slots
    )
    assert accepted == {"app_reason": "parent_employment"}


def test_grades_and_dates_of_birth() -> None:
    assert validate("student_grade", "5th grade")[0] == {"student_grade": "5"}
    assert validate("student_grade", "quinto")[0] == {"student_grade": "5"}
    assert responses(validate("student_grade", "banana")[1]) == ["utter_application_grade"]
    slots = {"student_grade": "5", "app_school_year": "2026-27"}
    assert validate("student_birthdate", "March 14, 2016", **slots)[0] == {"student_birthdate": "2016-03-14"}
    assert validate("student_birthdate", "14 de marzo de 2016", **slots)[0] == {
        "student_birthdate": "2016-03-14"
    }
    _, messages = validate("student_birthdate", "March 14, 2024", **slots)
    assert responses(messages) == ["utter_application_birthdate_too_young_for_grade"]
    assert responses(validate("student_birthdate", "soon", **slots)[1]) == [
        "utter_application_birthdate_not_a_date"
    ]


def test_a_whole_school_magnet_is_refused_for_an_incoming_permit_and_a_choice_is_offered() -> None:
    slots = {"app_direction": "incoming", "student_grade": "10"}
    result, messages = validate("requested_school", "eagle rock", **slots)
    assert result == {"requested_school": None}
    assert responses(messages) == ["utter_application_school_choose"]
    assert {"Eagle Rock High (Los Angeles)", "Eagle Rock Elementary (Los Angeles)"} <= {
        b["title"] for b in messages[0]["buttons"]
    }
    result, messages = validate("requested_school", "Hollywood High", **slots)
    assert result["requested_school"] == "Hollywood Senior High"
    assert responses(messages) == [
        "utter_application_school_magnet_program"
    ]  # a comprehensive school with a magnet


def test_a_school_without_the_grade_is_refused() -> None:
    result, messages = validate(
        "requested_school", "Hollywood High", app_direction="incoming", student_grade="3"
    )
    assert result == {"requested_school": None}
    assert responses(messages) == ["utter_application_school_grade"]


def test_districts_of_residence() -> None:
    assert validate("residence_district", "compton usd")[0] == {
        "residence_district": "Compton Unified",
        "residence_district_cds": validate("residence_district", "Compton Unified")[0][
            "residence_district_cds"
        ],
    }
    assert responses(validate("residence_district", "LAUSD")[1]) == ["utter_application_district_is_lausd"]
    assert responses(validate("residence_district", "qwertyuiop")[1]) == ["utter_application_district_none"]


def test_the_work_address_is_a_street_address() -> None:
    assert responses(validate("work_address", "PO Box 12, LA")[1]) == [
        "utter_application_work_address_po_box"
    ]
    assert validate("work_address", "4867 Sunset Blvd")[0] == {"work_address": "4867 Sunset Blvd"}


def test_fixing_an_answer_clears_it_and_what_depends_on_it() -> None:
    result, messages = validate("application_confirmed", "no", intent="deny")
    assert result == {"application_confirmed": None, "app_fixing": True}
    assert responses(messages) == ["utter_ask_which_answer"]
    result, _ = validate(
        "application_confirmed", "/inform", [{"entity": "app_field", "value": "student_grade"}]
    )
    assert result["student_grade"] is None and result["student_birthdate"] is None
    assert validate("application_confirmed", "yes!", intent="affirm")[0] == {"application_confirmed": "yes"}


def test_the_school_year_buttons_and_the_default() -> None:
    from actions.school_years import year_buttons

    assert year_buttons(["2026-2027", "2027-2028"]) == [
        {"title": "2026-27", "payload": "2026-2027"},
        {"title": "2027-28", "payload": "2027-2028"},
    ]
    assert date(2026, 11, 28)  # PERMITS_TODAY fixes the district's today in these tests


def entity(text: str, name: str, written: str, value: str | None = None) -> dict:
    start = text.index(written)
    return {"entity": name, "start": start, "end": start + len(written), "value": value or written}


def test_answers_written_as_sentences_are_read_from_their_entities() -> None:
    slots = {"student_grade": "5", "app_school_year": "2026-27"}
    said = "she was born on March 14 2016 in Tijuana"
    found = [entity(said, "date", "March 14 2016", "2016-03-14")]
    assert validate("student_birthdate", said, found, **slots)[0] == {"student_birthdate": "2016-03-14"}
    # Without the entity the sentence is not one date: the parent is asked again.
    assert responses(validate("student_birthdate", said, **slots)[1]) == [
        "utter_application_birthdate_not_a_date"
    ]
    said = "nacio el 4/3/2016 en Guadalajara"  # the written date keeps its ambiguity check
    _, messages = validate(
        "student_birthdate", said, [entity(said, "date", "4/3/2016", "2016-04-03")], **slots
    )
    assert responses(messages) == ["utter_application_birthdate_ambiguous"]
    said = "right now he goes to the Hollywood High with his cousins"
    result, _ = validate(
        "requested_school",
        said,
        [entity(said, "school", "Hollywood High")],
        app_direction="incoming",
        student_grade="10",
    )
    assert result["requested_school"] == "Hollywood Senior High"
    said = "we live in compton, by the swap meet"
    assert (
        validate("residence_district", said, [entity(said, "district", "compton")])[0]["residence_district"]
        == "Compton Unified"
    )


def test_student_names_are_capitalised_as_people_write_them() -> None:
    assert validate("student_first_name", "jessica")[0] == {"student_first_name": "Jessica"}
    assert validate("student_last_name", "de la cruz ramírez")[0] == {
        "student_last_name": "de la Cruz Ramírez"
    }
    assert validate("student_last_name", "McDonald")[0] == {"student_last_name": "McDonald"}


def test_a_magnet_typed_in_full_is_refused_even_when_nlu_found_only_part_of_the_name() -> None:
    typed = "Carthay Elementary of Environmental Studies Magnet"
    part = [{"entity": "school", "value": "Carthay Elementary", "start": 0, "end": 18}]
    result, messages = validate("requested_school", typed, part, app_direction="incoming", student_grade="K")
    assert result == {"requested_school": None}
    assert responses(messages) == ["utter_application_school_magnet"]
