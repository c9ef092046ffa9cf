"""Tables of the application database. Alembic (migrations/) creates and upgrades them."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import DateTime, Enum, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.rules.email_address import canonical_email


class Base(DeclarativeBase):
    """Base class of every table."""


class AccountStatus(str, enum.Enum):
    """Where a parent account stands."""

    pending_activation = "pending_activation"
    active = "active"
    #: A second account for an address that already had one, found when uniqueness became
    #: case-insensitive (migration 0003): it cannot sign in and holds no email key.
    duplicate = "duplicate"


def _email_key(context: DefaultExecutionContext) -> str:
    """The canonical form of the email being inserted (a new account gets its key by itself)."""
    parameters = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return canonical_email(str(parameters["email"]))


class Account(Base):
    """A parent account: the email is the username; the password exists only as an argon2 hash."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    #: ``bot.rules.email_address.canonical_email`` of the address: one account per mailbox. Null
    #: only for accounts flagged `duplicate` (several may exist; the unique index ignores nulls).
    email_key: Mapped[str | None] = mapped_column(String(254), unique=True, index=True, default=_email_key)
    first_name: Mapped[str] = mapped_column(String(80))
    middle_name: Mapped[str | None] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(2))
    status: Mapped[AccountStatus] = mapped_column(
        Enum(AccountStatus, native_enum=False, length=24), default=AccountStatus.pending_activation
    )
    password_hash: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    activated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Set when the password is set or reset: links and sign-in codes issued before it stop working.
    credentials_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PendingRegistration(Base):
    """The details typed in one registration of a not yet activated account.

    Whoever types an address can register it, so these details are not the account's until the
    mailbox's owner opens the activation link mailed for *this* registration: a stranger who
    registers the address first (or again) never names the owner's account.
    """

    __tablename__ = "pending_registrations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    middle_name: Mapped[str | None] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class UsedLink(Base):
    """A signed link that has been used once and must never work again."""

    __tablename__ = "used_links"
    __table_args__ = (UniqueConstraint("link_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    link_id: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    used_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class OutboxStatus(str, enum.Enum):
    """Delivery state of an outgoing message."""

    pending = "pending"
    sent = "sent"


class OutboxMessage(Base):
    """A message waiting to be delivered (or delivered): nothing is lost when a channel is down.

    `channel` is email (recipient is an address), sms or whatsapp (recipient is an E.164 number;
    the subject is empty). `next_attempt_at` spaces out the retries.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(10), default="email", server_default="email")
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[OutboxStatus] = mapped_column(
        Enum(OutboxStatus, native_enum=False, length=16), default=OutboxStatus.pending, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
