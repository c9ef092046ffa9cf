"""Which school year an application is for: the windows open today, and the year buttons."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.core.clock import district_today
from bot.core.codes import Direction
from bot.core.facts import long_date
from bot.core.policy import load_policy
from bot.core.text import catalog
from bot.rules.school_year import SchoolYear
from bot.rules.windows import application_window

Slots = dict[str, Any]


def school_year_of(tracker: Tracker) -> SchoolYear:
    """The school year applied for (set when the direction was answered)."""
    return SchoolYear.parse(str(tracker.get_slot("app_school_year") or "")) or SchoolYear.containing(
        district_today()
    )


def long_day(locale: str, day: date) -> str:
    return long_date(catalog(), locale, day)


def open_school_years(direction: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """Which school year the application is for; stops the form when no window is open."""
    today = district_today()
    current = SchoolYear.containing(today)
    late_reasons = load_policy().windows.closing[Direction(direction)]
    years = []
    for year in (current, current.next()):
        window = application_window(Direction(direction), year, today)
        excepted = late_reasons is not None and any(
            application_window(Direction(direction), year, today, reason).is_open
            for reason in late_reasons.except_reasons
        )
        if window.is_open or excepted:
            years.append(str(year))
    if not years:
        opens = application_window(Direction(direction), current.next(), today).opens
        locale = tracker.get_slot("language") or "en"
        dispatcher.utter_message(response="utter_application_window_closed", opens=long_day(locale, opens))
        return {"requested_slot": None, "app_direction": None, "app_stopped": True}
    if len(years) == 1:
        return {"app_school_year": years[0], "app_years_open": None}
    return {"app_school_year": None, "app_years_open": " ".join(years)}


def year_buttons(years: list[str]) -> list[dict[str, str]]:
    """One button per school year offered ("2026-27"); the payload is the year, typed back."""
    buttons = []
    for year in years:
        parsed = SchoolYear.parse(year)
        buttons.append({"title": parsed.label if parsed else year, "payload": year})
    return buttons
