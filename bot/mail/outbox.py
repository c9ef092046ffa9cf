"""The outbox: every email is stored first, then delivered; failures stay pending and are retried.

Delivery itself (every channel, retries, two workers at once) is bot.notifications.delivery;
`deliver_pending` is its email-only pass, kept for the callers that send right after queuing.
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


async def deliver_pending(database_url: str | None = None, limit: int = 50) -> int:
    """Try to deliver every due email; returns how many were sent. Safe to run any time."""
    # Imported here: the delivery module builds on this one (retry_delay, MAX_ATTEMPTS).
    from bot.notifications.delivery import deliver_outbox

    report = await deliver_outbox(database_url, channels=("email",), limit=limit)
    return report.emails
