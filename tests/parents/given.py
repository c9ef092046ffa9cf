"""The fixtures a conversation starts from (`given:`), created through the project's own services.

Runs in the test process against the servers' DATABASE_URL and SECRET_KEY (set by conftest.py), so
the servers see the accounts and applications exactly as if a parent had made them.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

PASSWORD = "Maple7Harbor"
ACTIVATION_TOKEN = re.compile(r"/activate/([^\s\"<>]+)")
PARENT_FIRST_NAME = "Carmen"
PARENT_LAST_NAME = "Ibarra"


@dataclass(frozen=True)
class GivenAccount:
    """A parent account made for one conversation."""

    account_id: int
    email: str
    first_name: str


@dataclass(frozen=True)
class GivenApplication:
    """A submitted application of that account."""

    confirmation_number: str
    birthdate: date


def create_account(email: str, status: str, language: str, database_url: str) -> GivenAccount:
    """Register `email` (as the chat does) and, for `active`, set its password with the mailed link."""
    import bot.store.all_models  # noqa: F401 (every table: the mappers refer to each other by name)
    from bot.accounts.registration import RegistrationRequest, activate, register
    from bot.store.database import unit_of_work
    from bot.store.models import Account, OutboxMessage

    request = RegistrationRequest(PARENT_FIRST_NAME, None, PARENT_LAST_NAME, email, language)
    register(request, database_url=database_url)
    with unit_of_work(database_url) as session:
        account_id = session.scalar(select(Account.id).where(Account.email == email))
        bodies = session.scalars(
            select(OutboxMessage.body)
            .where(OutboxMessage.recipient == email)
            .order_by(OutboxMessage.id.desc())
        ).all()
    assert account_id is not None, f"registration of {email} stored no account"
    if status == "active":
        # The same link the parent gets by email, whatever the token carries.
        links = [found.group(1) for body in bodies if (found := ACTIVATION_TOKEN.search(body))]
        assert links, f"no activation email was queued for {email}"
        result = activate(links[0], PASSWORD, PASSWORD, database_url=database_url)
        assert result.code == "activated", f"activation of {email}: {result.code} {result.problems}"
    return GivenAccount(account_id, email, PARENT_FIRST_NAME)


def _school_year(today: date) -> str:
    from bot.rules.school_year import SchoolYear

    return SchoolYear.containing(today).label


def create_application(
    account: GivenAccount, spec: dict[str, Any], language: str, today: date, database_url: str
) -> GivenApplication:
    """Submit an application for `account` with the fields of `given.application` (defaults for the rest)."""
    from bot.applications.submission import ApplicationDraft, submit_application

    incoming = spec["direction"] == "incoming"
    birthdate = date.fromisoformat(str(spec["birthdate"]))
    draft = ApplicationDraft(
        account_id=account.account_id,
        language=language,
        direction=str(spec["direction"]),
        reason=str(spec["reason"]),
        school_year=str(spec.get("school_year") or _school_year(today)),
        student_first_name=str(spec["student_first_name"]),
        student_last_name=str(spec.get("student_last_name") or PARENT_LAST_NAME),
        student_birthdate=birthdate,
        grade=str(spec["grade"]),
        requested_school_name=str(
            spec.get("school") or ("Ninth Street Elementary" if incoming else "Burbank Unified")
        ),
        requested_school_cds=None,
        residence_district_name=str(
            spec.get("district") or ("Pasadena Unified" if incoming else "Los Angeles Unified")
        ),
        residence_district_cds=None,
        release_in_hand=False,
        answers={str(k): str(v) for k, v in (spec.get("answers") or {}).items()},
    )
    submission = submit_application(draft, f"parents-{uuid.uuid4().hex}", database_url=database_url)
    return GivenApplication(submission.confirmation_number, birthdate)
