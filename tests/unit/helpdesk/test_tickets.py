"""Help-desk tickets: one open ticket per conversation, a masked summary, closing is audited."""

from __future__ import annotations

from sqlalchemy import select

from bot.helpdesk.tickets import close_ticket, open_ticket, open_tickets, summarize_conversation
from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry


def test_a_second_request_in_the_same_conversation_updates_the_open_ticket(database):
    first = open_ticket("conv-1", "socketio", "es", "fallbacks", "> no entiendo", None, None)
    again = open_ticket("conv-1", "socketio", "es", "asked", "> quiero hablar con una persona", "sms")
    other = open_ticket("conv-2", "twilio", "en", "asked", "> a person please")
    assert first == again != other
    [mine, theirs] = open_tickets()
    assert (mine.ticket_id, mine.trigger, mine.summary, mine.contact) == (
        first, "asked", "> quiero hablar con una persona", "sms",
    )  # fmt: skip
    assert (theirs.channel, theirs.language) == ("twilio", "en")


def test_a_closed_ticket_leaves_the_list_is_audited_and_a_new_request_opens_a_new_one(database):
    ticket = open_ticket("conv-1", "rest", "en", "asked", "> help")
    assert close_ticket(ticket, "staff:maria") is True
    assert close_ticket(ticket, "staff:maria") is False  # already closed
    assert open_tickets() == []
    assert [t.ticket_id for t in open_tickets(include_closed=True)] == [ticket]
    with unit_of_work(database) as session:
        [entry] = session.scalars(select(AuditEntry)).all()
        assert (entry.actor, entry.action, entry.subject) == (
            "staff:maria",
            "close_ticket",
            f"ticket:{ticket}",
        )
    assert open_ticket("conv-1", "rest", "en", "asked", "> help again") != ticket


def test_the_summary_keeps_the_last_messages_masked_and_short():
    messages = [
        "hola",
        "mi correo es ana.nunez@example.com",
        "mi número LA-7K3M-9QX2-R y mi cel (213) 555-0123",
        "nació el 3 de marzo de 2016, el código es 4819",
        "quiero hablar con una persona " + "por favor " * 40,
    ]
    summary = summarize_conversation(messages, ["greet", "inform", "nlu_fallback", "human_handoff", "inform"])
    lines = summary.splitlines()
    assert lines[:3] == [
        "> mi correo es [email]",
        "> mi número [confirmation] y mi cel [phone]",
        "> nació el [date], el código es [code]",
    ]
    assert lines[3].startswith("> quiero hablar con una persona por favor") and lines[3].endswith("…")
    assert len(lines[3]) <= 2 + 160
    assert lines[4] == "topics: greet, inform, human_handoff"
    assert "hola" not in summary  # only the last four messages
