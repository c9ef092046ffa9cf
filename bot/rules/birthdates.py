"""Is a student's date of birth plausible, on its own and for the requested grade?

Ages are taken on September 1 of the school year, California's kindergarten cut-off
(EC 48000): a kindergartner is typically 5 on that day, a TK pupil 4, grade g is g + 5.
A child two years either side of that is still plausible (held back, skipped ahead);
further out, the bot asks the parent to check the date or the grade.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from bot.rules.codes import Outcome
from bot.rules.dates import DateReading, parse_date
from bot.rules.grades import Grade
from bot.rules.school_year import SchoolYear

NOT_A_DATE: Final = "not_a_date"
IN_FUTURE: Final = "in_future"
TOO_OLD: Final = "too_old"
TOO_YOUNG: Final = "too_young"
TOO_YOUNG_FOR_GRADE: Final = "too_young_for_grade"
TOO_OLD_FOR_GRADE: Final = "too_old_for_grade"

#: Plausible distance, in years, from the typical age for a grade.
AGE_TOLERANCE: Final = 2
#: Oldest plausible K-12 student on the school-year reference day (adult students go elsewhere).
MAX_STUDENT_AGE: Final = 21
_REFERENCE_MONTH, _REFERENCE_DAY = 9, 1


def age_on(born: date, day: date) -> int:
    """Completed years of age on ``day`` (a Feb 29 birthday counts from Mar 1 in other years)."""
    years = day.year - born.year
    return years - 1 if (day.month, day.day) < (born.month, born.day) else years


def reference_day(school_year: SchoolYear) -> date:
    """September 1 of the school year: the day grade ages are measured on."""
    return date(school_year.start_year, _REFERENCE_MONTH, _REFERENCE_DAY)


def typical_age(grade: Grade) -> int:
    """Typical age on September 1 for a grade: TK 4, K 5, grade g is g + 5."""
    return int(grade) + 5


def birthdate_problem(born: date, grade: Grade | None, school_year: SchoolYear, *, today: date) -> str | None:
    """The first problem with a date of birth for a request, or None when plausible.

    Codes: in_future (after ``today``), too_old (over MAX_STUDENT_AGE on September 1),
    too_young (younger than any TK pupil), too_young_for_grade / too_old_for_grade (more
    than AGE_TOLERANCE years from the grade's typical age on September 1).
    """
    if born > today:
        return IN_FUTURE
    age = age_on(born, reference_day(school_year))
    if age > MAX_STUDENT_AGE:
        return TOO_OLD
    if age < typical_age(Grade.TK) - AGE_TOLERANCE:
        return TOO_YOUNG
    if grade is None:
        return None
    expected = typical_age(grade)
    if age < expected - AGE_TOLERANCE:
        return TOO_YOUNG_FOR_GRADE
    if age > expected + AGE_TOLERANCE:
        return TOO_OLD_FOR_GRADE
    return None


def read_birthdate(
    text: str, grade: Grade | None, school_year: SchoolYear, *, today: date
) -> Outcome[DateReading]:
    """Parse a typed date of birth and check it: the whole job of a form validator.

    Problems: not_a_date, or birthdate_problem's codes. When a slash date reads both ways
    ("04/03/2015") and only one reading is plausible, that reading is taken; when both
    are, the value stays ambiguous (``day_first`` set) so the bot can ask which one.
    """
    reading = parse_date(text, today=today)
    if reading is None:
        return Outcome(problem=NOT_A_DATE)
    problem = birthdate_problem(reading.value, grade, school_year, today=today)
    if reading.day_first is not None:
        other_problem = birthdate_problem(reading.day_first, grade, school_year, today=today)
        if problem is not None and other_problem is None:
            return Outcome(value=DateReading(reading.day_first))
        if other_problem is not None:
            reading = DateReading(reading.value)
    if problem is not None:
        return Outcome(problem=problem)
    return Outcome(value=reading)
