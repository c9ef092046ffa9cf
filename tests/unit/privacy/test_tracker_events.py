"""What the redacting tracker store writes for each Rasa event (serialised as a dict)."""

from __future__ import annotations

import hashlib
import json

from bot.privacy.tracker_events import SEALED_PREFIX, RedactionPolicy, open_sealed_values, redact_new_events

POLICY = RedactionPolicy()


class ReversingSealer:
    """A stand-in cipher for the pure layer: reversible, visibly not the plain text."""

    def seal(self, plain: str) -> str:
        return "x" + plain[::-1].encode().hex()

    def open(self, token: str) -> str | None:
        return bytes.fromhex(token[1:]).decode()[::-1] if token.startswith("x") else None


def digest(value: str) -> str:
    return hashlib.sha256(value.lower().encode()).hexdigest()


def user(text: str, entities: list[dict] | None = None) -> dict:
    parse = {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": entities or []}
    return {"event": "user", "timestamp": 1.0, "text": text, "parse_data": parse, "metadata": {}}


def slot(name: str, value: object) -> dict:
    return {"event": "slot", "timestamp": 1.0, "name": name, "value": value}


def bot(text: str) -> dict:
    return {"event": "bot", "timestamp": 1.0, "text": text, "data": {"buttons": []}, "metadata": {}}


CONVERSATION = [
    slot("requested_slot", "parent_first_name"),
    bot("What is your first name?"),
    user("Maria Jose"),
    slot("parent_first_name", "Maria Jose"),
    slot("requested_slot", "parent_email"),
    user(
        "it is Maria@Example.com", [{"entity": "email", "value": "Maria@Example.com", "start": 6, "end": 23}]
    ),
    slot("parent_email", "Maria@Example.com"),
    slot("requested_slot", None),
    bot("Maria Jose, we will write to Maria@Example.com. Call (213) 555-0123 with code 4819."),
    user("my son was born 3 de marzo de 2015, my cell 213 555 0199"),
    slot("permit_reason", "born 03/03/2015"),
]


def stored() -> list[dict]:
    return redact_new_events(CONVERSATION, 0, POLICY, ReversingSealer(), digest)


def test_an_answer_to_a_personal_question_is_replaced_whole() -> None:
    events = stored()
    assert (
        events[2]["text"] == "[parent_first_name]"
        and events[2]["parse_data"]["text"] == "[parent_first_name]"
    )
    assert events[5]["text"] == "[parent_email]"
    assert events[5]["parse_data"]["entities"] == [
        {"entity": "email", "value": "[email]", "start": 6, "end": 23}
    ]
    assert events[5]["parse_data"]["intent"] == {"name": "inform", "confidence": 0.9}


def test_bot_texts_lose_the_values_of_personal_slots_and_any_personal_data() -> None:
    assert (
        stored()[8]["text"]
        == "[parent_first_name], we will write to [parent_email]. Call [phone] with code [code]."
    )


def test_free_text_outside_a_question_is_masked_by_pattern() -> None:
    assert stored()[9]["text"] == "my son was born [date], my cell [phone]"


def test_personal_slots_and_slots_holding_personal_data_are_sealed_and_open_again() -> None:
    events = stored()
    raw = json.dumps(events)
    assert "Maria" not in raw and "maria" not in raw and "03/03/2015" not in raw
    assert events[6]["value"].startswith(SEALED_PREFIX) and events[6]["value_key"] == digest(
        "maria@example.com"
    )
    assert events[4] == slot("requested_slot", "parent_email")  # structure stays readable
    assert open_sealed_values(events, ReversingSealer())[6]["value"] == "Maria@Example.com"
    assert open_sealed_values(events, ReversingSealer())[10]["value"] == "born 03/03/2015"
    assert "value_key" not in open_sealed_values(events, ReversingSealer())[6]


def test_a_value_sealed_with_another_key_opens_as_an_empty_slot() -> None:
    events = [slot("parent_email", SEALED_PREFIX + "garbage")]
    assert open_sealed_values(events, ReversingSealer()) == [slot("parent_email", None)]


def test_only_new_events_are_returned_and_earlier_ones_give_the_context() -> None:
    events = redact_new_events(CONVERSATION, 8, POLICY, ReversingSealer(), digest)
    assert len(events) == 3 and events[0]["text"].startswith(
        "[parent_first_name], we will write to [parent_email]"
    )


def test_the_input_events_are_not_changed() -> None:
    before = json.dumps(CONVERSATION)
    stored()
    assert json.dumps(CONVERSATION) == before
