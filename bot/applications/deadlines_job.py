"""The daily deadlines job: warn before abandonment, abandon incomplete applications, flag late decisions.

Idempotent: the warning is sent once (``abandonment_warned_at``), an abandoned application no longer
qualifies, and a late decision is audited once; a second run on the same day changes nothing.
Each application is its own unit of work, so one failure does not undo the others.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.applications.status import audit, record_status_change
from bot.applications.status_facts import status_facts
from bot.core.clock import district_today
from bot.rules.calendar import SchoolCalendar, load_school_calendar
from bot.rules.deadlines import decision_due
from bot.rules.status import (
    AWAITING_PARENT,
    Status,
    StatusFacts,
    abandonment_date,
    abandonment_days,
    abandonment_warning_date,
)
from bot.store.application_models import Application
from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry

logger = logging.getLogger(__name__)
ACTOR = "system:deadlines"
OVERDUE_ACTION = "decision_overdue"
#: Statuses still waiting for the district's decision (EC 46600.2 runs from receipt).
UNDECIDED = frozenset(AWAITING_PARENT | {Status.UNDER_REVIEW, Status.PROVISIONALLY_ENROLLED})


@dataclass(frozen=True)
class Flag:
    """One application the job acted on or reports, with the date concerned."""

    confirmation_number: str
    status: str
    day: date
    new: bool = True


@dataclass
class DeadlinesReport:
    """What one run did: warnings queued, applications abandoned, decisions past due, failures."""

    today: date
    warned: list[Flag] = field(default_factory=list)
    abandoned: list[Flag] = field(default_factory=list)
    overdue: list[Flag] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def run_deadlines(
    today: date | None = None, *, database_url: str | None = None, now: datetime | None = None
) -> DeadlinesReport:
    """Run the job for ``today`` (Los Angeles date; default: the district's today)."""
    report = DeadlinesReport(today or district_today())
    moment = now or datetime.now(timezone.utc)
    calendar = load_school_calendar()
    with unit_of_work(database_url) as session:
        ids = list(
            session.scalars(
                select(Application.id)
                .where(Application.status.in_([status.value for status in UNDECIDED]))
                .order_by(Application.id)
            )
        )
    for application_id in ids:
        try:
            with unit_of_work(database_url) as session:
                application = session.get(Application, application_id)
                if application is not None:
                    _check(session, application, report, moment, calendar)
        except Exception:  # noqa: BLE001 - one broken application must not stop the others
            logger.exception("Deadlines job failed for application id %s", application_id)
            report.failed.append(str(application_id))
    return report


def _check(
    session: Session,
    application: Application,
    report: DeadlinesReport,
    now: datetime,
    calendar: SchoolCalendar,
) -> None:
    facts = status_facts(application, calendar)
    awaiting_parent = Status(application.status) in AWAITING_PARENT and facts.documents_missing
    if awaiting_parent and _abandon_or_warn(session, application, facts, report, now):
        return
    _flag_overdue(session, application, facts, report)


def _abandon_or_warn(
    session: Session, application: Application, facts: StatusFacts, report: DeadlinesReport, now: datetime
) -> bool:
    """True when the application was abandoned (nothing else to check)."""
    closes_on = abandonment_date(facts.submitted_on)
    number = application.confirmation_number
    if report.today >= closes_on:
        reason = f"documents still missing {abandonment_days()} days after submission"
        record_status_change(session, application, Status.ABANDONED, ACTOR, reason, now)
        report.abandoned.append(Flag(number, application.status, closes_on))
        return True
    if (
        report.today >= abandonment_warning_date(facts.submitted_on)
        and application.abandonment_warned_at is None
    ):
        from bot.applications.notices import queue_deadline_warning

        queue_deadline_warning(session, application, closes_on)
        application.abandonment_warned_at = now
        audit(session, ACTOR, "abandonment_warning", application, f"abandonment on {closes_on}")
        report.warned.append(Flag(number, application.status, closes_on))
    return False


def _flag_overdue(
    session: Session, application: Application, facts: StatusFacts, report: DeadlinesReport
) -> None:
    if facts.instruction_starts is None:
        return
    due = decision_due(facts.submitted_on, facts.instruction_starts).due
    if report.today <= due:
        return
    subject = f"application:{application.confirmation_number}"
    seen = session.scalar(
        select(AuditEntry.id)
        .where(AuditEntry.subject == subject, AuditEntry.action == OVERDUE_ACTION)
        .limit(1)
    )
    if seen is None:
        audit(session, ACTOR, OVERDUE_ACTION, application, f"decision was due {due} (EC 46600.2)")
    report.overdue.append(Flag(application.confirmation_number, application.status, due, new=seen is None))
