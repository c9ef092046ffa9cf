"""Uploading the documents of one application through its signed link, and what is still missing.

A link is for one application and works many times (one visit per document) until it expires.
Each accepted file is stored on disk and recorded against its checklist item in one unit of work:
when the database write fails, the file is removed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import NamedTuple

from sqlalchemy.orm import Session

from bot.accounts.links import LinkProblem, link_for, make_token, read_token
from bot.applications.status_facts import rejected_documents
from bot.core.codes import Direction
from bot.rules.checklist import checklist, missing_items
from bot.rules.uploads import check_upload
from bot.store.application_models import Application, ApplicationDocument
from bot.store.database import unit_of_work
from bot.uploads.content_check import cleaned_document
from bot.uploads.storage import remove_file, store_file

UPLOAD = "upload"
#: 45 days: an application still incomplete 30 days after submission is abandoned (permits.yml
#: `processing`), so the link must outlive that window, with margin for a late reminder or a
#: parent who uploads on the last day and comes back to check.
UPLOAD_LINK_MAX_AGE_SECONDS = 45 * 24 * 3600


@dataclass(frozen=True)
class ChecklistLine:
    """One checklist item as the page shows it: how many files were received for it."""

    code: str
    required: bool
    hedged: bool
    received: int


@dataclass(frozen=True)
class UploadPageState:
    """What the upload page shows: `code` is ready, expired or invalid."""

    code: str
    language: str = "en"
    confirmation_number: str = ""
    lines: tuple[ChecklistLine, ...] = ()
    #: checklist code -> rejection reason code, for documents the office sent back.
    rejected: dict[str, str] = field(default_factory=dict)

    @property
    def missing(self) -> tuple[str, ...]:
        """Required items with no file yet, in checklist order."""
        return tuple(line.code for line in self.lines if line.required and not line.received)

    @property
    def uploaded(self) -> tuple[str, ...]:
        """Items with at least one file, in checklist order."""
        return tuple(line.code for line in self.lines if line.received)


@dataclass(frozen=True)
class UploadResult:
    """The outcome of one upload: `code` is accepted, problem, expired or invalid; `state` is the
    page after it (so `state.missing` says what is still missing)."""

    code: str
    state: UploadPageState
    problem: str | None = None
    item: str = ""


class DocumentsStatus(NamedTuple):
    """Checklist codes with at least one file, and required codes still missing (checklist order)."""

    uploaded: tuple[str, ...]
    missing: tuple[str, ...]


def upload_link(application_id: int) -> str:
    """The signed upload page URL of an application (PUBLIC_BASE_URL/upload/<token>), multi-use."""
    return link_for(make_token(application_id, UPLOAD), UPLOAD)


def _state(application: Application) -> UploadPageState:
    received: dict[str, int] = {}
    for document in application.documents:
        if not document.rejected:  # a file the office sent back no longer counts
            received[document.item] = received.get(document.item, 0) + 1
    lines = tuple(
        ChecklistLine(item.code, item.required, item.hedged, received.get(item.code, 0))
        for item in checklist(Direction(application.direction), application.reason)
    )
    rejected = dict(rejected_documents(application))
    return UploadPageState("ready", application.language, application.confirmation_number, lines, rejected)


def _application(session: Session, token: str) -> Application | UploadPageState:
    """The application a valid token names, or the page state of an unusable link."""
    try:
        claims = read_token(token, UPLOAD, max_age=UPLOAD_LINK_MAX_AGE_SECONDS)
    except LinkProblem as problem:
        known = session.get(Application, problem.claims.subject_id) if problem.claims else None
        if problem.code == "expired" and known is not None:
            return UploadPageState("expired", known.language, known.confirmation_number)
        return UploadPageState("invalid")
    application = session.get(Application, claims.subject_id)
    return application if application is not None else UploadPageState("invalid")


def upload_page_state(token: str, database_url: str | None = None) -> UploadPageState:
    """The checklist of the application `token` names, or why the link cannot be used."""
    with unit_of_work(database_url) as session:
        found = _application(session, token)
        return found if isinstance(found, UploadPageState) else _state(found)


def record_upload(token: str, item: str, data: bytes | None, database_url: str | None = None) -> UploadResult:
    """Check, store and record one file for checklist `item`; `data` is None when no file was sent."""
    stored: str | None = None
    try:
        with unit_of_work(database_url) as session:
            found = _application(session, token)
            if isinstance(found, UploadPageState):
                return UploadResult(found.code, found)
            application = found
            codes = [line.code for line in _state(application).lines]
            outcome = check_upload(item, data, codes)
            if outcome.value is None or data is None:
                return UploadResult("problem", _state(application), outcome.problem, item)
            kind = outcome.value
            cleaned = cleaned_document(kind, data)  # beyond the first bytes: opened, checked, rewritten
            if cleaned.value is None:
                return UploadResult("problem", _state(application), cleaned.problem, item)
            stored = store_file(cleaned.value, kind.extension)
            application.documents.append(
                ApplicationDocument(
                    item=item, stored_name=stored, content_type=kind.content_type, size_bytes=len(cleaned.value)
                )
            )
            session.flush()
            state = _state(application)
            if not state.missing and application.documents_complete_at is None:
                application.documents_complete_at = datetime.now(timezone.utc)
        return UploadResult("accepted", state, None, item)
    except BaseException:
        if stored is not None:
            remove_file(stored)
        raise


def documents_status(application_id: int, database_url: str | None = None) -> DocumentsStatus:
    """What an application has received and what it still needs (both empty if it does not exist)."""
    with unit_of_work(database_url) as session:
        application = session.get(Application, application_id)
        if application is None:
            return DocumentsStatus((), ())
        items = {document.item for document in application.documents}
        direction = Direction(application.direction)
        uploaded = tuple(item.code for item in checklist(direction, application.reason) if item.code in items)
        return DocumentsStatus(uploaded, missing_items(direction, application.reason, items))
