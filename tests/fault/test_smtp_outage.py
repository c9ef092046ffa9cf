"""The mail server is down when a parent registers: the email waits in the outbox, nothing is lost."""

import re
import time
from datetime import datetime, timezone

from sqlalchemy import select, update

from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage, OutboxStatus
from tests.fault.conftest import Production, Smtp


def register(prod: Production, sender: str, email: str) -> str:
    """The registration form in Spanish; returns the bot's last answer."""
    return prod.say(sender, fill_registration(prod, sender, email)).text


def fill_registration(prod: Production, sender: str, email: str) -> str:
    """Every answer of the registration form; returns the payload that creates the account."""
    prod.say(sender, "quiero crear una cuenta")
    prod.say(sender, "Lucía")
    prod.say(sender, "no tengo")
    prod.say(sender, "Ramírez")
    prod.say(sender, email)
    digits = re.search(r"(\d) (\d) (\d) (\d)", prod.say(sender, email).text)
    assert digits
    summary = prod.say(sender, "".join(digits.groups()))
    return next(
        b["payload"] for m in summary.messages for b in m.get("buttons", []) if b["payload"] == "/affirm"
    )


def outbox(prod: Production, email: str) -> list[OutboxMessage]:
    with unit_of_work(prod.database_url) as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == email)).all()
        session.expunge_all()
        return list(rows)


def test_an_email_written_while_smtp_is_down_is_delivered_once_after_recovery(
    prod: Production, smtp: Smtp, sender: str
):
    email = f"{sender}@example.com"
    smtp.down()
    try:
        done = register(prod, sender, email)
        assert "correo de activación" in done  # the parent is told the email is on its way
        deadline = time.monotonic() + 10  # the delivery worker tries within a second or two
        while time.monotonic() < deadline and not outbox(prod, email)[0].attempts:
            time.sleep(0.5)
        waiting = outbox(prod, email)
        assert len(waiting) == 1 and waiting[0].status == OutboxStatus.pending
        assert waiting[0].attempts >= 1 and waiting[0].last_error
    finally:
        smtp.up()
    assert smtp.mailbox.to(email) == []

    # The retry waits one minute after a failure; let that minute pass instead of sleeping.
    with unit_of_work(prod.database_url) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.recipient == email)
            .values(next_attempt_at=datetime.now(timezone.utc))
        )
    delivered = smtp.mailbox.wait_for(email)  # the worker delivers it
    assert len(delivered) == 1 and "activ" in delivered[0]["Subject"].lower()
    deadline = time.monotonic() + 10  # the worker marks it sent just after the server accepted it
    while time.monotonic() < deadline and outbox(prod, email)[0].status != OutboxStatus.sent:
        time.sleep(0.2)
    assert [row.status for row in outbox(prod, email)] == [OutboxStatus.sent]

    time.sleep(3)  # later passes of the worker send nothing twice
    assert len(smtp.mailbox.to(email)) == 1
