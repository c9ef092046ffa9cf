"""Every slot of the domain holding personal data is sealed in the tracker store (issue 20).

The list is not kept by hand: every slot in domain/ is personal unless NON_PERSONAL_SLOTS names
it with a reason, and a slot that takes what the parent types can never be named there.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.privacy.tracker_events import (
    CLOSED_ANSWER_SLOTS,
    NON_PERSONAL_SLOTS,
    PERSONAL_VALUES_ARGUMENT,
    SEALED_PREFIX,
    RedactionPolicy,
    personal_slots,
    redact_new_events,
)
from tests.unit.privacy.test_tracker_events import ReversingSealer, bot, slot, user

ROOT = Path(__file__).resolve().parents[3]
RASA_DEFAULT_SLOTS = {"requested_slot", "session_started_metadata"}
POLICY = RedactionPolicy()


def domain_slots() -> dict[str, dict[str, Any]]:
    """Every slot declared in domain/*.yml, with its definition."""
    slots: dict[str, dict[str, Any]] = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        slots.update((yaml.safe_load(path.read_text()) or {}).get("slots") or {})
    return slots


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def stored(*events: dict) -> list[dict]:
    return redact_new_events(list(events), 0, POLICY, ReversingSealer(), digest)


SLOTS = domain_slots()
PERSONAL = sorted(personal_slots(SLOTS))


def test_the_domain_has_slots_and_most_are_personal():
    assert len(SLOTS) > 30 and len(PERSONAL) > 20


@pytest.mark.parametrize("name", PERSONAL)
def test_each_personal_slot_is_sealed_and_its_answer_masked_whole(name):
    value = "Guadalupe Quintana"
    events = stored(slot("requested_slot", name), user(value), slot(name, value))
    assert events[1]["text"] == f"[{name}]"
    assert events[2]["value"].startswith(SEALED_PREFIX)
    assert "Guadalupe" not in json.dumps(events)


def test_slots_named_by_the_probe_are_personal():
    named = {"signin_code", "signin_email", "status_number", "status_birthdate", "reset_email"}
    named |= {"parent_first_name", "parent_last_name", "parent_email", "student_first_name"}
    named |= {"student_last_name", "student_birthdate", "account_first_name", "confirmation_number"}
    assert named <= set(PERSONAL)


@pytest.mark.parametrize("name", sorted(NON_PERSONAL_SLOTS))
def test_a_slot_stored_in_clear_exists_and_never_takes_typed_text(name):
    assert name in SLOTS or name in RASA_DEFAULT_SLOTS, f"{name} is not in the domain any more"
    mappings = (SLOTS.get(name) or {}).get("mappings") or []
    assert all(mapping.get("type") != "from_text" for mapping in mappings), name
    assert NON_PERSONAL_SLOTS[name].strip(), f"say why {name} can never identify anyone"


def test_closed_answer_slots_exist():
    assert set(SLOTS) >= CLOSED_ANSWER_SLOTS


@pytest.mark.parametrize(
    ("requested", "typed"),
    [
        ("status_number", "244.688"),
        ("status_number", "LA.XV3A.TC77.2"),
        ("status_birthdate", "march, 14, 2016"),
        ("signin_code", "48 19 27"),
        ("signin_email", "PARENT.ONE@example.com"),
    ],
)
def test_odd_formats_are_not_kept_raw_anywhere(requested, typed):
    events = stored(
        slot("requested_slot", requested),
        user(typed),
        slot(requested, typed),
        slot("requested_slot", None),
        bot(f"I could not find {typed}."),
        user(f"I said {typed}!"),
    )
    raw = json.dumps(events, ensure_ascii=False)
    assert typed not in raw and typed.lower() not in raw.lower()
    assert events[4]["text"] == f"I could not find [{requested}]."


def test_a_number_written_with_other_separators_is_still_found():
    events = stored(slot("status_number", "244.688"), bot("Number 244 688 or 244-688 is not known."))
    assert events[1]["text"] == "Number [status_number] or [status_number] is not known."


def test_a_confirmation_number_typed_outside_a_question_is_masked():
    assert (
        stored(user("what is the status of LA.XV3A.TC77.2"))[0]["text"]
        == "what is the status of [confirmation]"
    )


def test_the_signed_in_parents_first_name_is_masked_in_the_greeting():
    events = stored(slot("account_first_name", "Guadalupe"), bot("Thank you, Guadalupe, you're signed in."))
    assert events[1]["text"] == "Thank you, [account_first_name], you're signed in."


def test_names_an_action_read_from_the_database_are_masked_and_not_stored():
    message = bot(
        "Application LA-7K3M-9QX2-R for Luis: documents missing. Upload: https://p.example/upload/eyJhIjo3fQ.Zm9v.YmFy"
    )
    message["metadata"] = {
        "utter_action": "utter_status_answer",
        PERSONAL_VALUES_ARGUMENT: ["Luis"],
        "status_text": "for Luis",
    }
    [event] = stored(message)
    assert (
        event["text"]
        == "Application [confirmation] for [name]: documents missing. Upload: https://p.example/upload/[link]"
    )
    assert event["metadata"] == {"utter_action": "utter_status_answer", "status_text": "for [name]"}


def test_closed_answers_are_sealed_but_not_searched_for_in_other_texts():
    events = stored(slot("app_direction", "incoming"), bot("An incoming permit needs a release."))
    assert events[0]["value"].startswith(SEALED_PREFIX)
    assert events[1]["text"] == "An incoming permit needs a release."


def test_slots_stored_in_clear_stay_readable():
    assert stored(slot("language", "es"))[0] == slot("language", "es")
