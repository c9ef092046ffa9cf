"""After hours, how the person's answer reaches a web parent: the choice read from a button or from
words in either language, the address, and what the parent is told (in their language)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.core.clock import office_now
from bot.core.text import Catalog
from bot.rules.handoff_contact import (
    ASK_EMAIL,
    ASK_HOW,
    ASK_PHONE,
    CHOICES,
    ContactReply,
    button_payload,
    choice_in,
    display_address,
    read_contact_reply,
    us_phone_in,
)
from bot.rules.office_hours import OFFICE_HOURS_FILE, office_hours


@pytest.mark.parametrize(
    ("said", "choice"),
    [
        ("email", "email"),
        ("Email me", "email"),
        ("e-mail please", "email"),
        ("por correo", "email"),
        ("Por correo electrónico, por favor", "email"),
        ("sms", "sms"),
        ("SMS.", "sms"),
        ("text me", "sms"),
        ("by text message", "sms"),
        ("por mensaje de texto", "sms"),
        ("mándeme un mensaje al celular", "sms"),
        ("here in the chat", "chat"),
        ("aquí en el chat", "chat"),
        ('/human_handoff{"contact_by": "sms"}', "sms"),
        ('/human_handoff{"contact_by": "email"}', "email"),
    ],
)
def test_the_choice_is_read_from_words_in_both_languages_and_from_the_buttons(said: str, choice: str) -> None:
    assert choice_in(said) == choice


@pytest.mark.parametrize(
    "said",
    [
        "email or text?",  # a question, not a choice
        "is there a phone number?",
        "¿me pueden mandar un correo?",
        "by phone",  # a call is not offered: not read as a text message
        "¿cuándo puedo solicitar un permiso?",
        "I got an email from the school about my daughter's permit, what does it mean?",
        '/human_handoff{"contact_by": "fax"}',
        "/human_handoff{not json}",
        "",
    ],
)
def test_questions_and_long_messages_are_not_read_as_a_choice(said: str) -> None:
    assert choice_in(said) is None


def test_every_button_payload_reads_back_as_its_choice() -> None:
    assert [choice_in(button_payload(choice)) for choice in CHOICES] == list(CHOICES)
    with pytest.raises(ValueError):
        button_payload("fax")


def test_choosing_email_asks_for_the_address_unless_the_parent_is_signed_in() -> None:
    assert read_contact_reply(ASK_HOW, "por correo", signed_in=False) == ContactReply(ASK_EMAIL, "ask_email")
    assert read_contact_reply(ASK_HOW, "email", signed_in=True) == ContactReply("email", "will_email_account")
    assert read_contact_reply(ASK_HOW, "text me", signed_in=True) == ContactReply(ASK_PHONE, "ask_phone")
    assert read_contact_reply(ASK_HOW, "aquí en el chat", signed_in=False) == ContactReply(
        "chat", "will_chat"
    )


def test_an_address_answers_with_the_choice_or_after_it_and_names_the_channel() -> None:
    assert read_contact_reply(ASK_HOW, "email me at Ana.Ruiz@Example.com", False) == ContactReply(
        "email", "will_email", "ana.ruiz@example.com"
    )
    assert read_contact_reply(ASK_HOW, "send it by text to 213-555-0187", False) == ContactReply(
        "sms", "will_text", "+12135550187"
    )
    # Before any choice, an address alone answers another question (a form's), not this one.
    assert read_contact_reply(ASK_HOW, "ana.ruiz@example.com", False) is None
    assert read_contact_reply(ASK_HOW, "(213) 555-0187", False) is None
    assert read_contact_reply(ASK_EMAIL, "ana.ruiz@example.com", False) == ContactReply(
        "email", "will_email", "ana.ruiz@example.com"
    )
    assert read_contact_reply(ASK_PHONE, "es el (213) 555-0187", False) == ContactReply(
        "sms", "will_text", "+12135550187"
    )
    # Changing one's mind at the address step: "text me instead" asks for the number.
    assert read_contact_reply(ASK_EMAIL, "text me instead", False) == ContactReply(ASK_PHONE, "ask_phone")


def test_a_failed_address_is_asked_again_and_anything_else_goes_to_the_assistant() -> None:
    assert read_contact_reply(ASK_EMAIL, "ana@gmail", False) == ContactReply(ASK_EMAIL, "bad_email")
    assert read_contact_reply(ASK_PHONE, "213 555 01", False) == ContactReply(ASK_PHONE, "bad_phone")
    assert read_contact_reply(ASK_EMAIL, "¿cuándo puedo solicitar?", False) is None
    assert read_contact_reply(ASK_HOW, "hola", False) is None
    assert read_contact_reply("email", "sms", False) is None  # already answered: nothing is read


@pytest.mark.parametrize(
    ("said", "phone"),
    [
        ("213-555-0187", "+12135550187"),
        ("+1 (213) 555 0187", "+12135550187"),
        ("1 213 555 0187", "+12135550187"),
        ("2135550187", "+12135550187"),
        ("013-555-0187", None),  # no area code starts with 0
        ("213-155-0187", None),  # nor an exchange with 1
        ("911-555-0187", None),  # N11 is a service code
        ("+44 20 7946 0958", None),
        ("LA-2026-0042-7", None),
    ],
)
def test_only_us_numbers_are_taken_for_texts(said: str, phone: str | None) -> None:
    assert us_phone_in(said) == phone


def test_the_parent_reads_the_address_back_in_their_language() -> None:
    catalog = Catalog(strict=True)
    phone = display_address("+12135550187")
    assert phone == "(213) 555-0187"
    assert "por mensaje de texto al (213) 555-0187" in catalog.text(
        "handoff.contact.will_text", "es", address=phone
    )
    assert "by email to ana@example.com" in catalog.text(
        "handoff.contact.will_email", "en", address="ana@example.com"
    )
    assert catalog.text("handoff.contact.button.email", "es") == "Por correo electrónico"


def test_office_hours_now_fixes_the_moment_and_an_edited_hours_file_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFICE_HOURS_NOW", "2026-12-12T10:00:00-08:00")  # a Saturday morning
    assert office_now() == datetime(2026, 12, 12, 18, 0, tzinfo=timezone.utc)
    hours_file = tmp_path / "hours.yml"
    hours_file.write_text(OFFICE_HOURS_FILE.read_text())
    monkeypatch.setenv("OFFICE_HOURS_FILE", str(hours_file))
    assert not office_hours().is_open(office_now())
    hours_file.write_text(
        OFFICE_HOURS_FILE.read_text().replace("fri: {", 'sat: {opens: "09:00", closes: "12:00"}\n  fri: {')
    )
    assert office_hours().is_open(office_now())


def test_a_parent_who_will_write_to_the_office_themself_chooses_nothing():
    from bot.rules.handoff_contact import choice_in

    assert choice_in("ok I'll email them, thanks") is None
    assert choice_in("les voy a escribir un correo") is None
    assert choice_in("email me") == "email"
