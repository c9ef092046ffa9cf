"""School months and the school calendar data (``bot/policy/school_calendar.yml``).

Provisional enrollment (EC 46603) lasts at most two school months from the first day of
attendance. A school month (EC 37201) is 20 days, or four weeks of five days, *including*
legal holidays, and the district may leave out full weeks of winter recess. So the last
day is the 40th weekday counted from the first day of attendance (day 1 = that day),
holidays counted, excluded (recess) days skipped. It is an estimate the school confirms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from bot.core.data_file import DataFileError, calendar_date, flag, mapping, read_yaml, text
from bot.core.policy import POLICY_DIR, load_policy
from bot.rules.school_year import SchoolYear

DEFAULT_CALENDAR_PATH = POLICY_DIR / "school_calendar.yml"
_SATURDAY = 5


@dataclass(frozen=True)
class InstructionStart:
    """The first day of instruction of a school year, with its source."""

    day: date
    source: str
    verify: bool


@dataclass(frozen=True)
class Recess:
    """A winter recess of whole weeks (Monday ``first`` to Friday ``last``), with its source."""

    first: date
    last: date
    source: str
    verify: bool

    def weekdays(self) -> tuple[date, ...]:
        """The weekdays of the recess: the days a school month skips."""
        span = (self.last - self.first).days + 1
        days = (self.first + timedelta(days=offset) for offset in range(span))
        return tuple(day for day in days if is_weekday(day))


@dataclass(frozen=True)
class SchoolYearCalendar:
    """One school year's calendar facts."""

    school_year: SchoolYear
    instruction_starts: InstructionStart
    winter_recess: Recess

    @property
    def verify(self) -> bool:
        """True when any date of this year must be confirmed with the district."""
        return self.instruction_starts.verify or self.winter_recess.verify


@dataclass(frozen=True)
class SchoolCalendar:
    """The calendar facts of every school year in the data file."""

    years: Mapping[SchoolYear, SchoolYearCalendar]

    def first_day_of_instruction(self, school_year: SchoolYear) -> date | None:
        """The first day of instruction, or None when the file does not cover that year."""
        found = self.years.get(school_year)
        return found.instruction_starts.day if found else None

    def excluded_days(self) -> frozenset[date]:
        """Every winter-recess weekday of every year: days a school month does not count."""
        return frozenset(day for year in self.years.values() for day in year.winter_recess.weekdays())


def is_weekday(day: date) -> bool:
    """Monday to Friday."""
    return day.weekday() < _SATURDAY


def provisional_enrollment_end(
    first_day: date, excluded: Iterable[date] = (), *, weekdays: int | None = None
) -> date:
    """Last day of provisional enrollment: the 40th counted weekday, with ``first_day`` as day 1.

    Weekends and ``excluded`` days are not counted; holidays are. A ``first_day`` that is
    not counted itself (a Saturday, a recess day) starts the count at the next counted day.
    ``weekdays`` defaults to permits.yml (two school months of 20 days).
    """
    remaining = weekdays if weekdays is not None else load_policy().provisional_weekdays
    if remaining < 1:
        raise ValueError("a provisional enrollment lasts at least one day")
    skipped = frozenset(excluded)
    day = first_day
    while True:
        if is_weekday(day) and day not in skipped:
            remaining -= 1
            if remaining == 0:
                return day
        day += timedelta(days=1)


def provisional_enrollment_end_by_calendar(first_day: date, calendar: SchoolCalendar | None = None) -> date:
    """provisional_enrollment_end with the winter recesses of the school calendar skipped."""
    calendar = calendar or load_school_calendar()
    return provisional_enrollment_end(first_day, calendar.excluded_days())


def load_school_calendar(path: Path | str | None = None) -> SchoolCalendar:
    """Load and check the school calendar once per path (cached); ``None`` means the shipped file."""
    return _load_cached(Path(path or DEFAULT_CALENDAR_PATH).resolve())


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> SchoolCalendar:
    return parse_school_calendar(read_yaml(path), where=str(path))


def parse_school_calendar(raw: object, where: str = "school_calendar") -> SchoolCalendar:
    """Build a SchoolCalendar from parsed YAML, raising DataFileError on any defect."""
    years = mapping(mapping(raw, where).get("school_years"), f"{where}.school_years")
    parsed: dict[SchoolYear, SchoolYearCalendar] = {}
    for label, entry in years.items():
        here = f"{where}.school_years.{label}"
        school_year = SchoolYear.parse(label)
        if school_year is None:
            raise DataFileError(f"{here}: not a school year label like 2025-26")
        body = mapping(entry, here)
        start = mapping(body.get("first_day_of_instruction"), f"{here}.first_day_of_instruction")
        recess = mapping(body.get("winter_recess"), f"{here}.winter_recess")
        year = SchoolYearCalendar(
            school_year=school_year,
            instruction_starts=InstructionStart(
                day=calendar_date(start.get("date"), f"{here}.first_day_of_instruction.date"),
                source=text(start.get("source"), f"{here}.first_day_of_instruction.source"),
                verify=flag(start.get("verify", False), f"{here}.first_day_of_instruction.verify"),
            ),
            winter_recess=Recess(
                first=calendar_date(recess.get("first"), f"{here}.winter_recess.first"),
                last=calendar_date(recess.get("last"), f"{here}.winter_recess.last"),
                source=text(recess.get("source"), f"{here}.winter_recess.source"),
                verify=flag(recess.get("verify", False), f"{here}.winter_recess.verify"),
            ),
        )
        _check_year(year, here)
        parsed[school_year] = year
    return SchoolCalendar(years=MappingProxyType(parsed))


def _check_year(year: SchoolYearCalendar, where: str) -> None:
    school_year, recess = year.school_year, year.winter_recess
    for day in (year.instruction_starts.day, recess.first, recess.last):
        if not school_year.first_day <= day <= school_year.last_day:
            raise DataFileError(f"{where}: {day} is outside school year {school_year}")
    if recess.first > recess.last:
        raise DataFileError(f"{where}: winter recess ends before it starts")
    # EC 37201 excludes only full weeks of recess.
    if recess.first.weekday() != 0 or recess.last.weekday() != 4:
        raise DataFileError(f"{where}: winter recess must run from a Monday to a Friday")
