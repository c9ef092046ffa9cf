"""What a parent reads: replies rendered from the domain's responses in each language."""

from pathlib import Path

import pytest

from bot.core.text import Catalog
from bot.nlg.render import render_response
from tests.domain import load_domain

ROOT = Path(__file__).resolve().parents[2]
RESPONSES = load_domain()["responses"]


# What slots and actions pass to responses in a real conversation.
SAMPLE_VALUES = {
    "permit_reason": "childcare",
    "parent_first_name": "Ana",
    "parent_middle_name": "Luz",
    "parent_last_name": "Núñez-García",
    "parent_email": "ana@example.com",
    "registered_email": "ana@example.com",
    "suggested_email": "ana@gmail.com",
    "digits": "4 8 1 9",
    # sign-in, application and status (actions/sign_in.py, application*.py, status.py)
    "signin_email": "ana@example.com",
    "reset_email": "ana@example.com",
    "count": 4,  # plural entries, if a catalog has one (python-i18n picks the form by count)
    "account_first_name": "Ana",
    "confirmation_number": "LA-YT21-JX54-F",
    "document_list": "• Release",
    "upload_link": "https://permits.example.org/upload/x",
    "first": "March 4, 2015",
    "second": "April 3, 2015",
    "school": "Hollywood Senior High",
    "grade": "5",
    "opens": "February 1, 2027",
    "direction_name": "Incoming permit",
    "school_year": "2026-27",
    "student": "Sofia Lopez",
    "grade_name": "5th grade",
    "birthdate": "March 14, 2015",
    "district_line": "District of residence: Compton Unified",
    "details": "",
    "status_text": "Application LA-YT21-JX54-F: under review.",
    "applications": "• Sofia (LA-YT21-JX54-F)",
    "field_name": "grade",  # corrections (actions/typed_answers.py)
    "new_value": "3rd grade",
}


def reply(name: str, locale: str, **params: object) -> dict:
    return render_response(Catalog(strict=True), RESPONSES[name][0], locale, params)


@pytest.mark.parametrize("name", sorted(RESPONSES))
@pytest.mark.parametrize("locale", ["en", "es"])
def test_every_response_renders_completely(name, locale):
    message = reply(name, locale, **SAMPLE_VALUES)
    assert message["text"].strip()
    assert "%{" not in message["text"]


def test_application_dates_come_from_the_policy_in_each_language():
    assert "1 de febrero" in reply("utter_application_dates", "es")["text"]
    assert "30 de abril" in reply("utter_application_dates", "es")["text"]
    assert "February 1" in reply("utter_application_dates", "en")["text"]
    assert "April 30" in reply("utter_application_dates", "en")["text"]


def test_documents_for_childcare_name_the_affidavit_in_spanish():
    text = reply("utter_reason_documents", "es", permit_reason="childcare")["text"]
    assert "Cuidado de niños" in text
    assert "Declaración Jurada de Cuidado de Niños" in text
    assert "distrito de residencia" in text  # the release is always needed
    assert "normalmente" in text  # the per-reason list is not confirmed by LAUSD


def test_greeting_offers_the_menu_as_buttons_in_the_parents_language():
    buttons = reply("utter_greet", "es")["buttons"]
    assert {"title": "¿Cuándo puedo solicitar?", "payload": "/ask_application_dates"} in buttons
    english = reply("utter_greet", "en")["buttons"]
    assert [b["payload"] for b in english] == [b["payload"] for b in buttons]


def test_reason_buttons_carry_the_reason_code():
    buttons = reply("utter_ask_documents_reason", "en")["buttons"]
    assert len(buttons) == 8
    assert buttons[4] == {
        "title": "Childcare",
        "payload": '/ask_documents{"permit_reason": "childcare"}',
    }


def test_the_eight_reasons_are_listed():
    text = reply("utter_permit_reasons", "en")["text"]
    for name in [
        "Parent Employment",
        "Specialized Program",
        "Continuing Enrollment",
        "Sibling",
        "Childcare",
        "Victim of an Act of Bullying",
        "Active Duty Military",
        "Exception",
    ]:
        assert name in text


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "That code is not right. Please check the newest email from us and type its 6 digits."),
        (
            "es",
            "Ese código no es correcto. Por favor, revise el correo más reciente que le enviamos y escriba los 6 dígitos.",
        ),
    ],
)
def test_a_wrong_code_gets_one_answer_that_counts_no_tries(locale, expected):
    # The count of tries left told an active account from an unknown one (issue 20).
    assert reply("utter_sign_in_code_wrong", locale)["text"] == expected
    assert reply("utter_sign_in_code_wrong", locale, count=1)["text"] == expected


def test_no_catalog_entry_leaves_the_plural_to_the_reader():
    for path in (ROOT / "bot" / "locales").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "(s)" not in text and "(es)" not in text and "vez/veces" not in text, path.name


@pytest.mark.parametrize(("locale", "time"), [("en", "8:00 a.m."), ("es", "8:00 a. m.")])
def test_a_sentence_that_ends_on_a_time_has_one_period(locale, time):
    text = Catalog().text(
        "handoff.after_hours_chat", locale, opening=f"Monday at {time}", contact_email="x@y.org"
    )
    assert f"{time}." not in text and time in text


def test_the_dates_answer_follows_the_direction_already_known():
    from bot.nlg.render import chosen_variation

    dates = RESPONSES["utter_application_dates"]
    assert (
        chosen_variation(dates, {"permit_direction": "outgoing"})["text"] == "faq.application_dates_outgoing"
    )
    assert chosen_variation(dates, {"app_direction": "incoming"})["text"] == "faq.application_dates_incoming"
    assert chosen_variation(dates, {})["text"] == "faq.application_dates"
    assert (
        chosen_variation(RESPONSES["utter_greet"], {"permit_direction": "outgoing"})
        == RESPONSES["utter_greet"][0]
    )
