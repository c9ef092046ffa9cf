"""'stop' or 'bye' in the middle of a form: the form ends, forgets what was typed and says so."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application import ActionStopApplication
from actions.registration_steps import ActionStopRegistration
from actions.sign_in import ActionStopSignIn
from actions.status import ActionStopStatus


def stop(action, intent: str, **slots) -> tuple[list, list[str]]:
    message = {"text": "…", "intent": {"name": intent}, "entities": []}
    tracker = Tracker("t", slots, message, [], False, None, {"name": "some_form"}, None)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return events, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("action", "stopped", "typed"),
    [
        (
            ActionStopRegistration(),
            "utter_registration_stopped",
            {"parent_first_name": "María", "parent_email": "m@x.org"},
        ),
        (ActionStopApplication(), "utter_application_stopped", {"application_key": "k-1"}),
        (ActionStopSignIn(), "utter_sign_in_stopped", {"signin_email": "m@x.org", "signin_code": "123456"}),
        (ActionStopStatus(), "utter_status_stopped", {"status_number": "PRM-2026-004217"}),
    ],
)
def test_stop_ends_the_form_forgets_the_answers_and_says_so(action, stopped, typed):
    events, said = stop(action, "stop", **typed)
    assert said == [stopped]
    assert events[0] == {"event": "active_loop", "name": None, "timestamp": None}
    forgotten = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
    assert {"requested_slot", *typed} <= forgotten


def test_goodbye_in_a_form_says_goodbye():
    events, said = stop(ActionStopStatus(), "goodbye", status_number="PRM-2026-004217")
    assert said == ["utter_goodbye"]
    assert events[0]["event"] == "active_loop" and events[0]["name"] is None
