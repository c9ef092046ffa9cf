"""The thin actions name the right response for what the parent said."""

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionExplainDocuments, ActionExplainReasons


def tracker(
    text: str, intent: str, entities: list | None = None, metadata: dict | None = None, **slots
) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": intent},
        "entities": entities or [],
        "metadata": metadata or {},
    }
    return Tracker("t", slots, message, [], False, None, {}, None)


def run(action, tracker_: Tracker) -> tuple[list, list]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, {}))
    return events, dispatcher.messages


CHILDCARE = [{"entity": "permit_reason", "value": "childcare"}]


def test_documents_for_a_named_reason():
    _, messages = run(ActionExplainDocuments(), tracker("docs for daycare", "ask_documents", CHILDCARE))
    assert messages == [{**messages[0], "response": "utter_reason_documents", "permit_reason": "childcare"}]


def test_documents_without_a_reason_ask_which_one():
    _, messages = run(ActionExplainDocuments(), tracker("what documents", "ask_documents"))
    assert [m["response"] for m in messages] == ["utter_ask_documents_reason"]


def test_a_partial_or_unknown_reason_is_not_guessed():
    entities = [{"entity": "permit_reason", "value": "cuidado de"}]
    _, messages = run(ActionExplainDocuments(), tracker("cuidado de ...", "ask_documents", entities))
    assert [m["response"] for m in messages] == ["utter_ask_documents_reason"]


def test_a_named_reason_is_explained_then_its_documents():
    _, messages = run(ActionExplainReasons(), tracker("what is childcare", "ask_permit_reasons", CHILDCARE))
    assert [m["response"] for m in messages] == ["utter_reason_meaning", "utter_reason_documents"]


def test_documents_for_that_follow_the_reason_just_explained():
    text = "wat papers do i need 4 that"
    message = {"text": text, "intent": {"name": "ask_documents"}, "entities": []}
    events = [
        {"event": "user", "text": "her bro alredy goes 2 franklin"},
        {
            "event": "bot",
            "text": "…",
            "metadata": {"utter_action": "utter_reason_meaning", "permit_reason": "sibling"},
        },
        {"event": "user", "text": text},
    ]
    _, messages = run(ActionExplainDocuments(), Tracker("t", {}, message, events, False, None, {}, None))
    assert [(m["response"], m.get("permit_reason")) for m in messages] == [
        ("utter_reason_documents", "sibling")
    ]


def test_a_reason_talked_about_long_ago_is_not_that():
    message = {"text": "what documents", "intent": {"name": "ask_documents"}, "entities": []}
    events = [{"event": "bot", "metadata": {"permit_reason": "sibling"}}] + [
        {"event": "user", "text": f"message {n}"} for n in range(4)
    ]
    _, messages = run(ActionExplainDocuments(), Tracker("t", {}, message, events, False, None, {}, None))
    assert [m["response"] for m in messages] == ["utter_ask_documents_reason"]
