"""The audit log of staff actions: one AuditEntry per sign-in, view of personal data and change.

Use ``audit_staff`` inside a unit of work that also makes the change (both are kept or neither);
``record_staff_action`` writes a lone entry (a page or a document viewed).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry


def audit_staff(session: Session, actor: str, action: str, subject: str, detail: str = "") -> None:
    """Add an entry to ``session``: actor like "staff:m.garcia@lausd.net", action like
    "status_change", subject like "application:LA-7K3M-9QX2-R" (no parent's personal data)."""
    session.add(AuditEntry(actor=actor[:80], action=action[:40], subject=subject[:80], detail=detail[:2000]))


def record_staff_action(
    actor: str, action: str, subject: str, detail: str = "", *, database_url: str | None = None
) -> None:
    """Write one audit entry in its own unit of work (call it through asyncio.to_thread in a page)."""
    with unit_of_work(database_url) as session:
        audit_staff(session, actor, action, subject, detail)
