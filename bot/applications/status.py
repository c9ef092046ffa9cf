"""Changing an application's status: checked by bot.rules.status, recorded, audited and notified.

Each public function is one unit of work: the application, its StatusChange row, the AuditEntry and
the parent's notice (bot.notifications.status_notice, through the outbox) are committed together or
not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.applications.status_facts import missing_documents
from bot.rules.confirmation import parse_confirmation_number
from bot.rules.status import Status, check_transition
from bot.store.application_models import Application, StatusChange
from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry

#: Statuses that are a decision: entering one stamps decided_at (appeal deadlines count from it).
DECISIONS = frozenset({Status.APPROVED, Status.DENIED, Status.REVOKED})


class ApplicationNotFound(LookupError):
    """No application has that id or confirmation number."""


class TransitionRefused(ValueError):
    """bot.rules.status refused the move; ``problem`` is its code (not_allowed, from_terminal, ...)."""

    def __init__(self, problem: str, from_status: str, to_status: str) -> None:
        super().__init__(f"{problem}: {from_status} -> {to_status}")
        self.problem = problem
        self.from_status = from_status
        self.to_status = to_status


@dataclass(frozen=True)
class StatusUpdate:
    """What a call did: ``changed`` is False when the status stayed the same; ``recorded`` is False
    when the call found its work already done (a repeated release)."""

    confirmation_number: str
    from_status: str
    to_status: str
    changed: bool
    recorded: bool = True


def find_application(session: Session, application: int | str) -> Application:
    """The application with this id, or this confirmation number (typed forgivingly)."""
    if isinstance(application, int):
        found = session.get(Application, application)
    else:
        number = parse_confirmation_number(application) or application.strip().upper()
        found = session.scalar(select(Application).where(Application.confirmation_number == number))
    if found is None:
        raise ApplicationNotFound(str(application))
    return found


def audit(session: Session, actor: str, action: str, application: Application, detail: str = "") -> None:
    """Add an AuditEntry about ``application`` to the session."""
    subject = f"application:{application.confirmation_number}"
    session.add(AuditEntry(actor=actor, action=action, subject=subject, detail=detail[:2000]))


def record_status_change(
    session: Session, application: Application, to: str | Status, actor: str, reason: str, now: datetime
) -> StatusChange:
    """Move ``application`` to ``to`` inside the caller's session; raises TransitionRefused."""
    outcome = check_transition(application.status, to)
    if outcome.value is None:
        raise TransitionRefused(str(outcome.problem), application.status, str(to))
    target = outcome.value
    change = StatusChange(
        application_id=application.id,
        from_status=application.status,
        to_status=target.value,
        changed_by=actor,
        reason=reason,
        changed_at=now,
    )
    application.status = target.value
    application.status_changed_at = now
    if target in DECISIONS:
        application.decided_at = now
    application.history.append(change)
    session.flush()
    audit(session, actor, "status_change", application, f"{change.from_status} -> {target.value}: {reason}")
    # Imported here: the notices module depends on the mail and catalog layers, not the other way.
    from bot.applications.notices import queue_status_notice

    queue_status_notice(session, application, change)
    return change


def change_status(
    application: int | str,
    to: str | Status,
    actor: str,
    reason: str,
    *,
    database_url: str | None = None,
    now: datetime | None = None,
) -> StatusUpdate:
    """Move an application (id or confirmation number) to status ``to`` in one unit of work.

    Raises ApplicationNotFound, or TransitionRefused when bot.rules.status does not allow the move.
    """
    moment = now or datetime.now(timezone.utc)
    with unit_of_work(database_url) as session:
        found = find_application(session, application)
        before = found.status
        record_status_change(session, found, to, actor, reason, moment)
        return StatusUpdate(found.confirmation_number, before, found.status, changed=True)


def mark_release_received(
    application: int | str, actor: str, *, database_url: str | None = None, now: datetime | None = None
) -> StatusUpdate:
    """Record that the district of residence's release arrived (once; a repeat changes nothing).

    An application waiting for its release moves on: to pending_documents when other documents are
    still missing, else to under_review.
    """
    moment = now or datetime.now(timezone.utc)
    with unit_of_work(database_url) as session:
        found = find_application(session, application)
        before = found.status
        if found.release_received_at is not None:
            return StatusUpdate(found.confirmation_number, before, before, changed=False, recorded=False)
        found.release_received_at = moment
        found.release_in_hand = True
        audit(session, actor, "release_received", found)
        session.flush()
        if found.status == Status.PENDING_RELEASE.value:
            target = Status.PENDING_DOCUMENTS if missing_documents(found) else Status.UNDER_REVIEW
            record_status_change(session, found, target, actor, "release received", moment)
        return StatusUpdate(found.confirmation_number, before, found.status, changed=found.status != before)


def start_provisional_enrollment(
    application: int | str,
    start_date: date,
    actor: str,
    *,
    database_url: str | None = None,
    now: datetime | None = None,
) -> StatusUpdate:
    """Record the first day of provisional attendance and move the application to provisionally_enrolled.

    When it is already provisionally enrolled, only the start date is corrected (and audited).
    Raises TransitionRefused when the current status cannot move there (e.g. approved).
    """
    moment = now or datetime.now(timezone.utc)
    with unit_of_work(database_url) as session:
        found = find_application(session, application)
        before = found.status
        previous_start = found.provisional_start
        found.provisional_start = start_date
        if before == Status.PROVISIONALLY_ENROLLED.value:
            audit(session, actor, "provisional_start", found, f"{previous_start} -> {start_date}")
            return StatusUpdate(found.confirmation_number, before, before, changed=False)
        record_status_change(
            session, found, Status.PROVISIONALLY_ENROLLED, actor, f"provisional start {start_date}", moment
        )
        return StatusUpdate(found.confirmation_number, before, found.status, changed=True)
