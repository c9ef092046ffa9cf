"""What the staff tool prints: applications, one application in full, tickets, a deadlines report.

Staff output is English plain text for a terminal (parents never see it). Times are Los Angeles times.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.applications.deadlines_job import DeadlinesReport, Flag
from bot.applications.status_facts import application_key_date, missing_documents
from bot.core.clock import DISTRICT_TIME_ZONE, as_utc
from bot.rules.status import DateKind
from bot.store.application_models import Application
from bot.store.service_models import Ticket

_LIST_COLUMNS = "{:<15} {:<22} {:<24} {:<20} {:<10} {}"


def local_time(moment: datetime | None) -> str:
    """A stored moment as "YYYY-MM-DD HH:MM" in Los Angeles, or "-"."""
    if moment is None:
        return "-"
    return as_utc(moment).astimezone(DISTRICT_TIME_ZONE).strftime("%Y-%m-%d %H:%M")


def key_date_text(application: Application) -> str:
    """ "abandonment 2026-03-31", or "-" when no date matters."""
    key = application_key_date(application)
    return "-" if key.kind is DateKind.NONE else f"{key.kind.value} {key.day}"


def application_list(session: Session, status: str | None = None, limit: int = 200) -> list[str]:
    """One line per application (newest first), optionally only those in ``status``."""
    query = select(Application).order_by(Application.id.desc()).limit(limit)
    if status:
        query = query.where(Application.status == status)
    rows = list(session.scalars(query))
    if not rows:
        return ["No applications" + (f" with status {status}." if status else ".")]
    lines = [_LIST_COLUMNS.format("NUMBER", "STATUS", "STUDENT", "REASON", "SUBMITTED", "KEY DATE")]
    for row in rows:
        student = f"{row.student_first_name} {row.student_last_name}"[:24]
        submitted = local_time(row.submitted_at)[:10]
        lines.append(
            _LIST_COLUMNS.format(
                row.confirmation_number, row.status, student, row.reason[:20], submitted, key_date_text(row)
            )
        )
    lines.append(f"{len(rows)} application(s).")
    return lines


def application_detail(application: Application) -> list[str]:
    """Everything staff need about one application: facts, documents, history."""
    app = application
    release = "received " + local_time(app.release_received_at) if app.release_received_at else "not received"
    if app.release_in_hand and not app.release_received_at:
        release += " (the parent says they have it)"
    lines = [
        f"Application {app.confirmation_number}",
        f"  Student:      {app.student_first_name} {app.student_last_name}, born {app.student_birthdate}, "
        f"grade {app.grade}, school year {app.school_year}",
        f"  Permit:       {app.direction}, reason {app.reason}",
        f"  School:       {app.requested_school_name}"
        + (f" (CDS {app.requested_school_cds})" if app.requested_school_cds else ""),
        f"  Residence:    {app.residence_district_name}",
        f"  Language:     {app.language}",
        f"  Status:       {app.status} since {local_time(app.status_changed_at)}",
        f"  Key date:     {key_date_text(app)}",
        f"  Submitted:    {local_time(app.submitted_at)}",
        f"  Release:      {release}",
        f"  Provisional:  {app.provisional_start or '-'}",
        f"  Decided:      {local_time(app.decided_at)}",
        "Documents received:",
    ]
    lines += [
        f"  - {doc.item:<30} {local_time(doc.uploaded_at)}  {doc.content_type}  {doc.size_bytes // 1024} KB"
        for doc in app.documents
    ] or ["  (none)"]
    lines.append("Documents missing:")
    lines += [f"  - {code}" for code in missing_documents(app)] or ["  (none)"]
    lines.append("History:")
    lines += [
        f"  {local_time(change.changed_at)}  {change.from_status or '(new)'} -> {change.to_status}"
        f"  by {change.changed_by}" + (f": {change.reason}" if change.reason else "")
        for change in app.history
    ]
    return lines


def ticket_list(session: Session, include_closed: bool = False) -> list[str]:
    """Help-desk tickets, oldest first: only open ones unless ``include_closed``."""
    query = select(Ticket).order_by(Ticket.id)
    if not include_closed:
        query = query.where(Ticket.status == "open")
    rows = list(session.scalars(query))
    if not rows:
        return ["No open tickets." if not include_closed else "No tickets."]
    lines = []
    for ticket in rows:
        lines.append(
            f"#{ticket.id} {ticket.status:<6} {local_time(ticket.created_at)}  {ticket.channel}/{ticket.language}"
            f"  trigger: {ticket.trigger}  contact: {ticket.contact or '-'}"
        )
        lines.append(f"    {ticket.summary.strip()[:300]}")
    lines.append(f"{len(rows)} ticket(s).")
    return lines


def deadlines_lines(report: DeadlinesReport) -> list[str]:
    """The deadlines job's report."""
    lines = [f"Deadlines for {report.today}:"]
    sections: list[tuple[str, list[Flag], str]] = [
        ("Warned (abandonment soon)", report.warned, "abandonment on"),
        ("Abandoned (documents missing)", report.abandoned, "abandoned as of"),
        ("Past the statutory decision date (EC 46600.2)", report.overdue, "decision was due"),
    ]
    for title, flags, label in sections:
        lines.append(f"{title}: {len(flags)}")
        lines += [
            f"  {flag.confirmation_number}  {flag.status:<22} {label} {flag.day}"
            + ("" if flag.new else "  (already flagged)")
            for flag in flags
        ]
    if report.failed:
        lines.append(f"FAILED for application id(s) {', '.join(report.failed)}: see the log.")
    return lines
