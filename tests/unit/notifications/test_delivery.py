"""The outbox is delivered on every channel; failures wait and are retried; nothing is lost."""

from __future__ import annotations

import asyncio
import base64
from datetime import datetime, timedelta, timezone

import pytest

from bot.applications.notices import queue_status_notice
from bot.notifications.delivery import deliver_outbox
from bot.notifications.worker import main, run_forever
from bot.store.application_models import Application, StatusChange
from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage, OutboxStatus
from tests.unit.notifications.rows import NUMBER, PHONE, make_application, outbox
from tests.unit.notifications.servers import SmtpServer, TwilioStandIn, closed_port

T0 = datetime(2027, 3, 1, 18, 0, tzinfo=timezone.utc)
SID, TOKEN = "AC0123456789abcdef0123456789abcdef", "test-auth-token"


def notify(database: str, application_id: int, status: str = "approved") -> None:
    with unit_of_work(database) as session:
        application = session.get_one(Application, application_id)
        queue_status_notice(session, application, StatusChange(to_status=status))


def due_at(message: OutboxMessage) -> datetime | None:
    moment = message.next_attempt_at
    return None if moment is None else moment.replace(tzinfo=timezone.utc)


@pytest.fixture
def twilio_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", SID)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("TWILIO_SMS_FROM", "+13105550000")
    monkeypatch.setenv("TWILIO_WHATSAPP_FROM", "whatsapp:+13105550001")
    return monkeypatch


@pytest.fixture(autouse=True)
def no_twilio(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_SMS_FROM", "TWILIO_WHATSAPP_FROM"):
        monkeypatch.delenv(name, raising=False)


def test_an_email_waits_with_backoff_while_smtp_is_down_and_goes_out_once_when_it_is_back(
    database, monkeypatch
):
    notify(database, make_application(database, language="en"))
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(closed_port()))

    first = asyncio.run(deliver_outbox(now=T0))
    [kept] = outbox(database)
    assert (first.emails, first.failed, kept.status, kept.attempts) == (0, 1, OutboxStatus.pending, 1)
    assert kept.last_error and due_at(kept) == T0  # one immediate retry
    second = T0 + timedelta(seconds=5)
    asyncio.run(deliver_outbox(now=second))
    assert due_at(outbox(database)[0]) == second + timedelta(minutes=1)
    assert asyncio.run(deliver_outbox(now=second + timedelta(seconds=30))).failed == 0  # not due yet
    third = second + timedelta(minutes=1)
    asyncio.run(deliver_outbox(now=third))
    [kept] = outbox(database)
    assert kept.attempts == 3 and due_at(kept) == third + timedelta(minutes=2)  # the wait doubles

    with SmtpServer() as smtp:
        monkeypatch.setenv("SMTP_PORT", str(smtp.port))
        assert asyncio.run(deliver_outbox(now=third + timedelta(minutes=1))).emails == 0  # still waiting
        assert asyncio.run(deliver_outbox(now=third + timedelta(minutes=2))).emails == 1
        assert asyncio.run(deliver_outbox(now=third + timedelta(hours=5))).emails == 0  # never twice
        [mail] = smtp.mailbox.messages
    assert mail["To"] == "ana@example.com" and mail["Subject"] == f"Permit application {NUMBER} was approved"
    assert "Next step: enroll your child" in mail.get_content()
    [sent] = outbox(database)
    assert sent.status == OutboxStatus.sent and sent.sent_at is not None and sent.attempts == 4


def test_an_sms_reaches_twilio_with_the_form_fields_and_basic_auth(database, twilio_env):
    notify(database, make_application(database, language="es", phone=PHONE, phone_channel="sms", opt_in=True))
    twilio = TwilioStandIn()

    async def deliver() -> object:
        async with twilio.running() as base:
            twilio_env.setenv("TWILIO_API_BASE", base)
            return await deliver_outbox()

    report = asyncio.run(deliver())
    assert (report.emails, report.texts, report.failed) == (1, 1, 0)  # type: ignore[attr-defined]
    [(path, auth, form)] = twilio.requests
    assert path == f"/2010-04-01/Accounts/{SID}/Messages.json"
    assert auth == "Basic " + base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
    assert (form["From"], form["To"]) == ("+13105550000", PHONE)
    assert form["Body"].startswith("Permisos LAUSD:") and NUMBER in form["Body"] and "ALTO" in form["Body"]
    assert [row.status for row in outbox(database)] == [OutboxStatus.sent, OutboxStatus.sent]


