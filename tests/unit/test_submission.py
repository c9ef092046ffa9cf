"""Submitting an application: one transaction, one application and one number per submission key."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import func, select

from bot.applications.submission import ApplicationDraft, submit_application
from bot.rules.confirmation import parse_confirmation_number
from bot.store.application_models import Application, StatusChange
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus, OutboxMessage


@pytest.fixture
def account(database: str) -> int:
    with unit_of_work(database) as session:
        row = Account(
            email="ana@example.com",
            first_name="Ana",
            last_name="López",
            language="es",
            status=AccountStatus.active,
        )
        session.add(row)
        session.flush()
        return row.id


def draft(account_id: int, **changes) -> ApplicationDraft:
    values = dict(
        account_id=account_id,
        language="es",
        direction="incoming",
        reason="parent_employment",
        school_year="2026-27",
        student_first_name="Sofía",
        student_last_name="López",
        student_birthdate=date(2016, 3, 14),
        grade="5",
        requested_school_name="Hollywood Senior High",
        requested_school_cds="19647331934033",
        residence_district_name="Compton Unified",
        residence_district_cds="19734370000000",
        release_in_hand=False,
        answers={"employer_name": "Kaiser", "work_address": "4867 Sunset Blvd"},
    )
    values.update(changes)
    return ApplicationDraft(**values)


def count(database: str, model) -> int:
    with unit_of_work(database) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_submission_stores_the_application_its_history_and_the_email(database: str, account: int) -> None:
    submission = submit_application(draft(account), "key-1")
    assert (
        submission.created
        and parse_confirmation_number(submission.confirmation_number) == submission.confirmation_number
    )
    with unit_of_work(database) as session:
        stored = session.scalar(select(Application))
        assert stored.status == "submitted" and stored.answers["work_address"] == "4867 Sunset Blvd"
        mail = session.scalar(select(OutboxMessage))
        assert mail.recipient == "ana@example.com"
        assert submission.confirmation_number in mail.subject and "/upload/" in mail.body
        assert "Carta del empleador" in mail.body or "empleador" in mail.body  # the documents, in Spanish
    assert count(database, StatusChange) == 1


def test_submitting_twice_gives_the_same_number_and_one_application(database: str, account: int) -> None:
    first = submit_application(draft(account), "key-2")
    again = submit_application(draft(account), "key-2")
    assert (again.confirmation_number, again.created) == (first.confirmation_number, False)
    with ThreadPoolExecutor(4) as pool:  # a retried request racing the first one
        numbers = set(
            pool.map(lambda _: submit_application(draft(account), "key-3").confirmation_number, range(4))
        )
    assert len(numbers) == 1
    assert count(database, Application) == 2 and count(database, OutboxMessage) == 2


def test_a_failing_database_leaves_nothing_half_written(database: str, account: int) -> None:
    with unit_of_work(database) as session:  # the outbox insert fails inside the transaction
        session.connection().exec_driver_sql(
            "CREATE TRIGGER no_mail BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'mail table down'); END"
        )
    with pytest.raises(Exception):  # noqa: B017 - whatever the database raises, nothing is stored
        submit_application(draft(account), "key-4")
    assert count(database, Application) == 0 and count(database, StatusChange) == 0
    with unit_of_work(database) as session:
        session.connection().exec_driver_sql("DROP TRIGGER no_mail")
    assert submit_application(draft(account), "key-4").created
    assert count(database, Application) == 1
