"""Submitting an application: stored and numbered in one transaction, exactly once per submission key.

The chat makes one `submission_key` per application it takes. A double "yes", a retried request
or a restarted server submits the same key again and gets the same confirmation number back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.rules.confirmation import new_confirmation_number
from bot.store.application_models import Application, StatusChange
from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry

logger = logging.getLogger(__name__)
FIRST_STATUS = "submitted"
_NUMBER_TRIES = 5  # 40 random bits: a collision is already unlikely, five in a row impossible


@dataclass(frozen=True)
class ApplicationDraft:
    """Everything the parent answered, already checked by bot.rules."""

    account_id: int
    language: str
    direction: str
    reason: str
    school_year: str
    student_first_name: str
    student_last_name: str
    student_birthdate: date
    grade: str
    requested_school_name: str
    requested_school_cds: str | None
    residence_district_name: str
    residence_district_cds: str | None
    release_in_hand: bool
    answers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Submission:
    """The stored application's id and number; `created` is False when the key was seen before."""

    application_id: int
    confirmation_number: str
    created: bool


def find_submission(session: Session, submission_key: str) -> Application | None:
    """The application already submitted under `submission_key`, if any."""
    return session.scalar(select(Application).where(Application.submission_key == submission_key))


def submit_application(
    draft: ApplicationDraft, submission_key: str, database_url: str | None = None
) -> Submission:
    """Store the application with a new confirmation number and queue the confirmation email.

    Idempotent per `submission_key`. Raises the database's error when it is unavailable: nothing
    is half-written (one transaction), and retrying later yields exactly one application.
    """
    for _ in range(_NUMBER_TRIES):
        try:
            with unit_of_work(database_url) as session:
                existing = find_submission(session, submission_key)
                if existing is not None:
                    return Submission(existing.id, existing.confirmation_number, created=False)
                application = _store(session, draft, submission_key)
                _queue_confirmation(session, application)
                return Submission(application.id, application.confirmation_number, created=True)
        except IntegrityError:
            # Either the same key was submitted at the same moment (the loop then finds it), or
            # the random number was taken (the loop draws another).
            logger.info("Submission %s retried after a unique-constraint conflict", submission_key[:8])
    raise RuntimeError("could not store the application")


def _store(session: Session, draft: ApplicationDraft, submission_key: str) -> Application:
    application = Application(
        confirmation_number=new_confirmation_number(),
        submission_key=submission_key,
        account_id=draft.account_id,
        language=draft.language,
        direction=draft.direction,
        reason=draft.reason,
        school_year=draft.school_year,
        student_first_name=draft.student_first_name,
        student_last_name=draft.student_last_name,
        student_birthdate=draft.student_birthdate,
        grade=draft.grade,
        requested_school_name=draft.requested_school_name,
        requested_school_cds=draft.requested_school_cds,
        residence_district_name=draft.residence_district_name,
        residence_district_cds=draft.residence_district_cds,
        release_in_hand=draft.release_in_hand,
        answers=dict(draft.answers),
        status=FIRST_STATUS,
    )
    session.add(application)
    session.flush()
    session.add(
        StatusChange(
            application_id=application.id, from_status=None, to_status=FIRST_STATUS, changed_by="parent"
        )
    )
    session.add(
        AuditEntry(
            actor=f"account:{draft.account_id}",
            action="submit",
            subject=f"application:{application.confirmation_number}",
        )
    )
    session.flush()
    return application


def _queue_confirmation(session: Session, application: Application) -> None:
    """The confirmation email (number, documents, upload link) goes out with the same commit."""
    from bot.applications.notices import queue_confirmation
    from bot.core.codes import Direction
    from bot.rules.checklist import checklist
    from bot.uploads.service import upload_link

    documents = [item.code for item in checklist(Direction(application.direction), application.reason)]
    queue_confirmation(session, application, upload_link(application.id), documents)
