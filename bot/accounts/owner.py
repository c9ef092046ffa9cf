"""Finding an account by its email, and writing only to that account's owner."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.mail.messages import compose
from bot.mail.outbox import queue_email
from bot.rules.email_address import canonical_email
from bot.store.models import Account


def account_by_email(session: Session, email: str) -> Account | None:
    """The account of the mailbox `email` (compared in its canonical form: case, Unicode width and
    surrounding spaces do not count); None when there is none. Accounts flagged `duplicate` have
    no key and are never found."""
    return session.scalar(select(Account).where(Account.email_key == canonical_email(email)))


def mail_owner(session: Session, account: Account, kind: str, language: str, **params: object) -> None:
    """Queue the email `kind` in `language` to the account's own address, in the caller's unit of work."""
    content = compose(kind, language, first_name=account.first_name, **params)
    queue_email(session, account.email, content.subject, content.body)
