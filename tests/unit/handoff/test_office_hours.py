"""Office hours in Los Angeles time, and what the parent is told when the conversation queues."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.core.data_file import DataFileError
from bot.core.text import Catalog
from bot.helpdesk.handoff_words import opening_words
from bot.rules.handoff import queued_message
from bot.rules.office_hours import office_hours, parse_office_hours

UTC = timezone.utc


def test_the_office_is_open_on_weekday_mornings_in_los_angeles_not_in_utc():
    hours = office_hours()
    # Tuesday 2026-12-08 09:00 in Los Angeles is 17:00 UTC.
    assert hours.is_open(datetime(2026, 12, 8, 17, 0, tzinfo=UTC))
    # Tuesday 08:00 UTC is Monday night in Los Angeles.
    assert not hours.is_open(datetime(2026, 12, 8, 8, 0, tzinfo=UTC))


def test_after_friday_closing_the_next_opening_is_monday_morning():
    hours = office_hours()
    friday_evening = datetime(2026, 12, 12, 1, 0, tzinfo=UTC)  # Friday 17:00 in Los Angeles
    opening = hours.next_opening(friday_evening)
    assert (opening.date(), opening.hour, opening.minute) == (date(2026, 12, 14), 8, 0)


def test_a_closed_day_is_skipped():
    hours = parse_office_hours(
        {
            "time_zone": "America/Los_Angeles",
            "hours": {"mon": {"opens": "08:00", "closes": "16:30"}},
            "closed_days": [date(2026, 12, 14)],
        }
    )
    opening = hours.next_opening(datetime(2026, 12, 12, 20, 0, tzinfo=UTC))
    assert opening.date() == date(2026, 12, 21)


def test_a_bad_hours_file_fails_with_a_message_that_says_what_to_fix():
    with pytest.raises(DataFileError, match="hours.mon: closes before it opens"):
        parse_office_hours(
            {"time_zone": "America/Los_Angeles", "hours": {"mon": {"opens": "17:00", "closes": "08:00"}}}
        )
    with pytest.raises(DataFileError, match="hours.someday"):
        parse_office_hours({"time_zone": "America/Los_Angeles", "hours": {"someday": {}}})


def test_the_parent_reads_when_a_person_will_answer_in_their_language():
    catalog = Catalog(strict=True)
    monday = datetime(2026, 12, 14, 8, 0, tzinfo=office_hours().time_zone)
    assert opening_words(catalog, "en", monday) == "Monday, December 14 at 8:00 a.m."
    assert opening_words(catalog, "es", monday) == "lunes 14 de diciembre a las 8:00 a. m."
    text = catalog.text(
        "handoff.after_hours_choose", "es", opening="lunes 14 de diciembre", contact_email="x@lausd.net"
    )
    assert "Una persona le responderá el lunes 14 de diciembre" in text
    assert "por correo electrónico, por mensaje de texto o aquí en el chat" in text and "x@lausd.net" in text
    text = catalog.text("handoff.after_hours_chat", "es", opening="lunes", contact_email="x@lausd.net")
    assert "la respuesta aparecerá en este chat" in text


@pytest.mark.parametrize(
    ("channel", "office_open", "already", "in_form", "expected"),
    [
        ("socketio", True, False, False, ("queued_chat", "chat")),
        ("sms", True, False, False, ("queued_text", "sms")),
        # After hours a parent already on texts gets the answer by text: nothing is asked.
        ("whatsapp", False, False, False, ("after_hours_text", "whatsapp")),
        ("sms", False, False, True, ("after_hours_text", "sms")),
        # On the web the parent chooses: email, text message or the chat...
        ("socketio", False, False, False, ("after_hours_choose", "ask_how")),
        ("rest", False, False, False, ("after_hours_choose", "ask_how")),
        # ...but not in the middle of a form, whose next answer may be an email or a phone number.
        ("socketio", False, False, True, ("after_hours_chat", "chat")),
        ("socketio", True, True, False, ("already_queued", "chat")),
    ],
)
def test_what_the_parent_is_told_depends_on_channel_hours_and_form(
    channel, office_open, already, in_form, expected
):
    assert queued_message(channel, office_open, already, in_form) == expected
