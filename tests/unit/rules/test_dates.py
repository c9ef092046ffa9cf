"""Dates typed in English or Spanish."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.dates import parse_date

TODAY = date(2026, 11, 28)
EN_MONTHS = "January February March April May June July August September October November December".split()
ES_MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()


@pytest.mark.parametrize(
    "typed",
    [
        "March 3, 2015",
        "Mar 3 2015",
        "Mar. 3rd, 2015",
        "3 March 2015",
        "Tuesday, March 3, 2015",
        "3 de marzo de 2015",
        "3 de marzo del 2015",
        "3 de Marzo de 2015",
        "marzo 3 2015",
        "marzo 3, 2015",
        "martes 3 de marzo de 2015",
        "03/03/2015",
        "3/3/15",
        "3-3-2015",
        "3.3.2015",
        "3 / 3 / 2015",
        "2015-03-03",
        "2015/3/3",
    ],
)
def test_the_same_day_in_every_form(typed: str) -> None:
    reading = parse_date(typed, today=TODAY)
    assert reading is not None
    assert (reading.value, reading.ambiguous) == (date(2015, 3, 3), False)


def test_spanish_with_and_without_accents_and_ordinals() -> None:
    assert parse_date("1ro de marzo de 2015", today=TODAY).value == date(2015, 3, 1)  # type: ignore[union-attr]
    assert parse_date("1º de marzo de 2015", today=TODAY).value == date(2015, 3, 1)  # type: ignore[union-attr]
    assert parse_date("sábado 7 de febrero de 2015", today=TODAY).value == date(2015, 2, 7)  # type: ignore[union-attr]
    assert parse_date("miercoles 1 de Diciembre del 2021", today=TODAY).value == date(2021, 12, 1)  # type: ignore[union-attr]


def test_slash_dates_are_us_style_and_ambiguity_is_flagged() -> None:
    reading = parse_date("04/03/2015", today=TODAY)
    assert reading is not None
    assert reading.value == date(2015, 4, 3)
    assert reading.day_first == date(2015, 3, 4) and reading.ambiguous
    # Only one reading is a date: no question to ask.
    unambiguous = parse_date("25/12/2015", today=TODAY)
    assert unambiguous is not None and unambiguous.value == date(2015, 12, 25) and not unambiguous.ambiguous


def test_two_digit_years() -> None:
    assert parse_date("3/3/15", today=TODAY).value == date(2015, 3, 3)  # type: ignore[union-attr]
    assert parse_date("8/13/27", today=TODAY).value == date(2027, 8, 13)  # type: ignore[union-attr]
    assert parse_date("3/3/99", today=TODAY).value == date(1999, 3, 3)  # type: ignore[union-attr]


def test_relative_words() -> None:
    assert parse_date("today", today=TODAY).value == TODAY  # type: ignore[union-attr]
    assert parse_date("Hoy", today=TODAY).value == TODAY  # type: ignore[union-attr]
    assert parse_date("ayer", today=TODAY).value == date(2026, 11, 27)  # type: ignore[union-attr]
    assert parse_date("mañana", today=TODAY).value == date(2026, 11, 29)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "typed",
    ["", "March 2015", "3 3 2015", "February 30, 2015", "13/13/2015", "3/3", "marzo", "next Tuesday",
     "3 de marzo de 15", "March 3 and 4, 2015", "0/0/2015", "3/3/1800", "x" * 200],
)  # fmt: skip
def test_not_a_date(typed: str) -> None:
    assert parse_date(typed, today=TODAY) is None


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@given(days)
def test_every_written_form_reads_back(day: date) -> None:
    forms = [
        f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{EN_MONTHS[day.month - 1][:3]} {day.day} {day.year}",
        f"{day.day} de {ES_MONTHS[day.month - 1]} de {day.year}",
        f"{day.day} de {ES_MONTHS[day.month - 1].upper()} del {day.year}",
        f"{ES_MONTHS[day.month - 1]} {day.day} {day.year}",
        day.isoformat(),
        f"{day.month:02d}/{day.day:02d}/{day.year}",
        f"{day.month}/{day.day}/{day.year % 100:02d}",
    ]
    for form in forms:
        reading = parse_date(form, today=TODAY)
        assert reading is not None, form
        assert reading.value == day, form


@given(days)
def test_ambiguous_exactly_when_both_readings_are_dates(day: date) -> None:
    reading = parse_date(f"{day.month}/{day.day}/{day.year}", today=TODAY)
    assert reading is not None
    assert reading.ambiguous == (day.day <= 12 and day.day != day.month)


@given(st.text(max_size=40))
def test_never_crashes(text: str) -> None:
    parse_date(text, today=TODAY)
