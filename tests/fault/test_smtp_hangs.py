"""A mail server that accepts the connection and never answers must not hold a parent's reply.

Mail leaves the outbox in the delivery worker (bot.notifications.worker), never inside the chat
request: the reply comes at once, and the email follows when the server works again.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

from sqlalchemy import update

from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage, OutboxStatus
from tests.fault.conftest import Production, Smtp
from tests.fault.test_smtp_outage import fill_registration, outbox

REPLY_SECONDS = 1.0


def test_the_reply_comes_at_once_while_smtp_hangs_and_the_mail_follows_after_recovery(
    prod: Production, smtp: Smtp, sender: str
):
    email = f"{sender}@example.com"
    with smtp.hanging():
        confirm = fill_registration(prod, sender, email)
        started = time.monotonic()
        done = prod.say(sender, confirm)  # stores the account and queues the activation email
        reply_seconds = time.monotonic() - started
        assert done.status == 200 and "correo de activación" in done.text
        assert reply_seconds < REPLY_SECONDS, f"the reply waited {reply_seconds:.1f} s"
        pending = outbox(prod, email)
        assert [row.status for row in pending] == [OutboxStatus.pending]
        time.sleep(2)  # the worker is now stuck on the silent server, not the parent
        assert smtp.mailbox.to(email) == []

    # The silent attempt times out and backs off; let that wait pass instead of sleeping it out.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not smtp.mailbox.to(email):
        with unit_of_work(prod.database_url) as session:
            session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.recipient == email, OutboxMessage.status == OutboxStatus.pending)
                .values(next_attempt_at=datetime.now(timezone.utc))
            )
        time.sleep(1)
    delivered = smtp.mailbox.wait_for(email)
    assert len(delivered) == 1 and "activ" in delivered[0]["Subject"].lower()
    assert [row.status for row in outbox(prod, email)] == [OutboxStatus.sent]
