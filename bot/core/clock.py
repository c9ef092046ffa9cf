"""The one clock: UTC for stored moments, Los Angeles for the district's dates.

``PERMITS_TODAY`` (YYYY-MM-DD) fixes the district's date for demonstrations and tests;
``OFFICE_HOURS_NOW`` fixes the moment a hand-off judges the office's hours against.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from bot.core import settings

DISTRICT_TIME_ZONE = ZoneInfo("America/Los_Angeles")


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(timezone.utc)


def office_now() -> datetime:
    """The moment the office's hours are judged against (a hand-off: open or closed?): the
    clock, or OFFICE_HOURS_NOW (ISO 8601 with its offset) in demonstrations and tests."""
    fixed = settings.OFFICE_HOURS_NOW.value()
    if fixed:
        return as_utc(datetime.fromisoformat(fixed))
    return utc_now()


def as_utc(moment: datetime) -> datetime:
    """``moment`` as aware UTC. Databases hand back the UTC times we store without their zone
    (SQLite), so a naive moment is read as UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def district_today() -> date:
    """Today in Los Angeles (or PERMITS_TODAY)."""
    fixed = settings.PERMITS_TODAY.value()
    if fixed:
        return date.fromisoformat(fixed)
    return datetime.now(DISTRICT_TIME_ZONE).date()


def district_date(moment: datetime) -> date:
    """The Los Angeles date of a stored moment."""
    return as_utc(moment).astimezone(DISTRICT_TIME_ZONE).date()
