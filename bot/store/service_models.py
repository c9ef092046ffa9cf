"""Tables of the services around applications: sign-in codes, status lookups, tickets, audit, limits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models import Base


class SignInCode(Base):
    """A one-time code mailed to an account's owner to link a conversation to the account.

    Only an HMAC of the code is stored. `attempts` counts wrong tries; `used_at` ends it. An
    address without an active account gets a stand-in row (no account, a random code never
    mailed), so a wrong code is answered the same way whatever the address.
    """

    __tablename__ = "sign_in_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    conversation_key: Mapped[str] = mapped_column(String(64), index=True)  # hash of the sender id
    #: Keyed digest of the canonical email asked for: wrong guesses are capped per address.
    address_key: Mapped[str | None] = mapped_column(String(64))
    code_hash: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class StatusLookup(Base):
    """Every status lookup from the chat, found or not (limits and the audit of who looked)."""

    __tablename__ = "status_lookups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_key: Mapped[str] = mapped_column(String(64), index=True)
    confirmation_number: Mapped[str] = mapped_column(String(16), index=True)
    succeeded: Mapped[bool] = mapped_column(default=False)
    looked_up_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Ticket(Base):
    """A help-desk ticket: the parent asked for a person, or the assistant could not help."""

    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_key: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(2))
    trigger: Mapped[str] = mapped_column(String(20))  # asked | fallbacks | upset
    summary: Mapped[str] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(254))  # how the parent wants to be reached
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # open | closed
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """Who did what to which record: kept when the record itself is deleted (retention)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(80))  # e.g. "application:LA-7K3M-9QX2-R"
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)


class RateEvent(Base):
    """One counted attempt for a rate limit, shared by every process using the database."""

    __tablename__ = "rate_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bucket: Mapped[str] = mapped_column(String(40))  # e.g. "sign_in_code:email"
    key_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
