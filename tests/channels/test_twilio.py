"""A parent writes by SMS or WhatsApp: signed Twilio webhooks in, replies out to Twilio's REST API."""

from __future__ import annotations

import base64
import sqlite3
import time
from pathlib import Path

from twilio.request_validator import RequestValidator

from tests.channels.conftest import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    RASA_PORT,
    SMS_FROM,
    WEBHOOK_PATH,
    WHATSAPP_FROM,
    TwilioApi,
    incoming,
    signed_post,
)


def conversation_rows(env: dict[str, str]) -> int:
    with sqlite3.connect(Path(env["VAR_DIR"]) / "tracker.db") as db:
        return int(db.execute("select count(*) from events").fetchone()[0])


def units(text: str) -> int:
    """UTF-16 code units: what a UCS-2 SMS segment holds 67 of."""
    return len(text.encode("utf-16-le")) // 2


def test_a_signed_sms_reaches_the_bot_and_the_answer_goes_back_by_sms(servers, twilio_api: TwilioApi) -> None:
    phone = "+13235550101"
    assert signed_post(incoming(phone, "¿Cuándo puedo solicitar un permiso?")).status_code == 204
    sent = twilio_api.wait_for(phone)
    assert all(m["From"] == SMS_FROM for m in sent)
    answer = "".join(m["Body"] for m in sent)
    assert "1 de febrero" in answer and "30 de abril" in answer
    expected_auth = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
    assert twilio_api.auth_headers[-1] == expected_auth


def test_whatsapp_is_answered_on_whatsapp(servers, twilio_api: TwilioApi) -> None:
    phone = "+13235550102"
    assert (
        signed_post(incoming(phone, "When can I apply for a permit?", channel="whatsapp")).status_code == 204
    )
    sent = twilio_api.wait_for(f"whatsapp:{phone}")
    assert {m["From"] for m in sent} == {f"whatsapp:{WHATSAPP_FROM}"}
    assert "February 1" in "".join(m["Body"] for m in sent)
    assert twilio_api.to(phone) == []  # nothing went out by SMS


def test_unsigned_forged_and_tampered_posts_get_403_and_reach_no_conversation(servers, twilio_api) -> None:
    phone = "+13235550103"
    form = incoming(phone, "¿Cuándo puedo solicitar un permiso?")
    before = conversation_rows(servers)
    assert signed_post(form, signature="").status_code == 403  # unsigned
    assert signed_post(form, token="not-our-token").status_code == 403  # forged with another key
    good = RequestValidator(AUTH_TOKEN).compute_signature(
        "https://assistant.lausd.example" + WEBHOOK_PATH, form
    )
    assert signed_post({**form, "Body": "STOP"}, signature=good).status_code == 403  # body changed
    assert signed_post({**form, "From": "+13235550199"}, signature=good).status_code == 403  # sender changed
    local = RequestValidator(AUTH_TOKEN).compute_signature(
        f"http://localhost:{RASA_PORT}{WEBHOOK_PATH}", form
    )
    assert signed_post(form, signature=local).status_code == 403  # not the address Twilio calls
    time.sleep(2)
    assert conversation_rows(servers) == before
    assert twilio_api.to(phone) == [] and twilio_api.to("+13235550199") == []


def test_buttons_are_numbered_and_a_number_picks_the_button(servers, twilio_api: TwilioApi) -> None:
    phone = "+13235550104"
    signed_post(incoming(phone, "hola buenos dias"))
    menu = "\n".join(m["Body"] for m in twilio_api.wait_for(phone))
    assert "Responda 1 para ¿Cuándo puedo solicitar?" in menu
    assert "/ask_application_dates" not in menu  # payloads are never shown
    count = len(twilio_api.to(phone))
    signed_post(incoming(phone, "1"))
    answer = "".join(m["Body"] for m in twilio_api.wait_for(phone, count + 1)[count:])
    assert "1 de febrero" in answer


def test_a_number_without_buttons_stays_a_number(servers, twilio_api: TwilioApi) -> None:
    phone = "+13235550105"
    signed_post(incoming(phone, "¿Cuándo puedo solicitar un permiso?"))
    count = len(twilio_api.wait_for(phone))
    signed_post(incoming(phone, "2"))
    answer = "".join(m["Body"] for m in twilio_api.wait_for(phone, count + 1)[count:])
    assert "1 de febrero" not in answer


def test_a_long_spanish_answer_is_split_into_sms_that_each_fit(servers, twilio_api: TwilioApi) -> None:
    phone = "+13235550106"
    signed_post(incoming(phone, "¿Cuándo puedo solicitar un permiso?"))
    sent = [m["Body"] for m in twilio_api.wait_for(phone)]
    assert len(sent) >= 2, sent
    for body in sent:
        assert any(c in body for c in "áíóú") or units(body) <= 612  # UCS-2 when accented
        assert units(body) <= 4 * 67, body  # at most four UCS-2 segments each
    joined = " ".join(sent)
    assert "1 de febrero" in joined and "empleo de los padres" in joined  # nothing lost at the cuts


def test_help_and_ayuda_are_answered_from_the_catalog(servers, twilio_api: TwilioApi) -> None:
    phone = "+13235550107"
    before = conversation_rows(servers)
    signed_post(incoming(phone, "AYUDA"))
    assert "Responda ALTO" in twilio_api.wait_for(phone)[0]["Body"]
    signed_post(incoming(phone, "help", channel="whatsapp"))
    assert "Reply STOP" in twilio_api.wait_for(f"whatsapp:{phone}")[0]["Body"]
    assert conversation_rows(servers) == before  # keywords are not part of the conversation


def test_stop_by_sms_is_left_to_twilio_and_alto_on_whatsapp_is_confirmed(
    servers, twilio_api: TwilioApi
) -> None:
    phone = "+13235550108"
    assert signed_post(incoming(phone, "STOP")).status_code == 204
    signed_post(incoming(phone, "Alto", channel="whatsapp"))
    assert "Ya no recibirá mensajes" in twilio_api.wait_for(f"whatsapp:{phone}")[0]["Body"]
    assert twilio_api.to(phone) == []  # Twilio answers STOP itself and blocks further SMS
