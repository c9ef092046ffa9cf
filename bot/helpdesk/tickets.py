"""Help-desk tickets: one open ticket per conversation, with a short summary free of personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from bot.rules.redaction import masked_excerpt
from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry, Ticket

SUMMARY_MESSAGES = 4
SUMMARY_CHARACTERS = 160


@dataclass(frozen=True)
class TicketView:
    """A ticket as the staff tool lists it."""

    ticket_id: int
    created_at: datetime
    channel: str
    language: str
    trigger: str
    summary: str
    contact: str | None


def summarize_conversation(user_messages: list[str], intents: list[str]) -> str:
    """The parent's last few messages (masked, shortened) and what they were about, for staff.

    Emails, phone numbers, dates, confirmation numbers and codes never reach the summary.
    """
    recent = [masked_excerpt(text, SUMMARY_CHARACTERS) for text in user_messages if text.strip()]
    topics = [intent for intent in dict.fromkeys(intents) if intent and not intent.startswith("nlu_")]
    lines = [f"> {text}" for text in recent[-SUMMARY_MESSAGES:]]
    if topics:
        lines.append("topics: " + ", ".join(topics[-SUMMARY_MESSAGES:]))
    return "\n".join(lines)


def open_ticket(
    conversation_key: str,
    channel: str,
    language: str,
    trigger: str,
    summary: str,
    contact: str | None = None,
    account_id: int | None = None,
    database_url: str | None = None,
) -> int:
    """Open a ticket, or refresh the conversation's open one; returns its id."""
    with unit_of_work(database_url) as session:
        ticket = session.scalar(
            select(Ticket).where(Ticket.conversation_key == conversation_key, Ticket.status == "open")
        )
        if ticket is None:
            ticket = Ticket(
                conversation_key=conversation_key,
                channel=channel,
                language=language,
                trigger=trigger,
                summary=summary,
            )
            session.add(ticket)
        ticket.summary, ticket.trigger = summary, trigger
        ticket.contact = contact or ticket.contact
        ticket.account_id = account_id or ticket.account_id
        session.flush()
        return ticket.id


def open_tickets(database_url: str | None = None, include_closed: bool = False) -> list[TicketView]:
    """Tickets for the staff tool, oldest first."""
    with unit_of_work(database_url) as session:
        query = select(Ticket).order_by(Ticket.id)
        if not include_closed:
            query = query.where(Ticket.status == "open")
        return [
            TicketView(t.id, t.created_at, t.channel, t.language, t.trigger, t.summary, t.contact)
            for t in session.scalars(query)
        ]


def close_ticket(ticket_id: int, actor: str, database_url: str | None = None) -> bool:
    """Close a ticket (recorded in the audit log); False when there is no such open ticket."""
    with unit_of_work(database_url) as session:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None or ticket.status != "open":
            return False
        ticket.status, ticket.closed_at = "closed", datetime.now(timezone.utc)
        session.add(AuditEntry(actor=actor, action="close_ticket", subject=f"ticket:{ticket_id}"))
        return True
