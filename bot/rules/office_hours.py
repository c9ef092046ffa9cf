"""When a person answers: the office's hours (bot/policy/office_hours.yml) and the next opening.

Pure: the caller passes the moment; the hours are read from the data file once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.core import settings
from bot.core.data_file import DataFileError, mapping, read_yaml, text

OFFICE_HOURS_FILE = Path(__file__).resolve().parents[1] / "policy" / "office_hours.yml"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class OfficeHours:
    """Opening and closing times per weekday (Monday = 0) in the office's time zone."""

    time_zone: ZoneInfo
    open_hours: Mapping[int, tuple[time, time]]
    closed_days: frozenset[date]

    def is_open(self, moment: datetime) -> bool:
        """Whether a person answers at `moment` (an aware datetime)."""
        local = moment.astimezone(self.time_zone)
        hours = self.open_hours.get(local.weekday())
        if hours is None or local.date() in self.closed_days:
            return False
        return hours[0] <= local.time() < hours[1]

    def next_opening(self, moment: datetime) -> datetime:
        """The next moment (local, aware) the office opens; `moment` itself when it is open."""
        local = moment.astimezone(self.time_zone)
        if self.is_open(local):
            return local
        for days_ahead in range(0, 15):
            day = local.date() + timedelta(days=days_ahead)
            hours = self.open_hours.get(day.weekday())
            if hours is None or day in self.closed_days:
                continue
            opening = datetime.combine(day, hours[0], tzinfo=self.time_zone)
            if opening > local:
                return opening
        raise DataFileError("office_hours.yml: no opening in the next two weeks")


def _clock_time(value: object, where: str) -> time:
    try:
        return time.fromisoformat(text(value, where))
    except ValueError as error:
        raise DataFileError(f"{where}: expected a time like 08:00") from error


def parse_office_hours(raw: object, where: str = "office_hours") -> OfficeHours:
    """Check and read the office-hours data."""
    body = mapping(raw, where)
    zone = ZoneInfo(text(body.get("time_zone"), f"{where}.time_zone"))
    hours: dict[int, tuple[time, time]] = {}
    for name, day_hours in mapping(body.get("hours"), f"{where}.hours").items():
        if name not in WEEKDAYS:
            raise DataFileError(f"{where}.hours.{name}: expected one of {', '.join(WEEKDAYS)}")
        entry = mapping(day_hours, f"{where}.hours.{name}")
        opens = _clock_time(entry.get("opens"), f"{where}.hours.{name}.opens")
        closes = _clock_time(entry.get("closes"), f"{where}.hours.{name}.closes")
        if closes <= opens:
            raise DataFileError(f"{where}.hours.{name}: closes before it opens")
        hours[WEEKDAYS.index(name)] = (opens, closes)
    closed = body.get("closed_days") or []
    if not isinstance(closed, list) or not all(isinstance(day, date) for day in closed):
        raise DataFileError(f"{where}.closed_days: expected a list of dates like 2026-12-25")
    return OfficeHours(zone, hours, frozenset(closed))


def office_hours() -> OfficeHours:
    """The office hours (OFFICE_HOURS_FILE, else the shipped file), read again when the file
    changes: the district edits it without restarting the servers."""
    path = settings.OFFICE_HOURS_FILE.value() or str(OFFICE_HOURS_FILE)
    status = Path(path).stat()
    return _office_hours_in(path, (status.st_mtime_ns, status.st_size))


@lru_cache(maxsize=4)
def _office_hours_in(path: str, version: tuple[int, int]) -> OfficeHours:
    """The file's hours; `version` (modification time, size) makes an edited file a new entry."""
    return parse_office_hours(read_yaml(Path(path)), path)
