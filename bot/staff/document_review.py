"""Reviewing uploaded documents: staff open a file, accept it or send it back with a policy reason.

A rejection is recorded, audited and notified (bot.notifications.document_notice) in one unit of
work; from then on the item counts as missing again (bot.applications.status_facts), so the
chat's status answer and the upload page ask for it with the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bot.notifications.document_notice import queue_document_rejected
from bot.rules.document_rejections import is_rejection_reason
from bot.rules.uploads import detect_kind
from bot.staff.audit import audit_staff
from bot.store.application_models import ApplicationDocument, DocumentReview
from bot.store.database import unit_of_work
from bot.uploads.service import upload_link
from bot.uploads.storage import path_of

VERDICTS = ("accepted", "rejected")


@dataclass(frozen=True)
class ReviewOutcome:
    """``code``: reviewed | bad_verdict | bad_reason | not_found; the application's number when found."""

    code: str
    confirmation_number: str = ""


def review_document(
    document_id: int, verdict: str, reason: str, actor: str, *, database_url: str | None = None
) -> ReviewOutcome:
    """Record ``verdict`` on a document (a rejection needs a reason code of the policy list)."""
    with unit_of_work(database_url) as session:
        document = session.get(ApplicationDocument, document_id)
        if document is None:
            return ReviewOutcome("not_found")
        application = document.application
        if verdict not in VERDICTS:
            return ReviewOutcome("bad_verdict", application.confirmation_number)
        if verdict == "rejected" and not is_rejection_reason(reason):
            return ReviewOutcome("bad_reason", application.confirmation_number)
        document.reviews.append(
            DocumentReview(
                verdict=verdict,
                reason=reason if verdict == "rejected" else "",
                reviewed_by=actor,
                reviewed_at=datetime.now(timezone.utc),
            )
        )
        session.flush()
        detail = f"{application.confirmation_number} {document.item}" + (f": {reason}" if reason else "")
        audit_staff(session, actor, f"document_{verdict}", f"document:{document.id}", detail)
        if verdict == "rejected":
            application.documents_complete_at = None
            queue_document_rejected(session, application, document.item, reason, upload_link(application.id))
        return ReviewOutcome("reviewed", application.confirmation_number)


@dataclass(frozen=True)
class StaffDocument:
    """A stored file as staff receive it: its bytes, and whether its content is a verified type."""

    data: bytes
    content_type: str  # the verified type, or application/octet-stream
    inline: bool  # only a PDF or image whose content matches what was recorded opens in the browser
    download_name: str  # e.g. LA-7K3M-9QX2-R-pay_stub-12.pdf (never the parent's file name)
    confirmation_number: str


def staff_document(document_id: int, *, database_url: str | None = None) -> StaffDocument | None:
    """The file of a document for a staff member, or None when the row or the file is gone."""
    with unit_of_work(database_url) as session:
        document = session.get(ApplicationDocument, document_id)
        if document is None:
            return None
        number, item, recorded = (
            document.application.confirmation_number,
            document.item,
            document.content_type,
        )
        try:
            path: Path = path_of(document.stored_name)
            data = path.read_bytes()
        except (ValueError, OSError):
            return None
    kind = detect_kind(data)
    verified = kind is not None and kind.content_type == recorded
    extension = kind.extension if kind is not None and verified else ".bin"
    return StaffDocument(
        data=data,
        content_type=recorded if verified else "application/octet-stream",
        inline=verified,
        download_name=f"{number}-{item}-{document_id}{extension}",
        confirmation_number=number,
    )