def test_a_whatsapp_message_goes_from_and_to_whatsapp_addresses(database, twilio_env):
    notify(
        database,
        make_application(database, language="en", phone=PHONE, phone_channel="whatsapp", opt_in=True),
    )
    twilio = TwilioStandIn()

    async def deliver() -> None:
        async with twilio.running() as base:
            twilio_env.setenv("TWILIO_API_BASE", base)
            await deliver_outbox()

    asyncio.run(deliver())
    [(_, _, form)] = twilio.requests
    assert (form["From"], form["To"]) == ("whatsapp:+13105550001", f"whatsapp:{PHONE}")


def test_a_refused_text_stays_pending_with_twilios_error(database, twilio_env):
    notify(database, make_application(database, language="en", phone=PHONE, phone_channel="sms", opt_in=True))
    twilio = TwilioStandIn(status=400)

    async def deliver() -> None:
        async with twilio.running() as base:
            twilio_env.setenv("TWILIO_API_BASE", base)
            await deliver_outbox(now=T0)

    asyncio.run(deliver())
    email, text = outbox(database)
    assert email.status == OutboxStatus.sent
    assert (text.status, text.attempts, due_at(text)) == (OutboxStatus.pending, 1, T0)
    assert text.last_error and "400" in text.last_error and "21211" in text.last_error


def test_a_channel_without_settings_keeps_its_messages_until_it_is_configured(database, twilio_env):
    notify(database, make_application(database, language="en", phone=PHONE, phone_channel="sms", opt_in=True))
    twilio_env.delenv("TWILIO_SMS_FROM")
    report = asyncio.run(deliver_outbox())
    email, text = outbox(database)
    assert (report.emails, report.texts, report.not_configured) == (1, 0, 1)
    assert (text.status, text.attempts, text.last_error) == (OutboxStatus.pending, 0, None)

    twilio = TwilioStandIn()

    async def deliver() -> None:
        async with twilio.running() as base:
            twilio_env.setenv("TWILIO_API_BASE", base)
            twilio_env.setenv("TWILIO_SMS_FROM", "+13105550000")
            await deliver_outbox()

    asyncio.run(deliver())
    assert len(twilio.requests) == 1 and outbox(database)[1].status == OutboxStatus.sent


def test_two_workers_at_once_send_each_message_once(database, twilio_env):
    with unit_of_work(database) as session:
        for index in range(6):
            session.add(OutboxMessage(channel="sms", recipient=PHONE, subject="", body=f"message {index}"))
    twilio = TwilioStandIn(delay=0.02)

    async def two_workers() -> int:
        async with twilio.running() as base:
            twilio_env.setenv("TWILIO_API_BASE", base)
            reports = await asyncio.gather(deliver_outbox(), deliver_outbox())
            return sum(report.texts for report in reports)

    assert asyncio.run(two_workers()) == 6
    assert sorted(form["Body"] for _, _, form in twilio.requests) == [f"message {i}" for i in range(6)]
    assert {row.status for row in outbox(database)} == {OutboxStatus.sent}


def test_a_pass_over_the_email_channel_sends_only_the_emails(database, twilio_env, tmp_path):
    notify(database, make_application(database, language="en", phone=PHONE, phone_channel="sms", opt_in=True))
    twilio_env.setenv("TWILIO_API_BASE", f"http://127.0.0.1:{closed_port()}")
    assert asyncio.run(deliver_outbox(channels=("email",))).emails == 1
    email, text = outbox(database)
    assert email.status == OutboxStatus.sent and (text.status, text.attempts) == (OutboxStatus.pending, 0)
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


def test_the_command_delivers_one_pass_and_says_what_it_did(database, capsys):
    notify(database, make_application(database, language="en", phone=PHONE, phone_channel="sms", opt_in=True))
    assert main(["--once"]) == 0
    out = capsys.readouterr().out
    assert "sent 1 emails and 0 texts" in out and "1 wait for a channel that is not configured" in out


def test_the_worker_delivers_a_message_queued_while_it_runs_within_a_poll(database, tmp_path):
    async def worker_and_parent() -> float:
        worker = asyncio.create_task(run_forever(poll_seconds=0.2))
        await asyncio.sleep(0.3)  # the worker is idle, waiting for work
        notify(database, make_application(database, language="en"))
        queued = asyncio.get_running_loop().time()
        while not list((tmp_path / "outbox").glob("*.eml")):
            await asyncio.sleep(0.05)
            assert asyncio.get_running_loop().time() - queued < 5, "the worker never delivered"
        worker.cancel()
        return asyncio.get_running_loop().time() - queued

    assert asyncio.run(worker_and_parent()) < 2
    assert [row.status for row in outbox(database)] == [OutboxStatus.sent]
