"""An account and an application written with the models, and a look at the outbox."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import select

from bot.rules.confirmation import check_symbol
from bot.store.application_models import Application
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus, OutboxMessage

NUMBER = f"LA-7K3M-9QX2-{check_symbol('7K3M9QX2')}"
PHONE = "+12135550123"


def make_application(
    database: str,
    *,
    language: str = "es",
    phone: str | None = None,
    phone_channel: str | None = None,
    opt_in: bool = False,
    email: str = "ana@example.com",
) -> int:
    """An incoming sibling application of Ana Núñez's son Luis, for 2027-28."""
    with unit_of_work(database) as session:
        account = Account(
            email=email, first_name="Ana", middle_name=None, last_name="Núñez", language=language,
            status=AccountStatus.active,
        )  # fmt: skip
        session.add(account)
        session.flush()
        application = Application(
            confirmation_number=NUMBER, submission_key="key-1", account_id=account.id, language=language,
            direction="incoming", reason="sibling", school_year="2027-2028", student_first_name="Luis",
            student_last_name="Núñez", student_birthdate=date(2016, 3, 4), grade="5",
            requested_school_name="Example Elementary", residence_district_name="Example Unified",
            status="pending_documents", submitted_at=datetime(2027, 3, 1, 18, tzinfo=timezone.utc),
            phone=phone, phone_channel=phone_channel, notifications_opt_in=opt_in,
        )  # fmt: skip
        session.add(application)
        session.flush()
        return application.id


def outbox(database: str) -> list[OutboxMessage]:
    """Every outbox row, oldest first."""
    with unit_of_work(database) as session:
        rows = list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        session.expunge_all()
        return rows
