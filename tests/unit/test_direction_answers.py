"""Outgoing conversations get outgoing reasons and documents; reasons typed in words are named (issue 16)."""

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionExplainDocuments, ActionExplainReasons
from bot.core.text import catalog
from bot.nlg.render import render_response
from tests.domain import load_domain


def run(action, text: str, intent: str, entities=(), **slots) -> list[dict]:
    message = {"text": text, "intent": {"name": intent}, "entities": list(entities)}
    tracker = Tracker("t", {"language": "en", **slots}, message, [], False, None, {}, None)
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages


def shown(message: dict, locale: str = "en") -> str:
    response = load_domain()["responses"][message["response"]][0]
    params = {k: v for k, v in message.items() if k not in ("response", "buttons", "template")}
    return render_response(catalog(), response, locale, params)["text"]


def test_reasons_to_leave_lausd_are_the_outgoing_ones():
    messages = run(
        ActionExplainReasons(),
        "what are the reasons to leave LAUSD for another district?",
        "ask_permit_reasons",
    )
    assert [m["response"] for m in messages] == ["utter_permit_reasons_outgoing"]
    assert "outgoing" in shown(messages[0]).lower()


def test_inside_an_outgoing_application_the_explanation_follows_the_direction():
    messages = run(
        ActionExplainReasons(),
        "qué significa hermano o hermana",
        "ask_permit_reasons",
        app_direction="outgoing",
    )
    assert [m["response"] for m in messages] == ["utter_reason_meaning", "utter_reason_documents_outgoing"]
    assert "brother or sister" in shown(messages[0]) and "LAUSD" not in shown(messages[0])
    assert "Sibling" in shown(messages[1]) or "sibling" in shown(messages[1]).lower()


def test_a_story_naming_a_reason_gets_that_reason():
    messages = run(
        ActionExplainReasons(), "her bro alredy goes 2 franklin, dose that help", "ask_permit_reasons"
    )
    assert [m["response"] for m in messages] == ["utter_reason_meaning", "utter_reason_documents"]
    assert messages[0]["permit_reason"] == "sibling"


def test_documents_for_childcare_told_as_a_story():
    messages = run(
        ActionExplainDocuments(),
        "my grandma watches them after school, what papers do i need",
        "ask_documents",
    )
    assert messages[0]["response"] == "utter_reason_documents"
    assert messages[0]["permit_reason"] == "childcare"
