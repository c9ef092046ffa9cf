"""Deliver the outbox on every channel: email (bot.mail.transport), SMS and WhatsApp (Twilio).

Only the delivery worker (bot.notifications.worker) calls this, never a parent's request.

Each due message is first *claimed*: one conditional UPDATE (still pending, same attempt count,
due) adds an attempt and pushes `next_attempt_at` a lease ahead, so a second worker running at the
same time skips it, and a worker that dies mid-send only delays it. Then it is sent outside any
transaction. A failure keeps it pending with `last_error` and a backed-off `next_attempt_at`
(bot.mail.outbox.retry_delay); a channel that is not configured keeps its messages pending,
untouched, and says so in the log. Nothing is ever deleted here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

import aiohttp
from sqlalchemy import func, or_, select, update

from bot.core.clock import as_utc, utc_now
from bot.mail.outbox import MAX_ATTEMPTS, retry_delay
from bot.mail.transport import build_message, deliver
from bot.notifications.twilio import TwilioAccount, send_text
from bot.rules.redaction import mask_personal_data
from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)
CHANNELS = ("email", "sms", "whatsapp")
#: How long a claimed message is left alone; longer than any send takes (SMTP and HTTP time out sooner).
CLAIM_LEASE = timedelta(minutes=5)


@dataclass(frozen=True)
class DeliveryReport:
    """One delivery pass: what went out, what failed, what could not be tried."""

    emails: int = 0  # emails sent
    texts: int = 0  # SMS and WhatsApp messages sent
    failed: int = 0  # tried and failed; retried later
    not_configured: int = 0  # pending on a channel without settings (kept for later)
    given_up: int = 0  # pending after MAX_ATTEMPTS tries: staff should look at them


@dataclass(frozen=True)
class _Claimed:
    id: int
    channel: str
    recipient: str
    subject: str
    body: str
    attempts: int


def _utc(moment: datetime | None) -> datetime:
    return utc_now() if moment is None else as_utc(moment)


def _due(url: str | None, channels: Collection[str], now: datetime, limit: int) -> list[tuple[int, int]]:
    """(id, attempts) of pending messages on `channels` whose time has come, oldest first."""
    with unit_of_work(url) as session:
        rows = session.execute(
            select(OutboxMessage.id, OutboxMessage.attempts)
            .where(
                OutboxMessage.status == OutboxStatus.pending,
                OutboxMessage.channel.in_(list(channels)),
                OutboxMessage.attempts < MAX_ATTEMPTS,
                or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
        return [(row.id, row.attempts) for row in rows]


def _count_pending(url: str | None, channels: Collection[str], *, exhausted: bool) -> int:
    """Pending messages on `channels`: those still to try, or those past MAX_ATTEMPTS."""
    tries = OutboxMessage.attempts >= MAX_ATTEMPTS if exhausted else OutboxMessage.attempts < MAX_ATTEMPTS
    with unit_of_work(url) as session:
        query = select(func.count(OutboxMessage.id)).where(
            OutboxMessage.status == OutboxStatus.pending, OutboxMessage.channel.in_(list(channels)), tries
        )
        return int(session.scalar(query) or 0)


def _claim(url: str | None, message_id: int, attempts: int, now: datetime) -> _Claimed | None:
    """Take the message for this worker, or None when another worker took it first."""
    with unit_of_work(url) as session:
        result = session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == message_id,
                OutboxMessage.status == OutboxStatus.pending,
                OutboxMessage.attempts == attempts,
                or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
            )
            .values(attempts=attempts + 1, next_attempt_at=now + CLAIM_LEASE)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            return None
        row = session.get_one(OutboxMessage, message_id)
        return _Claimed(row.id, row.channel, row.recipient, row.subject, row.body, row.attempts)


def _record(url: str | None, claimed: _Claimed, now: datetime, error: Exception | None) -> None:
    """Mark the message sent, or keep it pending with the error and the next try's time."""
    values: dict[str, object]
    if error is None:
        values = {"status": OutboxStatus.sent, "sent_at": now, "next_attempt_at": None, "last_error": None}
    else:
        values = {
            "last_error": f"{type(error).__name__}: {error}"[:500],
            "next_attempt_at": now + retry_delay(claimed.attempts),
        }
    with unit_of_work(url) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == claimed.id, OutboxMessage.attempts == claimed.attempts)
            .values(**values)
            .execution_options(synchronize_session=False)
        )


async def _send(claimed: _Claimed, account: TwilioAccount, http: aiohttp.ClientSession) -> None:
    if claimed.channel == "email":
        await deliver(build_message(claimed.recipient, claimed.subject, claimed.body), claimed.id)
    else:
        await send_text(http, account, claimed.channel, claimed.recipient, claimed.body)


def configured_channels(account: TwilioAccount | None = None) -> list[str]:
    """Channels that can be delivered now: email always (SMTP, or .eml files), texts with Twilio settings."""
    account = account or TwilioAccount.from_env()
    return ["email", *(channel for channel in ("sms", "whatsapp") if account.configured(channel))]


async def deliver_outbox(
    database_url: str | None = None,
    now: datetime | None = None,
    *,
    channels: Collection[str] = CHANNELS,
    limit: int = 100,
) -> DeliveryReport:
    """One delivery pass over the due messages of `channels` (every channel by default).

    Safe to run at any time and from several workers at once: each message is sent by one worker.
    `now` (default: the clock) decides which messages are due and stamps the attempt.
    """
    moment = _utc(now)
    account = TwilioAccount.from_env()
    ready = [channel for channel in configured_channels(account) if channel in channels]
    unready = [channel for channel in channels if channel not in ready]
    waiting = (
        await asyncio.to_thread(_count_pending, database_url, unready, exhausted=False) if unready else 0
    )
    if waiting:
        logger.warning(
            "%s messages wait for a channel that is not configured (%s)", waiting, ", ".join(unready)
        )
    sent = {"email": 0, "text": 0}
    failed = 0
    due = await asyncio.to_thread(_due, database_url, ready, moment, limit)
    async with aiohttp.ClientSession() as http:
        for message_id, attempts in due:
            claimed = await asyncio.to_thread(_claim, database_url, message_id, attempts, moment)
            if claimed is None:
                continue  # another worker has it
            error: Exception | None = None
            try:
                await _send(claimed, account, http)
            except Exception as problem:  # the channel is down or refused: keep it, retry later
                error = problem
                failed += 1
                logger.warning(
                    "Outbox %s (%s) not delivered, attempt %s: %s",
                    claimed.id, claimed.channel, claimed.attempts, mask_personal_data(str(problem)),
                )  # fmt: skip
            else:
                sent["email" if claimed.channel == "email" else "text"] += 1
            await asyncio.to_thread(_record, database_url, claimed, _utc(now), error)
    given_up = await asyncio.to_thread(_count_pending, database_url, list(channels), exhausted=True)
    if given_up:
        logger.error("%s outbox messages are still pending after %s attempts", given_up, MAX_ATTEMPTS)
    return DeliveryReport(sent["email"], sent["text"], failed, waiting, given_up)
