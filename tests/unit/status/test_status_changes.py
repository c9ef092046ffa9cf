"""Status changes through the service: checked, written to the history and the audit log, atomic."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.applications.status import (
    ApplicationNotFound,
    TransitionRefused,
    change_status,
    mark_release_received,
    start_provisional_enrollment,
)
from tests.unit.status.helpers import (
    application_row,
    audit_entries,
    history,
    make_account,
    make_application,
    number,
)

NUMBER = number("7K3M9QX2")
NOW = datetime(2027, 4, 2, 17, 0, tzinfo=timezone.utc)


@pytest.fixture
def application(database: str) -> int:
    return make_application(database, make_account(database), NUMBER, status="under_review")


def test_a_change_is_recorded_in_the_history_and_the_audit(database: str, application: int) -> None:
    update = change_status(
        NUMBER.lower().replace("-", " "), "approved", "staff:Rosa", "all documents verified", now=NOW
    )
    assert (update.from_status, update.to_status, update.changed) == ("under_review", "approved", True)
    assert history(database, application)[-1] == (
        "under_review",
        "approved",
        "staff:Rosa",
        "all documents verified",
    )
    assert (
        "staff:Rosa", "status_change", f"application:{NUMBER}", "under_review -> approved: all documents verified"
    ) in audit_entries(database)  # fmt: skip
    row = application_row(database, application)
    assert row.status == "approved"
    assert row.decided_at is not None


def test_a_change_by_id_works_too(database: str, application: int) -> None:
    change_status(application, "pending_documents", "staff:Rosa", "pay stub unreadable")
    assert application_row(database, application).status == "pending_documents"


def test_a_refused_change_writes_nothing(database: str, application: int) -> None:
    before = audit_entries(database)
    with pytest.raises(TransitionRefused) as refused:
        change_status(NUMBER, "appealed_county", "staff:Rosa", "typo")
    assert refused.value.problem == "not_allowed"
    assert application_row(database, application).status == "under_review"
    assert len(history(database, application)) == 1
    assert audit_entries(database) == before


def test_a_closed_request_never_moves(database: str) -> None:
    make_application(database, make_account(database), NUMBER, status="withdrawn")
    with pytest.raises(TransitionRefused) as refused:
        change_status(NUMBER, "under_review", "staff:Rosa", "parent called")
    assert refused.value.problem == "from_terminal"


def test_an_unknown_number_is_reported(database: str) -> None:
    with pytest.raises(ApplicationNotFound):
        change_status(number("ABCD1234"), "approved", "staff:Rosa", "x")


def test_release_received_moves_a_waiting_application_on(database: str) -> None:
    complete = make_application(
        database, make_account(database), NUMBER, status="pending_release", documents=("sibling_enrollment",)
    )
    update = mark_release_received(NUMBER, "staff:Rosa", now=NOW)
    assert (update.from_status, update.to_status) == ("pending_release", "under_review")
    assert history(database, complete)[-1][:3] == ("pending_release", "under_review", "staff:Rosa")
    again = mark_release_received(NUMBER, "staff:Rosa")
    assert (again.changed, again.recorded) == (False, False)
    assert len(history(database, complete)) == 2
    assert [entry[1] for entry in audit_entries(database)].count("release_received") == 1


def test_release_received_with_other_documents_missing_asks_for_them(database: str) -> None:
    make_application(database, make_account(database), NUMBER, status="pending_release")
    assert mark_release_received(NUMBER, "staff:Rosa").to_status == "pending_documents"


def test_provisional_start_moves_to_provisionally_enrolled_and_can_be_corrected(
    database: str, application: int
) -> None:
    start_provisional_enrollment(NUMBER, date(2027, 8, 16), "staff:Rosa")
    row = application_row(database, application)
    assert (row.status, row.provisional_start) == ("provisionally_enrolled", date(2027, 8, 16))
    update = start_provisional_enrollment(NUMBER, date(2027, 8, 17), "staff:Rosa")
    assert update.changed is False
    assert application_row(database, application).provisional_start == date(2027, 8, 17)
    assert (
        "staff:Rosa",
        "provisional_start",
        f"application:{NUMBER}",
        "2027-08-16 -> 2027-08-17",
    ) in audit_entries(database)


def test_provisional_start_is_refused_after_approval(database: str) -> None:
    approved = make_application(database, make_account(database), NUMBER, status="approved")
    with pytest.raises(TransitionRefused):
        start_provisional_enrollment(NUMBER, date(2027, 8, 16), "staff:Rosa")
    assert application_row(database, approved).provisional_start is None
