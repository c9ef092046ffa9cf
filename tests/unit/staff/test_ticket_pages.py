"""Agents see the open help-desk tickets and close one (audited)."""

from __future__ import annotations

from sqlalchemy import select

from bot.helpdesk.tickets import open_ticket
from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry
from tests.unit.staff.conftest import Console


def test_an_agent_reads_and_closes_a_ticket(console: Console):
    ticket_id = open_ticket("k" * 64, "rest", "es", "asked", "> quiero hablar con una persona [email]")
    page = console.get("/staff/tickets", "agent")
    assert (
        page.status_code == 200
        and "quiero hablar con una persona [email]" in page.text
        and "Spanish" in page.text
    )
    closed = console.post(f"/staff/tickets/{ticket_id}/close", "agent", data={"csrf": console.csrf("agent")})
    assert closed.status_code == 303
    assert "quiero hablar con una persona" not in console.get("/staff/tickets", "agent").text
    again = console.post(f"/staff/tickets/{ticket_id}/close", "agent", data={"csrf": console.csrf("agent")})
    assert again.status_code == 404
    with unit_of_work(console.database) as session:
        audit = session.scalar(select(AuditEntry).where(AuditEntry.subject == f"ticket:{ticket_id}"))
    assert (audit.actor, audit.action) == ("staff:agent@lausd.net", "close_ticket")
