"""The outbox: every email is stored first, then delivered; failures stay pending and are retried."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.mail.transport import build_message, deliver
from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 20


def retry_delay(attempts: int) -> timedelta:
    """Wait 1, 2, 4 … minutes after each failed attempt, at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def queue_email(session: Session, recipient: str, subject: str, body: str) -> OutboxMessage:
    """Store an email for delivery, in the caller's unit of work."""
    message = OutboxMessage(recipient=recipient, subject=subject, body=body)
    session.add(message)
    return message


async def deliver_pending(database_url: str | None = None, limit: int = 50) -> int:
    """Try to deliver every pending email; returns how many were sent. Safe to run any time."""
    with unit_of_work(database_url) as session:
        pending = session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.status == OutboxStatus.pending,
                OutboxMessage.channel == "email",
                OutboxMessage.attempts < MAX_ATTEMPTS,
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
        ).all()
        sent = 0
        now = datetime.now(timezone.utc)
        for item in pending:
            if item.next_attempt_at is not None and _aware(item.next_attempt_at) > now:
                continue  # backing off after a failure
            item.attempts += 1
            try:
                await deliver(build_message(item.recipient, item.subject, item.body), item.id)
            except Exception as error:  # the server is down: keep it, retry later
                item.last_error = f"{type(error).__name__}: {error}"[:500]
                item.next_attempt_at = now + retry_delay(item.attempts)
                logger.warning("Mail %s not delivered (attempt %s): %s", item.id, item.attempts, error)
                continue
            item.status = OutboxStatus.sent
            item.sent_at = datetime.now(timezone.utc)
            sent += 1
        return sent
