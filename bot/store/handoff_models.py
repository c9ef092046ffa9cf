"""Tables of the live hand-off to a person: the queue of conversations and their transcripts.

A conversation enters the queue `waiting`; an agent takes it (`held`: the bot is silent there);
the agent hands it back (`resolved`). The Rasa server reads these tables too (with SQLAlchemy 1.4
Core, bot/rasa_plugins/handoff_state.py), so only plain columns are used.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models import Base

OPEN_STATUSES = ("waiting", "held")


class Handoff(Base):
    """One conversation handed to a person.

    `sender_id` is the id Rasa knows the conversation by (a random socket.io session, the REST
    client's id, or "sms-<hmac>"/"whatsapp-<hmac>": never a phone number): the agent's replies are
    addressed to it. The phone number a text must go to, or the address a web parent gave for an
    after-hours answer, is stored only sealed, by the Rasa server (`reply_address_sealed`). At most one open hand-off per conversation (partial unique index).
    """

    __tablename__ = "handoffs"
    __table_args__ = (
        Index(
            "uq_handoffs_open_conversation",
            "conversation_key",
            unique=True,
            sqlite_where=text("status IN ('waiting', 'held')"),
            postgresql_where=text("status IN ('waiting', 'held')"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_key: Mapped[str] = mapped_column(String(64), index=True)  # HMAC of the sender id
    sender_id: Mapped[str] = mapped_column(String(160))
    channel: Mapped[str] = mapped_column(String(20))  # socketio | rest | sms | whatsapp
    language: Mapped[str] = mapped_column(String(2))
    topic: Mapped[str] = mapped_column(String(60), default="")  # the last intent understood
    trigger: Mapped[str] = mapped_column(String(20))  # asked | fallbacks | unfinished
    status: Mapped[str] = mapped_column(String(10), default="waiting", index=True)
    agent: Mapped[str | None] = mapped_column(String(254))  # the staff member holding it
    resolution: Mapped[str | None] = mapped_column(String(20))  # resolved | back_to_assistant
    contact_by: Mapped[str | None] = mapped_column(String(10))  # chat | email | sms (after hours)
    reply_address_sealed: Mapped[str | None] = mapped_column(Text)  # phone or email, encrypted
    #: The keyed digest of the address a web parent gave after hours (the right to be forgotten
    #: finds the hand-off from it; bot.rules.email_address.email_digest for an email).
    reply_address_key: Mapped[str | None] = mapped_column(String(64), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    taken_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class HandoffMessage(Base):
    """One line of a hand-off's transcript, masked (no email, phone, date, number or code).

    `author` is parent | agent | bot. `language` is the language the line was written or sent in
    (None: not known when stored; the inbox guesses it). `delivered` is False for an agent's line
    that could not reach the parent (their widget closed, Twilio down).
    """

    __tablename__ = "handoff_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("handoffs.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(2))
    delivered: Mapped[bool] = mapped_column(default=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
