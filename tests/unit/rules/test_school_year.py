"""School years run July 1 to June 30 and are written "2026-27"."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.school_year import SchoolYear


def test_label_and_bounds() -> None:
    year = SchoolYear(2026)
    assert str(year) == year.label == "2026-27"
    assert (year.first_day, year.last_day) == (date(2026, 7, 1), date(2027, 6, 30))
    assert str(SchoolYear(2099)) == "2099-00"
    assert year.next() == SchoolYear(2027) > year


def test_containing() -> None:
    assert SchoolYear.containing(date(2026, 11, 28)) == SchoolYear(2026)
    assert SchoolYear.containing(date(2027, 6, 30)) == SchoolYear(2026)
    assert SchoolYear.containing(date(2027, 7, 1)) == SchoolYear(2027)


def test_parse() -> None:
    assert SchoolYear.parse("2026-27") == SchoolYear(2026)
    assert SchoolYear.parse(" 2026-2027 ") == SchoolYear(2026)
    assert SchoolYear.parse("2026/27") == SchoolYear(2026)
    assert SchoolYear.parse("2026-28") is None
    assert SchoolYear.parse("2026") is None
    assert SchoolYear.parse("next year") is None


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_every_day_belongs_to_the_year_that_contains_it(day: date) -> None:
    year = SchoolYear.containing(day)
    assert year.first_day <= day <= year.last_day
    assert SchoolYear.parse(year.label) == year
