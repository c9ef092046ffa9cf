"""The console's application list: filters (status, reason, direction, school, language, waiting on
documents, decision due soon) and search by confirmation number or student name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from sqlalchemy import Select, func, or_, select

from bot.applications.status_facts import application_key_date, missing_documents
from bot.core.clock import district_date
from bot.rules.confirmation import parse_confirmation_number
from bot.rules.status import AWAITING_PARENT, DateKind, parse_status
from bot.store.application_models import Application
from bot.store.database import unit_of_work

#: "Decision due soon": the statutory decision date falls within this many days (or has passed).
DUE_SOON_DAYS: Final = 14
#: The list shows at most this many applications (newest first); filters narrow it.
LIST_LIMIT: Final = 300


@dataclass(frozen=True)
class ApplicationFilters:
    """What the reviewer asked for; empty strings mean "any"."""

    status: str = ""
    reason: str = ""
    direction: str = ""
    school: str = ""
    language: str = ""
    waiting_on_documents: bool = False
    decision_due_soon: bool = False
    search: str = ""


@dataclass(frozen=True)
class ApplicationRow:
    """One line of the list."""

    confirmation_number: str
    student: str
    status: str
    reason: str
    direction: str
    school: str
    language: str
    submitted_on: date
    key_date_kind: str
    key_date: date | None
    missing: tuple[str, ...]


def _query(filters: ApplicationFilters) -> Select[tuple[Application]]:
    query = select(Application).order_by(Application.id.desc())
    status = parse_status(filters.status) if filters.status else None
    if status is not None:
        query = query.where(Application.status == status.value)
    if filters.reason:
        query = query.where(Application.reason == filters.reason)
    if filters.direction in ("incoming", "outgoing"):
        query = query.where(Application.direction == filters.direction)
    if filters.language in ("en", "es"):
        query = query.where(Application.language == filters.language)
    if filters.school.strip():
        query = query.where(
            func.lower(Application.requested_school_name).contains(filters.school.strip().lower())
        )
    typed = filters.search.strip()
    if typed:
        number = parse_confirmation_number(typed)
        if number:
            query = query.where(Application.confirmation_number == number)
        else:
            words = typed.lower().split()[:4]
            for word in words:
                query = query.where(
                    or_(
                        func.lower(Application.student_first_name).contains(word),
                        func.lower(Application.student_last_name).contains(word),
                        func.lower(Application.confirmation_number).contains(word),
                    )
                )
    return query


def search_applications(
    filters: ApplicationFilters, today: date, *, database_url: str | None = None
) -> list[ApplicationRow]:
    """The applications matching ``filters``, newest first (at most LIST_LIMIT)."""
    rows: list[ApplicationRow] = []
    with unit_of_work(database_url) as session:
        for application in session.scalars(_query(filters).limit(LIST_LIMIT * 4)):
            missing = missing_documents(application)
            waiting = bool(missing) and parse_status(application.status) in AWAITING_PARENT
            if filters.waiting_on_documents and not waiting:
                continue
            key = application_key_date(application)
            due_soon = (
                key.kind is DateKind.DECISION_DUE
                and key.day is not None
                and key.day <= today + timedelta(days=DUE_SOON_DAYS)
            )
            if filters.decision_due_soon and not due_soon:
                continue
            rows.append(
                ApplicationRow(
                    confirmation_number=application.confirmation_number,
                    student=f"{application.student_first_name} {application.student_last_name}",
                    status=application.status,
                    reason=application.reason,
                    direction=application.direction,
                    school=application.requested_school_name,
                    language=application.language,
                    submitted_on=district_date(application.submitted_at),
                    key_date_kind=key.kind.value,
                    key_date=key.day,
                    missing=missing,
                )
            )
            if len(rows) >= LIST_LIMIT:
                break
    return rows
