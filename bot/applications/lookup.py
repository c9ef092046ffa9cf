"""Status lookups from the chat: a confirmation number plus a second factor, limited and recorded.

The second factor is the student's date of birth, or a signed-in account that owns the application.
A wrong number and a wrong date give the same answer (not_found), so the chat never confirms that a
number exists. Failed attempts are limited per conversation and per number; the counts are the
StatusLookup rows, so every process sharing the database sees them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.applications.status_facts import application_key_date, missing_documents, rejected_documents
from bot.core.clock import district_today
from bot.core.codes import Code
from bot.rules.confirmation import parse_confirmation_number
from bot.rules.dates import parse_date
from bot.rules.status import DateKind
from bot.store.application_models import Application
from bot.store.database import unit_of_work
from bot.store.service_models import StatusLookup

#: Failed lookups one conversation may make in an hour, and one number may receive in a day.
CONVERSATION_LIMIT: Final = 5
CONVERSATION_WINDOW: Final = timedelta(hours=1)
NUMBER_LIMIT: Final = 10
NUMBER_WINDOW: Final = timedelta(days=1)


class AnswerCode(Code):
    """What the lookup found."""

    FOUND = "found"
    NOT_FOUND = "not_found"  # no such number, or the second factor does not match: never told apart
    LIMITED = "limited"
    BAD_NUMBER = "bad_number"  # not a confirmation number at all (the check symbol failed)


@dataclass(frozen=True)
class StatusAnswer:
    """The lookup's answer. Only a found answer carries anything about the application."""

    code: AnswerCode
    status: str | None = None
    date_kind: DateKind = DateKind.NONE
    key_date: date | None = None
    missing_documents: tuple[str, ...] = ()
    #: (checklist code, rejection reason code) of documents the office sent back.
    rejected_documents: tuple[tuple[str, str], ...] = ()
    confirmation_number: str | None = None
    language: str | None = None
    student_first_name: str | None = None


def look_up_status(
    conversation_key: str,
    typed_number: str,
    birthdate: str | date | None = None,
    account_id: int | None = None,
    *,
    today: date | None = None,
    now: datetime | None = None,
    database_url: str | None = None,
) -> StatusAnswer:
    """Where the application ``typed_number`` stands, if the second factor matches.

    ``birthdate`` is the student's date of birth as typed (any form bot.rules.dates reads) or a
    date; ``account_id`` is the signed-in account, enough when it owns the application.
    ``conversation_key`` is bot.core.secrets.conversation_digest(sender_id).
    """
    number = parse_confirmation_number(typed_number or "")
    moment = now or datetime.now(timezone.utc)
    with unit_of_work(database_url) as session:
        if number is None:
            _record(session, conversation_key, "", succeeded=False, now=moment)
            return StatusAnswer(AnswerCode.BAD_NUMBER)
        if _limited(session, conversation_key, number, check_number=account_id is None, now=moment):
            _record(session, conversation_key, number, succeeded=False, now=moment)
            return StatusAnswer(AnswerCode.LIMITED)
        application = session.scalar(select(Application).where(Application.confirmation_number == number))
        verified = application is not None and _second_factor_matches(
            application, birthdate, account_id, today or district_today()
        )
        _record(session, conversation_key, number, succeeded=verified, now=moment)
        if application is None or not verified:
            return StatusAnswer(AnswerCode.NOT_FOUND)
        return found_answer(application)


def found_answer(application: Application) -> StatusAnswer:
    """The answer for a verified application: status, key date, missing documents, language."""
    key = application_key_date(application)
    return StatusAnswer(
        code=AnswerCode.FOUND,
        status=application.status,
        date_kind=key.kind,
        key_date=key.day,
        missing_documents=missing_documents(application),
        rejected_documents=rejected_documents(application),
        confirmation_number=application.confirmation_number,
        language=application.language,
        student_first_name=application.student_first_name,
    )


def _second_factor_matches(
    application: Application, birthdate: str | date | None, account_id: int | None, today: date
) -> bool:
    if account_id is not None and application.account_id == account_id:
        return True
    if isinstance(birthdate, date):
        return birthdate == application.student_birthdate
    if not birthdate:
        return False
    reading = parse_date(birthdate, today=today)
    if reading is None:
        return False
    # "04/03/2015" reads both ways: either reading may be the parent's meaning.
    return application.student_birthdate in {reading.value, reading.day_first}


def _limited(
    session: Session, conversation_key: str, number: str, *, check_number: bool, now: datetime
) -> bool:
    failed = select(func.count(StatusLookup.id)).where(
        StatusLookup.succeeded.is_(False), StatusLookup.confirmation_number != ""
    )
    by_conversation = session.scalar(
        failed.where(
            StatusLookup.conversation_key == conversation_key,
            StatusLookup.looked_up_at > now - CONVERSATION_WINDOW,
        )
    )
    if (by_conversation or 0) >= CONVERSATION_LIMIT:
        return True
    if not check_number:
        return False  # a signed-in owner is not locked out by strangers guessing at the number
    by_number = session.scalar(
        failed.where(
            StatusLookup.confirmation_number == number, StatusLookup.looked_up_at > now - NUMBER_WINDOW
        )
    )
    return (by_number or 0) >= NUMBER_LIMIT


def _record(session: Session, conversation_key: str, number: str, *, succeeded: bool, now: datetime) -> None:
    session.add(
        StatusLookup(
            conversation_key=conversation_key,
            confirmation_number=number,
            succeeded=succeeded,
            looked_up_at=now,
        )
    )
