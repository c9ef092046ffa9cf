"""Accounts and outbox helpers for the account-service tests."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from sqlalchemy import select

from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus, OutboxMessage

CODE = re.compile(r"^(\d{6})$", re.MULTILINE)
RESET_LINK = re.compile(r"https://permits\.example\.org/reset/(\S+)")


def active_account(database: str, email: str = "ana@example.com", language: str = "en") -> int:
    """An activated account with a password, as activation leaves it."""
    with unit_of_work(database) as session:
        account = Account(
            email=email,
            first_name="Ana",
            middle_name=None,
            last_name="Núñez",
            language=language,
            status=AccountStatus.active,
            password_hash=PasswordHasher().hash("Primera12Clave"),
        )
        session.add(account)
        session.flush()
        return account.id


def outbox(database: str) -> list[OutboxMessage]:
    with unit_of_work(database) as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def mailed_code(message: OutboxMessage) -> str:
    match = CODE.search(message.body)
    assert match, message.body
    return match.group(1)


def reset_token(message: OutboxMessage) -> str:
    match = RESET_LINK.search(message.body)
    assert match, message.body
    return match.group(1)
