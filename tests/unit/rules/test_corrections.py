"""Corrections in the parent's words (issue 16)."""

import pytest

from bot.rules.corrections import (
    APPLICATION_FIELD_WORDS,
    REGISTRATION_FIELD_WORDS,
    Correction,
    named_fields,
    read_correction,
)
from bot.rules.grades import parse_grade


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("oh wait, my last name is actually Nguyen-Tran", "parent_last_name", "Nguyen-Tran"),
        ("perdón, mi apellido es Ruiz", "parent_last_name", "Ruiz"),
        ("my email is wrong, it's ana.ruiz@example.com", "parent_email", "ana.ruiz@example.com"),
        ("the first name is wrong", "parent_first_name", None),
        ("sorry my first name should be Rosa María", "parent_first_name", "Rosa María"),
    ],
)
def test_registration_corrections(text, field, value):
    assert read_correction(text, REGISTRATION_FIELD_WORDS) == Correction(field, value)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("the employer is wrong, it's Hospital Brotman", "employer_name", "Hospital Brotman"),
        ("her last name is actually Nguyen-Tran, not Nguyen", "student_last_name", "Nguyen-Tran"),
        ("the school is wrong", "requested_school", None),
        ("wrong district", "district", None),
        ("el motivo esta mal", "app_reason", None),
    ],
)
def test_application_corrections(text, field, value):
    assert read_correction(text, APPLICATION_FIELD_WORDS) == Correction(field, value)


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("the grade is wrong, she will be in 3rd grade", "3"),
        ("she is in 3rd grade, not 2nd", "3"),
        ("she is not in 2nd, she is in 3rd grade", "3"),
        ("esta en tercero no en segundo grado, perdon", "3"),
    ],
)
def test_grade_corrections_carry_the_new_grade(text, grade):
    found = read_correction(text, APPLICATION_FIELD_WORDS, marker_needed=False)
    assert found is not None and found.field == "student_grade"
    assert found.new_value is not None
    parsed = parse_grade(found.new_value)
    assert parsed is not None and parsed.code == grade


def test_an_answer_is_not_a_correction_inside_a_form():
    assert read_correction("her school is Franklin High", APPLICATION_FIELD_WORDS) is None
    assert read_correction("hello", APPLICATION_FIELD_WORDS) is None


def test_a_spanish_date_correction_with_me_equivoque_and_the_wrong_year_dropped():
    from bot.rules.birthdates import read_birthdate  # noqa: F401 - the form reads the value with it
    from bot.rules.corrections import APPLICATION_FIELD_WORDS, read_correction

    found = read_correction(
        "me equivoque en la fecha, nacio el 12 de agosto de 2015 no 2016", APPLICATION_FIELD_WORDS
    )
    assert found is not None and found.field == "student_birthdate"
    assert found.new_value is not None and "2015" in found.new_value and "2016" not in found.new_value


def test_two_grades_with_one_taken_back_correct_the_grade_without_naming_it():
    from bot.rules.corrections import APPLICATION_FIELD_WORDS, Correction, read_correction

    assert read_correction("perdon esta en tercero no en segundo", APPLICATION_FIELD_WORDS) == Correction(
        "student_grade", "3"
    )


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("mi apellído está mal", [("parent_last_name", "apellído")]),
        ("cambiar EMAIL porfa", [("parent_email", "EMAIL")]),
        ("quiero editar el correo electronico", [("parent_email", "correo electronico")]),
        ("no tengo segundo nombre, quitalo", [("parent_middle_name", "segundo nombre")]),
        ("el apeido tiene un error", [("parent_last_name", "apeido")]),
        ("my e-mail address is wrong", [("parent_email", "e-mail address")]),
        ("cambiar mi mail.", [("parent_email", "mail")]),
        (
            "the middle initial and the last name",
            [("parent_middle_name", "middle initial"), ("parent_last_name", "last name")],
        ),
        (
            "mi nombre esta bien pero el correo no",
            [("parent_first_name", "nombre"), ("parent_email", "correo")],
        ),
        ("no, es maria@mail.com", []),  # the address is an email entity of its own
        ("my mailbox is full", []),
        ("nombramiento", []),
    ],
)
def test_the_fields_a_correction_names_and_where(text, named):
    """What the NLU marks as `registration_field` in a correction (bot.nlu.rule_entities): the
    words as typed, in reading order, the most specific reading of each place."""
    found = named_fields(text, REGISTRATION_FIELD_WORDS)
    assert [(field, text[start:end]) for field, start, end in found] == named
