"""Plausibility of a date of birth for the requested grade."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.birthdates import (
    IN_FUTURE,
    NOT_A_DATE,
    TOO_OLD,
    TOO_OLD_FOR_GRADE,
    TOO_YOUNG,
    TOO_YOUNG_FOR_GRADE,
    age_on,
    birthdate_problem,
    read_birthdate,
    reference_day,
    typical_age,
)
from bot.rules.dates import DateReading
from bot.rules.grades import PERMIT_GRADES, Grade
from bot.rules.school_year import SchoolYear

TODAY = date(2026, 11, 28)
YEAR = SchoolYear(2027)


def test_typical_ages() -> None:
    assert (typical_age(Grade.TK), typical_age(Grade.K), typical_age(Grade.G5), typical_age(Grade.G12)) == (
        4,
        5,
        10,
        17,
    )
    assert reference_day(YEAR) == date(2027, 9, 1)


def test_age_on() -> None:
    assert age_on(date(2015, 3, 3), date(2027, 9, 1)) == 12
    assert age_on(date(2015, 9, 1), date(2027, 9, 1)) == 12
    assert age_on(date(2015, 9, 2), date(2027, 9, 1)) == 11
    assert age_on(date(2016, 2, 29), date(2027, 2, 28)) == 10
    assert age_on(date(2016, 2, 29), date(2027, 3, 1)) == 11


def test_examples() -> None:
    # Born March 3, 2015: 12 on Sept 1, 2027, typical for 7th grade.
    born = date(2015, 3, 3)
    assert birthdate_problem(born, Grade.G7, YEAR, today=TODAY) is None
    assert birthdate_problem(born, Grade.G5, YEAR, today=TODAY) is None  # two years out: still plausible
    assert birthdate_problem(born, Grade.G4, YEAR, today=TODAY) == TOO_OLD_FOR_GRADE
    assert birthdate_problem(born, Grade.G10, YEAR, today=TODAY) == TOO_YOUNG_FOR_GRADE
    assert birthdate_problem(born, Grade.K, YEAR, today=TODAY) == TOO_OLD_FOR_GRADE
    assert birthdate_problem(date(2023, 5, 1), Grade.TK, YEAR, today=TODAY) is None  # 4 on Sept 1, 2027
    assert birthdate_problem(date(2026, 1, 1), Grade.TK, YEAR, today=TODAY) == TOO_YOUNG
    assert birthdate_problem(date(2026, 1, 1), None, YEAR, today=TODAY) == TOO_YOUNG
    assert birthdate_problem(date(2027, 1, 1), None, YEAR, today=TODAY) == IN_FUTURE
    assert birthdate_problem(date(2005, 1, 1), None, YEAR, today=TODAY) == TOO_OLD
    assert birthdate_problem(date(2006, 9, 1), None, YEAR, today=TODAY) is None  # exactly 21


@given(st.sampled_from(PERMIT_GRADES), st.integers(min_value=-2, max_value=2), st.integers(0, 364))
def test_within_two_years_of_the_typical_age_is_plausible(grade: Grade, offset: int, days_after: int) -> None:
    age = typical_age(grade) + offset
    born = date(2027 - age - 1, 9, 2) + timedelta(days=days_after)
    born = min(born, date(2027 - age, 9, 1))
    assert age_on(born, reference_day(YEAR)) == age
    problem = birthdate_problem(born, grade, YEAR, today=TODAY)
    assert problem in (None, IN_FUTURE, TOO_YOUNG)
    if born <= TODAY and age >= 2:
        assert problem is None


@given(st.sampled_from(PERMIT_GRADES), st.dates(min_value=date(2000, 1, 1), max_value=TODAY))
def test_outside_the_tolerance_names_the_direction(grade: Grade, born: date) -> None:
    problem = birthdate_problem(born, grade, YEAR, today=TODAY)
    age = age_on(born, reference_day(YEAR))
    if problem == TOO_YOUNG_FOR_GRADE:
        assert age < typical_age(grade) - 2
    elif problem == TOO_OLD_FOR_GRADE:
        assert age > typical_age(grade) + 2
    elif problem is None:
        assert abs(age - typical_age(grade)) <= 2


@given(st.dates(min_value=TODAY.replace(day=29), max_value=date(2040, 1, 1)), st.sampled_from(PERMIT_GRADES))
def test_never_in_the_future(born: date, grade: Grade) -> None:
    assert birthdate_problem(born, grade, YEAR, today=TODAY) == IN_FUTURE


def test_read_birthdate_parses_then_checks() -> None:
    assert read_birthdate("3 de marzo de 2015", Grade.G7, YEAR, today=TODAY).value == DateReading(
        date(2015, 3, 3)
    )
    assert read_birthdate("March 3, 2015", Grade.K, YEAR, today=TODAY).problem == TOO_OLD_FOR_GRADE
    assert read_birthdate("el año pasado", Grade.K, YEAR, today=TODAY).problem == NOT_A_DATE
    assert read_birthdate("1/1/2026", None, YEAR, today=TODAY).problem == TOO_YOUNG
    assert (
        read_birthdate("12/1/2026", None, YEAR, today=TODAY).problem == IN_FUTURE
    )  # Dec 1 or Jan 12: both fail


def test_read_birthdate_keeps_a_real_ambiguity_for_the_bot_to_ask() -> None:
    outcome = read_birthdate("04/03/2015", Grade.G7, YEAR, today=TODAY)
    assert outcome.value == DateReading(date(2015, 4, 3), day_first=date(2015, 3, 4))


def test_read_birthdate_takes_the_only_plausible_reading() -> None:
    # "10/03/2020" is Oct 3 or March 10, 2020. On Sept 1, 2022 the first child is 1 (too young
    # for TK), the second is 2 (plausible): the plausible reading is taken, no question asked.
    year = SchoolYear(2022)
    outcome = read_birthdate("10/03/2020", Grade.TK, year, today=date(2022, 9, 1))
    assert outcome.value == DateReading(date(2020, 3, 10))
