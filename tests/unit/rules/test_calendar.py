"""Provisional enrollment: two school months = 40 counted weekdays, winter recess skipped."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.core.data_file import DataFileError
from bot.rules.calendar import (
    DEFAULT_CALENDAR_PATH,
    is_weekday,
    load_school_calendar,
    parse_school_calendar,
    provisional_enrollment_end,
    provisional_enrollment_end_by_calendar,
)
from bot.rules.school_year import SchoolYear

RECESS_2025 = [date(2025, 12, 22) + timedelta(days=offset) for offset in range(12)]


def test_worked_examples() -> None:
    assert provisional_enrollment_end(date(2025, 9, 8)) == date(2025, 10, 31)
    assert provisional_enrollment_end(date(2025, 11, 3)) == date(2025, 12, 26)  # Thanksgiving counts
    assert provisional_enrollment_end(date(2025, 11, 3), RECESS_2025) == date(2026, 1, 9)


def test_with_the_shipped_calendar() -> None:
    assert provisional_enrollment_end_by_calendar(date(2025, 11, 3)) == date(2026, 1, 9)
    assert provisional_enrollment_end_by_calendar(date(2025, 9, 8)) == date(2025, 10, 31)


def test_a_first_day_on_a_weekend_counts_from_monday() -> None:
    assert provisional_enrollment_end(date(2025, 9, 6)) == provisional_enrollment_end(date(2025, 9, 8))


def test_length_can_be_given() -> None:
    assert provisional_enrollment_end(date(2025, 9, 8), weekdays=1) == date(2025, 9, 8)
    assert provisional_enrollment_end(date(2025, 9, 8), weekdays=5) == date(2025, 9, 12)
    with pytest.raises(ValueError):
        provisional_enrollment_end(date(2025, 9, 8), weekdays=0)


def counted_days(first: date, last: date, excluded: frozenset[date]) -> int:
    span = (last - first).days + 1
    return sum(
        1
        for day in (first + timedelta(days=n) for n in range(span))
        if is_weekday(day) and day not in excluded
    )


weekday_starts = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)).filter(is_weekday)
# Excluded days as offsets from the first day, so that they fall inside the counted span.
excluded_offsets = st.frozensets(st.integers(min_value=1, max_value=90), max_size=40)


@given(weekday_starts, excluded_offsets)
def test_always_exactly_40_counted_weekdays_never_a_weekend(first: date, offsets: frozenset[int]) -> None:
    excluded = frozenset(first + timedelta(days=offset) for offset in offsets)
    end = provisional_enrollment_end(first, excluded)
    assert is_weekday(end) and end not in excluded
    assert counted_days(first, end, excluded) == 40
    assert end >= provisional_enrollment_end(first)  # skipping days only moves the end later


@given(weekday_starts)
def test_without_exclusions_it_is_the_last_weekday_of_eight_weeks(first: date) -> None:
    last = first + timedelta(weeks=8, days=-1)
    while not is_weekday(last):
        last -= timedelta(days=1)
    assert provisional_enrollment_end(first) == last


@given(weekday_starts, weekday_starts)
def test_a_later_start_never_ends_earlier(first: date, second: date) -> None:
    early, late = sorted((first, second))
    assert provisional_enrollment_end(early) <= provisional_enrollment_end(late)


def test_shipped_calendar_is_marked_for_verification() -> None:
    calendar = load_school_calendar()
    assert calendar is load_school_calendar()
    assert SchoolYear(2025) in calendar.years
    year = calendar.years[SchoolYear(2025)]
    assert year.instruction_starts.day == date(2025, 8, 14)
    assert (year.winter_recess.first, year.winter_recess.last) == (date(2025, 12, 22), date(2026, 1, 2))
    assert len(year.winter_recess.weekdays()) == 10
    assert all(entry.verify and entry.instruction_starts.source for entry in calendar.years.values())
    assert calendar.first_day_of_instruction(SchoolYear(2025)) == date(2025, 8, 14)
    assert calendar.first_day_of_instruction(SchoolYear(1999)) is None
    assert set(RECESS_2025) & calendar.excluded_days() == {day for day in RECESS_2025 if is_weekday(day)}


def raw_calendar() -> dict[str, dict[str, dict[str, dict[str, object]]]]:
    loaded = yaml.safe_load(DEFAULT_CALENDAR_PATH.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.mark.parametrize(
    ("year", "part", "key", "value", "message"),
    [
        ("2025-26", "winter_recess", "first", date(2025, 12, 23), "Monday to a Friday"),
        ("2025-26", "winter_recess", "last", date(2026, 1, 1), "Monday to a Friday"),
        ("2025-26", "winter_recess", "last", date(2025, 12, 12), "ends before"),
        ("2025-26", "first_day_of_instruction", "date", date(2025, 6, 30), "outside school year"),
        ("2025-26", "first_day_of_instruction", "date", "August 14", "expected a date"),
        ("2025-26", "first_day_of_instruction", "source", "", "non-empty string"),
        ("2025-26", "winter_recess", "verify", "yes", "true or false"),
    ],
)
def test_bad_calendar_edits_fail(year: str, part: str, key: str, value: object, message: str) -> None:
    raw = raw_calendar()
    raw["school_years"][year][part][key] = value
    with pytest.raises(DataFileError, match=message):
        parse_school_calendar(raw)


def test_a_bad_year_label_fails(tmp_path: Path) -> None:
    raw = raw_calendar()
    raw["school_years"]["2025-27"] = raw["school_years"].pop("2025-26")
    path = tmp_path / "calendar.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(DataFileError, match="school year label"):
        load_school_calendar(path)
