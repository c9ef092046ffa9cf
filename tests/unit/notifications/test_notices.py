"""What a parent is sent about an application lands in the outbox, in their language and channels."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from bot.applications.notices import queue_confirmation, queue_deadline_warning, queue_status_notice
from bot.rules.sms import segment_count
from bot.rules.status import Status
from bot.store.application_models import Application, StatusChange
from bot.store.database import unit_of_work
from tests.unit.notifications.rows import NUMBER, PHONE, make_application, outbox


def notify(database: str, application_id: int, status: str) -> None:
    with unit_of_work(database) as session:
        application = session.get_one(Application, application_id)
        change = StatusChange(application_id=application_id, from_status=application.status, to_status=status)
        queue_status_notice(session, application, change)


@pytest.fixture
def no_catalog_problems(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.ERROR, logger="bot.core.text")
    yield
    assert [r.message for r in caplog.records if r.name == "bot.core.text"] == []


@pytest.mark.parametrize(
    ("language", "subject", "body_words", "sms_words"),
    [
        (
            "en",
            f"Permit application {NUMBER} was approved",
            ["Hello Ana,", "Next step: enroll"],
            "Reply STOP",
        ),
        (
            "es",
            f"La solicitud de permiso {NUMBER} fue aprobada",
            ["Hola, Ana:", "Siguiente paso: inscriba"],
            "ALTO",
        ),
    ],
)
def test_an_approval_goes_by_email_and_sms_in_the_parents_language(
    database, no_catalog_problems, language, subject, body_words, sms_words
):
    app = make_application(database, language=language, phone=PHONE, phone_channel="sms", opt_in=True)
    notify(database, app, "approved")
    email, text = outbox(database)
    assert (email.channel, email.recipient, email.subject) == ("email", "ana@example.com", subject)
    assert all(words in email.body for words in body_words) and "Example Elementary" in email.body
    assert (text.channel, text.recipient, text.subject) == ("sms", PHONE, "")
    assert NUMBER in text.body and sms_words in text.body
    assert email.status.value == text.status.value == "pending" and email.attempts == 0


def test_whatsapp_parents_get_a_whatsapp_message_without_the_sms_stop_line(database):
    app = make_application(database, language="es", phone=PHONE, phone_channel="whatsapp", opt_in=True)
    notify(database, app, "denied")
    [email, text] = outbox(database)
    assert text.channel == "whatsapp" and text.recipient == PHONE
    assert "negada" in text.body and "ALTO" not in text.body
    assert "appeals.lacoe.edu" in email.body and "14 días" in email.body


@pytest.mark.parametrize(("phone", "opt_in"), [(PHONE, False), (None, True)])
def test_without_consent_or_number_only_the_email_is_queued(database, phone, opt_in):
    app = make_application(database, language="en", phone=phone, phone_channel="sms", opt_in=opt_in)
    notify(database, app, "under_review")
    [email] = outbox(database)
    assert email.channel == "email" and "under review" in email.subject


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("status", [s.value for s in Status])
def test_every_status_says_the_number_and_a_next_step_and_its_text_is_short(
    database, no_catalog_problems, language, status
):
    app = make_application(database, language=language, phone=PHONE, phone_channel="sms", opt_in=True)
    notify(database, app, status)
    email, text = outbox(database)
    next_step = {"en": "Next step:", "es": "Siguiente paso:"}[language]
    assert NUMBER in email.subject and NUMBER in email.body and next_step in email.body
    assert NUMBER in text.body and segment_count(text.body) <= 3


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["proof that the sibling is enrolled", "30 days", "Please keep it"]),
        ("es", ["comprobante de que el hermano o la hermana", "30 días", "guárdelo"]),
    ],
)
def test_the_confirmation_email_lists_the_documents_the_link_and_the_30_day_rule(database, language, words):
    app = make_application(database, language=language, phone=PHONE, phone_channel="sms", opt_in=True)
    with unit_of_work(database) as session:
        application = session.get_one(Application, app)
        queue_confirmation(
            session, application, "https://permits.example.org/upload/t0k3n", ["sibling_enrollment"]
        )
    [email] = outbox(database)  # the confirmation is an email only
    assert NUMBER in email.subject and NUMBER in email.body
    assert "https://permits.example.org/upload/t0k3n" in email.body
    assert all(word in email.body for word in words), email.body


def test_the_deadline_warning_names_the_date_the_missing_documents_and_the_upload_page(database):
    app = make_application(database, language="es", phone=PHONE, phone_channel="sms", opt_in=True)
    with unit_of_work(database) as session:
        queue_deadline_warning(session, session.get_one(Application, app), date(2027, 3, 31))
    email, text = outbox(database)
    assert "31 de marzo de 2027" in email.body and "abandonada" in email.body
    assert (
        "https://permits.example.org/upload/" in email.body
        and "https://permits.example.org/upload/" in text.body
    )
    assert "autorización" in email.body  # the release from the district of residence is still missing
    assert "31 de marzo de 2027" in text.body and segment_count(text.body) <= 4  # most of it is the link
