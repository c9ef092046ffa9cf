"""Read-only questions about a parent's applications (for the chat's upload and status answers)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from bot.core.codes import Direction
from bot.rules.checklist import missing_items
from bot.store.application_models import Application
from bot.store.database import unit_of_work


@dataclass(frozen=True)
class ApplicationBrief:
    """One application as the parent sees it in a list."""

    application_id: int
    confirmation_number: str
    student_first_name: str
    status: str
    missing: tuple[str, ...]


def applications_of(
    account_id: int, limit: int = 3, database_url: str | None = None
) -> list[ApplicationBrief]:
    """The account's latest applications, newest first, with the documents still missing."""
    with unit_of_work(database_url) as session:
        rows = session.scalars(
            select(Application)
            .where(Application.account_id == account_id)
            .order_by(Application.id.desc())
            .limit(limit)
        ).all()
        return [
            ApplicationBrief(
                application_id=row.id,
                confirmation_number=row.confirmation_number,
                student_first_name=row.student_first_name,
                status=row.status,
                missing=missing_items(
                    Direction(row.direction), row.reason, [doc.item for doc in row.documents]
                ),
            )
            for row in rows
        ]
