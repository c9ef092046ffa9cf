"""The deadlines job: one warning a week before abandonment, abandonment after 30 days, late decisions."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import select

from bot.applications.deadlines_job import run_deadlines
from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage
from tests.unit.status.helpers import (
    application_row,
    audit_entries,
    history,
    make_account,
    make_application,
    number,
)

INCOMPLETE = number("AAAA1111")
COMPLETE = number("BBBB2222")
LATE = number("CCCC3333")


def seed(database: str) -> dict[str, int]:
    account = make_account(database)
    return {
        INCOMPLETE: make_application(database, account, INCOMPLETE, status="pending_documents"),
        COMPLETE: make_application(
            database,
            account,
            COMPLETE,
            status="pending_documents",
            documents=("release_from_residence", "sibling_enrollment"),
        ),  # fmt: skip
        LATE: make_application(
            database,
            account,
            LATE,
            status="under_review",
            submitted=datetime(2027, 8, 20, 18, 0, tzinfo=timezone.utc),
            documents=("release_from_residence", "sibling_enrollment"),
        ),  # fmt: skip
    }


def outbox_count(database: str) -> int:
    with unit_of_work(database) as session:
        return len(list(session.scalars(select(OutboxMessage))))


def test_before_the_warning_day_nothing_happens(database: str) -> None:
    seed(database)
    report = run_deadlines(date(2027, 3, 23))
    assert (report.warned, report.abandoned, report.overdue) == ([], [], [])
    assert outbox_count(database) == 0


def test_the_warning_goes_out_once(database: str) -> None:
    ids = seed(database)
    first = run_deadlines(date(2027, 3, 24))
    assert [(flag.confirmation_number, flag.day) for flag in first.warned] == [
        (INCOMPLETE, date(2027, 3, 31))
    ]
    assert application_row(database, ids[INCOMPLETE]).abandonment_warned_at is not None
    queued, audited = outbox_count(database), audit_entries(database)
    assert queued >= 1  # the notice itself is the notifications helper's to test
    second = run_deadlines(date(2027, 3, 24))
    third = run_deadlines(date(2027, 3, 28))
    assert second.warned == third.warned == []
    assert (outbox_count(database), audit_entries(database)) == (queued, audited)


def test_abandoned_after_thirty_days_and_only_once(database: str) -> None:
    ids = seed(database)
    report = run_deadlines(date(2027, 3, 31))
    assert [flag.confirmation_number for flag in report.abandoned] == [INCOMPLETE]
    assert history(database, ids[INCOMPLETE])[-1] == (
        "pending_documents", "abandoned", "system:deadlines", "documents still missing 30 days after submission"
    )  # fmt: skip
    assert application_row(database, ids[COMPLETE]).status == "pending_documents"
    before = (history(database, ids[INCOMPLETE]), audit_entries(database), outbox_count(database))
    again = run_deadlines(date(2027, 3, 31))
    assert again.abandoned == []
    assert (history(database, ids[INCOMPLETE]), audit_entries(database), outbox_count(database)) == before


def test_a_late_decision_is_listed_every_run_and_audited_once(database: str) -> None:
    seed(database)
    # Received 2027-08-20, after instruction started (2027-08-12): due 30 days later, 2027-09-19.
    on_time = run_deadlines(date(2027, 9, 19))
    # The complete March request was due 14 days after instruction started (2027-08-26).
    assert [(flag.confirmation_number, flag.day) for flag in on_time.overdue] == [
        (COMPLETE, date(2027, 8, 26))
    ]
    first = run_deadlines(date(2027, 9, 20))
    late = [(flag.confirmation_number, flag.day, flag.new) for flag in first.overdue]
    assert (LATE, date(2027, 9, 19), True) in late
    second = run_deadlines(date(2027, 9, 20))
    assert (LATE, date(2027, 9, 19), False) in [(f.confirmation_number, f.day, f.new) for f in second.overdue]
    flagged = [entry for entry in audit_entries(database) if entry[1] == "decision_overdue"]
    assert [entry[2] for entry in flagged].count(f"application:{LATE}") == 1
