"""One application as the console shows it: answers, documents, status timeline, statutory dates
and the status moves bot.rules.status allows from where it stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.applications.status import find_application
from bot.applications.status_facts import appealed_to, missing_documents, status_facts
from bot.core.clock import district_date
from bot.rules.calendar import provisional_enrollment_end
from bot.rules.deadlines import AppealStage, county_appeal_deadline, decision_due, district_appeal_deadline
from bot.rules.status import AWAITING_PARENT, TRANSITIONS, Status, abandonment_date, parse_status
from bot.store.application_models import Application, ApplicationDocument
from bot.store.database import unit_of_work


@dataclass(frozen=True)
class DocumentLine:
    """One uploaded file: which checklist item, what it is, and the reviewer's verdict."""

    id: int
    item: str
    content_type: str
    size_kb: int
    uploaded_at: datetime
    review: str  # received | accepted | rejected
    rejection_reason: str
    reviewed_by: str


@dataclass(frozen=True)
class TimelineEntry:
    """One status change."""

    at: datetime
    from_status: str
    to_status: str
    by: str
    reason: str


@dataclass(frozen=True)
class StatutoryDates:
    """The dates the law sets for this application (None when they do not apply yet)."""

    decision_due: date | None
    abandonment: date | None
    appeal_deadline: date | None
    appeal_stage: str
    provisional_end: date | None


@dataclass(frozen=True)
class ApplicationRecord:
    """Everything the application page shows."""

    confirmation_number: str
    status: str
    student: str
    birthdate: date
    grade: str
    school_year: str
    direction: str
    reason: str
    school: str
    school_cds: str
    residence_district: str
    language: str
    release_in_hand: bool
    release_received_at: datetime | None
    provisional_start: date | None
    submitted_at: datetime
    answers: dict[str, str]
    documents: list[DocumentLine]
    missing: tuple[str, ...]
    timeline: list[TimelineEntry]
    dates: StatutoryDates
    allowed_moves: list[str]


def allowed_moves(status: str) -> list[str]:
    """The statuses bot.rules.status allows from ``status``, in the order of the status model."""
    current = parse_status(status)
    if current is None:
        return []
    return [target.value for target in Status if target in TRANSITIONS[current]]


def statutory_dates(application: Application) -> StatutoryDates:
    """Decision due (EC 46600.2), abandonment, the next appeal deadline, provisional enrollment end."""
    facts = status_facts(application)
    due = decision_due(facts.submitted_on, facts.instruction_starts).due if facts.instruction_starts else None
    status = parse_status(application.status)
    abandonment = (
        abandonment_date(facts.submitted_on)
        if status in AWAITING_PARENT and facts.documents_missing
        else None
    )
    appeal: date | None = None
    stage = ""
    if status is Status.DENIED and application.decided_at is not None:
        decided = district_date(application.decided_at)
        if appealed_to(application) is None:
            appeal, stage = district_appeal_deadline(decided).due, AppealStage.DISTRICT.value
        elif appealed_to(application) is AppealStage.DISTRICT:
            appeal, stage = county_appeal_deadline(decided).due, AppealStage.COUNTY.value
    provisional = (
        provisional_enrollment_end(application.provisional_start, facts.excluded_days)
        if application.provisional_start
        else None
    )
    return StatutoryDates(due, abandonment, appeal, stage, provisional)


def _document_line(document: ApplicationDocument) -> DocumentLine:
    review = document.latest_review
    return DocumentLine(
        id=document.id,
        item=document.item,
        content_type=document.content_type,
        size_kb=max(1, document.size_bytes // 1024),
        uploaded_at=document.uploaded_at,
        review=review.verdict if review else "received",
        rejection_reason=review.reason if review else "",
        reviewed_by=review.reviewed_by if review else "",
    )


def application_record(number: str, *, database_url: str | None = None) -> ApplicationRecord:
    """The page of one application; raises ApplicationNotFound."""
    with unit_of_work(database_url) as session:
        app = find_application(session, number)
        return ApplicationRecord(
            confirmation_number=app.confirmation_number,
            status=app.status,
            student=f"{app.student_first_name} {app.student_last_name}",
            birthdate=app.student_birthdate,
            grade=app.grade,
            school_year=app.school_year,
            direction=app.direction,
            reason=app.reason,
            school=app.requested_school_name,
            school_cds=app.requested_school_cds or "",
            residence_district=app.residence_district_name,
            language=app.language,
            release_in_hand=app.release_in_hand,
            release_received_at=app.release_received_at,
            provisional_start=app.provisional_start,
            submitted_at=app.submitted_at,
            answers=dict(app.answers or {}),
            documents=[_document_line(document) for document in app.documents],
            missing=missing_documents(app),
            timeline=[
                TimelineEntry(c.changed_at, c.from_status or "", c.to_status, c.changed_by, c.reason)
                for c in app.history
            ],
            dates=statutory_dates(app),
            allowed_moves=allowed_moves(app.status),
        )
