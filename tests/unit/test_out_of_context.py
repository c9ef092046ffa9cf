"""Answers without a question, read with the assistant's last answer (issue 16)."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.out_of_context import ActionRespondOutOfContext


def respond(text: str, last_response: str) -> tuple[list[dict], list[str]]:
    message = {"text": text, "intent": {"name": "inform"}, "entities": []}
    events = [
        {"event": "bot", "text": "…", "metadata": {"utter_action": last_response}},
        {"event": "user", "text": text, "parse_data": message},
    ]
    tracker = Tracker("t", {"language": "es"}, message, events, False, None, {}, None)
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ActionRespondOutOfContext().run(dispatcher, tracker, {}))
    return result, [m.get("response") for m in dispatcher.messages]


def test_leaving_after_the_dates_gets_the_leaving_dates():
    events, replies = respond("y pa salir del distrito?", "utter_application_dates")
    assert replies == ["utter_application_dates_outgoing"]
    assert {"event": "slot", "timestamp": None, "name": "permit_direction", "value": "outgoing"} in events


@pytest.mark.parametrize(
    ("last", "action"),
    [
        ("utter_reason_documents", "action_explain_documents"),
        ("utter_permit_reasons", "action_explain_reasons"),
    ],
)
def test_a_direction_after_documents_or_reasons_asks_the_same_for_that_direction(last, action):
    events, replies = respond("and for leaving LAUSD?", last)
    assert replies == []
    assert events[-1] == {"event": "followup", "timestamp": None, "name": action}


def test_a_direction_with_nothing_before_is_just_remembered():
    events, replies = respond("we are leaving LAUSD", "utter_greet")
    assert replies == ["utter_anything_else"]


def test_a_confirmation_number_pasted_alone_asks_its_status():
    events, replies = respond("LA-6QSF-FVQ9-H", "utter_greet")
    assert events == [{"event": "followup", "timestamp": None, "name": "action_start_status_check"}]
