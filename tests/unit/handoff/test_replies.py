"""What an agent sends: canned replies in the parent's language, the after-hours email copy for a
signed-in web parent, and nothing at all from an agent who does not hold the conversation.

No Rasa server runs here (RASA_RELAY_URLS points at a closed port): lines are recorded as not
delivered, which is what the parent's next message then picks up."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.helpdesk import handoff_replies
from bot.helpdesk.handoff_queue import NewHandoff, open_handoff, transcript
from bot.store.database import unit_of_work
from bot.store.models import Account, OutboxMessage


@pytest.fixture
def no_rasa(database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("RASA_RELAY_URLS", "http://127.0.0.1:9")
    return database


def account(database: str) -> int:
    with unit_of_work(database) as session:
        parent = Account(email="ana.ruiz@example.com", first_name="Ana", last_name="Ruiz", language="es")
        session.add(parent)
        session.flush()
        return parent.id


def test_an_after_hours_answer_also_goes_by_email_in_the_parents_language(no_rasa: str) -> None:
    new = NewHandoff("conv-mail", "web-1", "socketio", "es", "", "asked", account(no_rasa), None, "email")
    handoff_id, _ = open_handoff(new, [])
    assert asyncio.run(handoff_replies.take_conversation(handoff_id, "staff:maria@lausd.net"))
    sent = asyncio.run(
        handoff_replies.agent_reply(handoff_id, "staff:maria@lausd.net", "Su permiso está aprobado.")
    )
    assert sent.delivered is False
    with unit_of_work(no_rasa) as session:
        [mail] = session.scalars(select(OutboxMessage).where(OutboxMessage.channel == "email")).all()
    assert mail.recipient == "ana.ruiz@example.com"
    assert mail.subject == "La Oficina de Permisos respondió a su pregunta"
    assert "Su permiso está aprobado." in mail.body


def test_canned_replies_go_in_the_parents_language_and_only_the_holder_sends(no_rasa: str) -> None:
    handoff_id, _ = open_handoff(NewHandoff("conv-canned", "sms-abc", "sms", "es", "", "asked"), [])
    with pytest.raises(handoff_replies.NotHolder):
        asyncio.run(handoff_replies.canned_reply(handoff_id, "staff:maria@lausd.net", "greeting"))
    asyncio.run(handoff_replies.take_conversation(handoff_id, "staff:maria@lausd.net"))
    with pytest.raises(handoff_replies.NotHolder):
        asyncio.run(handoff_replies.agent_reply(handoff_id, "staff:joe@lausd.net", "hello"))
    asyncio.run(handoff_replies.canned_reply(handoff_id, "staff:maria@lausd.net", "greeting"))
    joined, greeting = transcript(handoff_id)[-2:]
    assert joined.text.startswith("Una persona de la Oficina") and greeting.text.startswith(
        "Hola, le atiende"
    )
    assert (greeting.author, greeting.language, greeting.delivered) == ("agent", "es", False)
    assert (
        asyncio.run(handoff_replies.hand_back_conversation(handoff_id, "staff:joe@lausd.net", "resolved"))
        is False
    )
    assert (
        asyncio.run(handoff_replies.hand_back_conversation(handoff_id, "staff:maria@lausd.net", "resolved"))
        is True
    )
    assert transcript(handoff_id)[-1].text.startswith("La persona de la Oficina de Permisos ha cerrado")
