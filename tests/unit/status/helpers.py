"""Rows for the status tests: an account and an application, written directly with the models."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import select

from bot.rules.confirmation import check_symbol
from bot.store.application_models import Application, ApplicationDocument, StatusChange
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus
from bot.store.service_models import AuditEntry

BIRTHDATE = date(2016, 3, 4)


def number(body: str) -> str:
    """A valid confirmation number with the eight symbols ``body``."""
    return f"LA-{body[:4]}-{body[4:]}-{check_symbol(body)}"


def make_account(database: str, email: str = "ana@example.com") -> int:
    with unit_of_work(database) as session:
        account = Account(
            email=email, first_name="Ana", middle_name=None, last_name="Núñez", language="es",
            status=AccountStatus.active,
        )  # fmt: skip
        session.add(account)
        session.flush()
        return account.id


def make_application(
    database: str,
    account_id: int,
    confirmation_number: str,
    *,
    status: str = "pending_documents",
    submitted: datetime = datetime(2027, 3, 1, 18, 0, tzinfo=timezone.utc),
    documents: tuple[str, ...] = (),
    language: str = "es",
    reason: str = "sibling",
) -> int:
    """An incoming application for the 2027-28 school year (instruction starts 2027-08-12)."""
    with unit_of_work(database) as session:
        application = Application(
            confirmation_number=confirmation_number, submission_key=f"key-{confirmation_number}",
            account_id=account_id, language=language, direction="incoming", reason=reason,
            school_year="2027-2028", student_first_name="Luis", student_last_name="Núñez",
            student_birthdate=BIRTHDATE, grade="5", requested_school_name="Example Elementary",
            residence_district_name="Example Unified", status=status, submitted_at=submitted,
            status_changed_at=submitted,
        )  # fmt: skip
        session.add(application)
        session.flush()
        session.add(
            StatusChange(
                application_id=application.id, from_status=None, to_status=status, changed_by="parent"
            )
        )
        for index, item in enumerate(documents):
            session.add(
                ApplicationDocument(
                    application_id=application.id,
                    item=item,
                    stored_name=f"{confirmation_number}-{index}",
                    content_type="application/pdf",
                    size_bytes=20480,
                )  # fmt: skip
            )
        return application.id


def history(database: str, application_id: int) -> list[tuple[str | None, str, str, str]]:
    with unit_of_work(database) as session:
        rows = session.scalars(
            select(StatusChange)
            .where(StatusChange.application_id == application_id)
            .order_by(StatusChange.id)
        )
        return [(row.from_status, row.to_status, row.changed_by, row.reason) for row in rows]


def audit_entries(database: str) -> list[tuple[str, str, str, str]]:
    with unit_of_work(database) as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(row.actor, row.action, row.subject, row.detail) for row in rows]


def application_row(database: str, application_id: int) -> Application:
    with unit_of_work(database) as session:
        found = session.get(Application, application_id)
        assert found is not None
        return found
