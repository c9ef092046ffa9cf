"""Deliver the outbox on every channel: email (bot.mail), SMS and WhatsApp (Twilio's REST API).

A message that fails stays pending with its error and is retried later (backing off); a channel
that is not configured keeps its messages pending. `python -m bot.notifications.delivery [--loop N]`.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import sys
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from bot.mail.outbox import MAX_ATTEMPTS, _aware, deliver_pending, retry_delay
from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeliveryReport:
    """How many messages went out in one pass."""

    emails: int
    texts: int


def twilio_configured() -> bool:
    """True when the Twilio credentials are in the environment."""
    return bool(os.environ.get("TWILIO_ACCOUNT_SID") and os.environ.get("TWILIO_AUTH_TOKEN"))


def _send_text(channel: str, to: str, body: str) -> None:
    """POST one message to Twilio's REST API (blocking: called in a thread)."""
    sid, token = os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"]
    base = os.environ.get("TWILIO_API_BASE", "https://api.twilio.com").rstrip("/")
    if channel == "whatsapp":
        sender, to = f"whatsapp:{os.environ.get('TWILIO_WHATSAPP_FROM', '')}", f"whatsapp:{to}"
    else:
        sender = os.environ.get("TWILIO_SMS_FROM", "")
    request = urllib.request.Request(
        f"{base}/2010-04-01/Accounts/{sid}/Messages.json",
        data=urllib.parse.urlencode({"From": sender, "To": to, "Body": body}).encode(),
        headers={"Authorization": "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode()},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - the configured API
        if response.status >= 300:
            raise RuntimeError(f"Twilio answered {response.status}")


async def deliver_texts(database_url: str | None = None, limit: int = 50) -> int:
    """Send pending SMS and WhatsApp messages; returns how many were sent."""
    if not twilio_configured():
        return 0
    now = datetime.now(timezone.utc)
    sent = 0
    with unit_of_work(database_url) as db:
        pending = db.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.status == OutboxStatus.pending,
                OutboxMessage.channel.in_(("sms", "whatsapp")),
                OutboxMessage.attempts < MAX_ATTEMPTS,
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
        ).all()
        for item in pending:
            if item.next_attempt_at is not None and _aware(item.next_attempt_at) > now:
                continue
            item.attempts += 1
            try:
                await asyncio.to_thread(_send_text, item.channel, item.recipient, item.body)
            except Exception as error:  # Twilio unreachable or refusing: keep it, retry later
                item.last_error = f"{type(error).__name__}: {error}"[:500]
                item.next_attempt_at = now + retry_delay(item.attempts)
                logger.warning("Text %s not delivered (attempt %s): %s", item.id, item.attempts, error)
                continue
            item.status = OutboxStatus.sent
            item.sent_at = now
            sent += 1
    return sent


async def deliver_outbox(database_url: str | None = None) -> DeliveryReport:
    """One delivery pass over every channel."""
    return DeliveryReport(emails=await deliver_pending(database_url), texts=await deliver_texts(database_url))


async def _loop(seconds: float) -> None:
    while True:
        report = await deliver_outbox()
        logger.info("Delivered %s emails and %s texts", report.emails, report.texts)
        await asyncio.sleep(seconds)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--loop":
        asyncio.run(_loop(float(sys.argv[2])))
    else:
        print(asyncio.run(deliver_outbox()))
