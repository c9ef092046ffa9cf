"""Details given with the request fill the form's questions when it reaches them (issue 16, item 5)."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application_form import ValidateApplicationForm
from actions.request_details import decode, encode, request_details
from bot.schools.lookup import find_district, find_lausd_school
from tests.domain import load_domain
from tests.unit.test_typed_answers_in_forms import INCOMING

BURBANK = find_district("Burbank Unified").candidates[0].cds
TOLUCA_LAKE = find_lausd_school("Toluca Lake Elementary").candidates[0].cds


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERMITS_TODAY", "2026-11-28")


def test_a_first_message_names_district_school_and_reason():
    text = (
        "I want to apply for my daughter to come into LAUSD, to Toluca Lake Elementary. "
        "We live in Burbank and I work near the school"
    )
    assert request_details(text, None, "incoming") == {
        "district": BURBANK,
        "school": TOLUCA_LAKE,
        "reason": "parent_employment",
    }


def test_spanish_in_sms_style_and_a_workplace_that_is_not_home():
    text = "kiero q mi hija entre a la primaria toluca lake, trabajo en glendale y vivimos en burbank"
    details = request_details(text, None, "incoming")
    assert details["district"] == BURBANK and details["school"] == TOLUCA_LAKE


def test_nothing_is_kept_from_a_plain_request():
    assert request_details("I want to apply for a permit", None, None) == {}
    assert encode({}) is None and decode(None) == {}


def birthdate_step(slots: dict) -> tuple[dict, list[str]]:
    """The parent answers the birthdate question; Rasa has set the slot from the text, as it does."""
    message = {"text": "March 4 2018", "intent": {"name": "inform"}, "entities": []}
    events = [
        {"event": "user", "text": message["text"], "parse_data": message},
        {"event": "slot", "name": "student_birthdate", "value": message["text"]},
    ]
    active = {"name": "application_form"}
    values = {"language": "en", **slots, "student_birthdate": message["text"]}
    tracker = Tracker("t", values, message, events, False, None, active, None)
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateApplicationForm().run(dispatcher, tracker, load_domain()))
    return {e["name"]: e["value"] for e in result if e.get("event") == "slot"}, [
        m.get("response") for m in dispatcher.messages
    ]


def test_the_form_fills_the_given_answers_after_the_birthdate_and_asks_what_is_left():
    before = {k: v for k, v in INCOMING.items() if not k.startswith(("residence", "requested"))}
    before.pop("student_birthdate")
    given = encode({"district": BURBANK, "school": TOLUCA_LAKE, "reason": "parent_employment"})
    slots, replies = birthdate_step({**before, "requested_slot": "student_birthdate", "app_given": given})
    assert slots["student_birthdate"] == "2018-03-04"
    assert slots["residence_district"] == "Burbank Unified"
    assert slots["requested_school"] == "Toluca Lake Elementary"
    assert slots["app_reason"] == "parent_employment"
    assert slots["app_given"] is None  # used once: a refused detail is asked, not filled again
    assert slots["requested_slot"] not in ("residence_district", "requested_school", "app_reason")


def start(text: str, today: str, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, list[str]]:
    """The parent asks to apply, in one message, on `today`."""
    from actions.application import ActionStartApplication

    monkeypatch.setenv("PERMITS_TODAY", today)
    message = {"text": text, "intent": {"name": "apply_permit"}, "entities": []}
    events = [{"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("t", {"language": "es"}, message, events, False, None, {}, None)
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ActionStartApplication().run(dispatcher, tracker, load_domain()))
    return {e["name"]: e["value"] for e in result if e.get("event") == "slot"}, [
        m.get("response") for m in dispatcher.messages
    ]


def test_leaving_for_a_closed_reason_is_refused_before_sign_in_with_the_day_it_opens(monkeypatch):
    text = "hola quiero sacar a mi hija del LAUSD pa q vaya a Culver City donde ya va su hermano"
    slots, replies = start(text, "2026-12-07", monkeypatch)
    assert replies == ["utter_application_reason_closed_early", "utter_offer_application"]
    assert "sign_in_form" not in slots.values()
    assert "reason" not in decode(slots["app_given"])  # another reason can be chosen


def test_the_same_request_in_february_goes_on_to_sign_in(monkeypatch):
    text = "hola quiero sacar a mi hija del LAUSD pa q vaya a Culver City donde ya va su hermano"
    slots, replies = start(text, "2027-02-03", monkeypatch)
    assert replies == ["utter_sign_in_first_apply"]
    assert decode(slots["app_given"])["reason"] == "sibling"


def test_leaving_keeps_the_other_districts_school_as_named():
    text = "quiero el permiso de salida pa q mi hijo vaya a Culver City, a la escuela Linwood Howe"
    details = request_details(text, "Linwood Howe", "outgoing")
    assert details["school_name"] == "Linwood Howe"
    assert find_district("Culver City Unified").candidates[0].cds == details["district"]
