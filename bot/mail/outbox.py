"""The outbox: every email is stored first, in the caller's transaction, and delivered later.

Nothing here sends: the delivery worker (``python -m bot.notifications.worker``) does, with
bot.notifications.delivery; failures stay pending and are retried with the delay below.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from bot.store.models import OutboxMessage

#: After this many failed attempts a message stays pending but is no longer tried (staff look).
MAX_ATTEMPTS = 20
MAX_RETRY_MINUTES = 60


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after `attempts` failed attempts.

    One immediate retry (a dropped connection often works the second time), then 1, 2, 4 …
    minutes, at most an hour.
    """
    if attempts <= 1:
        return timedelta(0)
    return timedelta(minutes=min(2 ** (attempts - 2), MAX_RETRY_MINUTES))


def queue_email(session: Session, recipient: str, subject: str, body: str) -> OutboxMessage:
    """Store an email for delivery, in the caller's unit of work."""
    message = OutboxMessage(recipient=recipient, subject=subject, body=body)
    session.add(message)
    return message
