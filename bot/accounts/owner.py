"""Finding an account by its email, and writing only to that account's owner."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.mail.messages import compose
from bot.mail.outbox import queue_email
from bot.store.models import Account


def normalized_address(email: str) -> str:
    """The form used to compare addresses and to key rate limits: trimmed, lower case."""
    return email.strip().lower()


def account_by_email(session: Session, email: str) -> Account | None:
    """The account whose email is `email`, compared case-insensitively; None when there is none."""
    return session.scalar(select(Account).where(func.lower(Account.email) == normalized_address(email)))


def mail_owner(session: Session, account: Account, kind: str, language: str, **params: object) -> None:
    """Queue the email `kind` in `language` to the account's own address, in the caller's unit of work."""
    content = compose(kind, language, first_name=account.first_name, **params)
    queue_email(session, account.email, content.subject, content.body)
