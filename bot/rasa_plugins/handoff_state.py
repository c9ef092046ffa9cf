"""The hand-off tables as the Rasa server sees them (SQLAlchemy 1.4 Core, `future=True`).

The Rasa server's venv has SQLAlchemy 1.4 and no bot/store, so this module reads and writes the
two hand-off tables (bot/store/handoff_models.py, migrated by Alembic) with plain SQL. Every
Rasa server behind a load balancer reads the same rows: a conversation held by an agent is held
on all of them, and stays held across a restart.

The phone number an agent's texts must reach, or the email address or mobile number a web
parent gave for an after-hours answer, is sealed here (Fernet under a key derived from the
project secret) and opened only here, when the relay sends a text or leaves the answer in the
outbox for the delivery worker (whose rows name their recipient, as every notice's do). No log
and no tracker store ever holds it readable.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

from bot.core.secrets import conversation_digest, keyed_digest, secret_key
from bot.core.settings import database_url
from bot.rules.email_address import email_digest
from bot.rules.redaction import mask_personal_data

logger = logging.getLogger(__name__)
_SEALING_PURPOSE = b"lausd-permit-assistant hand-off reply address v1"


@dataclass(frozen=True)
class OpenHandoff:
    """A conversation waiting for or held by a person."""

    handoff_id: int
    status: str
    language: str
    contact_by: str | None = None  # chat | email | sms | whatsapp, or a step of the question
    signed_in: bool = False  # the parent has an account (email goes to its address)


@dataclass(frozen=True)
class ReplyRoute:
    """Where an agent's line must go: the conversation and, for texts or after-hours email, the
    opened address (`phone`: the text conversation's number, or the address the parent gave)."""

    sender_id: str
    channel: str
    language: str
    status: str
    phone: str | None
    contact_by: str | None = None
    account_id: int | None = None


@lru_cache(maxsize=4)
def _engine(url: str, autocommit: bool = False) -> Engine:
    """The hand-off tables' engine; ``autocommit`` for the one read every message makes (no
    BEGIN and ROLLBACK around it: 0.5 ms instead of 0.76 ms on PostgreSQL)."""
    options = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
    engine = create_engine(url, future=True, pool_pre_ping=True, **options)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _wait_for_locks(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

    return engine


@lru_cache(maxsize=1)
def _fernet() -> Fernet:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_SEALING_PURPOSE).derive(
        secret_key().encode()
    )
    return Fernet(base64.urlsafe_b64encode(derived))


def open_handoff_of(sender_id: str) -> OpenHandoff | None:
    """The conversation's waiting or held hand-off, or None."""
    with _engine(database_url(), autocommit=True).connect() as connection:
        row = connection.execute(
            text(
                "SELECT id, status, language, contact_by, account_id FROM handoffs "
                "WHERE conversation_key = :key AND status IN ('waiting', 'held')"
            ),
            {"key": conversation_digest(sender_id)},
        ).first()
    if row is None:
        return None
    return OpenHandoff(int(row[0]), str(row[1]), str(row[2]), row[3], row[4] is not None)


def record_parent_line(handoff_id: int, message: str) -> None:
    """Store what the parent wrote, masked, for the agent's transcript."""
    record_line(handoff_id, "parent", message)


def record_line(handoff_id: int, author: str, message: str) -> None:
    """Store a line of the conversation (parent | bot), masked, for the agent's transcript."""
    with _engine(database_url()).begin() as connection:
        connection.execute(
            text(
                "INSERT INTO handoff_messages (handoff_id, author, text, delivered, at) "
                "VALUES (:handoff, :author, :text, :delivered, CURRENT_TIMESTAMP)"
            ),
            {"handoff": handoff_id, "author": author, "text": mask_personal_data(message), "delivered": True},
        )


def remember_reply_address(sender_id: str, phone: str) -> None:
    """Seal the phone of a text conversation into its open hand-off (once), so that the agent's
    replies can be sent to it. Nothing happens when the conversation is not handed off."""
    with _engine(database_url()).begin() as connection:
        connection.execute(
            text(
                "UPDATE handoffs SET reply_address_sealed = :sealed WHERE conversation_key = :key "
                "AND status IN ('waiting', 'held') AND reply_address_sealed IS NULL"
            ),
            {"sealed": _fernet().encrypt(phone.encode()).decode(), "key": conversation_digest(sender_id)},
        )


def set_contact(handoff_id: int, contact_by: str, address: str | None) -> bool:
    """Record how the parent wants the person's answer (and the address, sealed), while the
    hand-off still waits; False when it no longer does (an agent took it meanwhile)."""
    values: dict[str, object] = {"id": handoff_id, "contact_by": contact_by}
    sealed = ""
    if address is not None:
        values["sealed"] = _fernet().encrypt(address.encode()).decode()
        values["key"] = email_digest(address) if "@" in address else keyed_digest(address)
        sealed = ", reply_address_sealed = :sealed, reply_address_key = :key"
    with _engine(database_url()).begin() as connection:
        changed = connection.execute(
            text(
                f"UPDATE handoffs SET contact_by = :contact_by{sealed} WHERE id = :id AND status = 'waiting'"
            ),
            values,
        )
        return changed.rowcount == 1


def account_email(account_id: int) -> str | None:
    """The address of a parent's account (after-hours answers by email to a signed-in parent)."""
    with _engine(database_url()).connect() as connection:
        row = connection.execute(
            text("SELECT email FROM accounts WHERE id = :id"), {"id": account_id}
        ).first()
    return str(row[0]) if row and row[0] else None


def queue_outbox(channel: str, recipient: str, subject: str, body: str) -> None:
    """Leave a message for the delivery worker (bot.notifications.delivery): email or sms."""
    with _engine(database_url()).begin() as connection:
        connection.execute(
            text(
                "INSERT INTO outbox (channel, recipient, subject, body, status, attempts, created_at) "
                "VALUES (:channel, :recipient, :subject, :body, 'pending', 0, CURRENT_TIMESTAMP)"
            ),
            {"channel": channel, "recipient": recipient, "subject": subject, "body": body},
        )


def reply_route(handoff_id: int) -> ReplyRoute | None:
    """Where the hand-off's replies go, with the phone opened; None for an unknown hand-off."""
    with _engine(database_url()).connect() as connection:
        row = connection.execute(
            text(
                "SELECT sender_id, channel, language, status, reply_address_sealed, contact_by, "
                "account_id FROM handoffs WHERE id = :id"
            ),
            {"id": handoff_id},
        ).first()
    if row is None:
        return None
    phone = None
    if row[4]:
        try:
            phone = _fernet().decrypt(str(row[4]).encode()).decode()
        except InvalidToken:
            logger.warning("A hand-off's reply address could not be opened (the secret changed?).")
    account = int(row[6]) if row[6] is not None else None
    return ReplyRoute(str(row[0]), str(row[1]), str(row[2]), str(row[3]), phone, row[5], account)


def undelivered_agent_lines(handoff_id: int) -> list[tuple[int, str]]:
    """The agent's lines that have not reached the parent yet (id, text), oldest first."""
    with _engine(database_url()).connect() as connection:
        rows = connection.execute(
            text(
                "SELECT id, text FROM handoff_messages WHERE handoff_id = :handoff "
                "AND author = 'agent' AND delivered = :no ORDER BY id"
            ),
            {"handoff": handoff_id, "no": False},
        ).all()
    return [(int(row[0]), str(row[1])) for row in rows]


def mark_delivered(line_ids: list[int]) -> None:
    """Record that these agent lines reached the parent."""
    if not line_ids:
        return
    with _engine(database_url()).begin() as connection:
        for line_id in line_ids:
            connection.execute(
                text("UPDATE handoff_messages SET delivered = :yes WHERE id = :id"),
                {"yes": True, "id": line_id},
            )
