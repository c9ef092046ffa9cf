"""Conversations in Rasa's tracker store (TRACKER_STORE_URL), found and deleted with plain SQL.

Rasa's SQL tracker store keeps one ``events`` row per event: ``sender_id``, ``timestamp`` (Unix
seconds) and ``data`` (the event as JSON). The redacting store adds ``value_key`` (a keyed digest)
to the sealed events of indexed slots, which is how a conversation is found from an email address
without the address being readable in the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from datetime import datetime

from sqlalchemy import Engine, bindparam, create_engine, inspect, text

from bot.core.secrets import keyed_digest
from bot.core.settings import tracker_store_url
from bot.rules.email_address import email_digest


def tracker_engine(url: str | None = None) -> Engine:
    """An engine on the tracker store (short-lived: the commands run once and exit)."""
    return create_engine(url or tracker_store_url())


def _has_events(engine: Engine) -> bool:
    return inspect(engine).has_table("events")


def senders_idle_since(engine: Engine, cutoff: datetime) -> list[str]:
    """Conversations whose last event is older than ``cutoff``."""
    if not _has_events(engine):
        return []
    query = text("select sender_id from events group by sender_id having max(timestamp) < :cutoff")
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(query, {"cutoff": cutoff.timestamp()})]


def senders_with_email(engine: Engine, email: str) -> set[str]:
    """Conversations in which a sealed, indexed slot held ``email`` (matched by its digest)."""
    if not _has_events(engine):
        return set()
    query = text("select distinct sender_id from events where type_name = 'slot' and data like :pattern")
    pattern = f'%"value_key": "{email_digest(email)}"%'
    with engine.connect() as connection:
        return {row[0] for row in connection.execute(query, {"pattern": pattern})}


def senders_with_keys(engine: Engine, conversation_keys: Collection[str]) -> set[str]:
    """Conversations whose stored key is in the set.

    Tables store a sender id only as a digest: ``bot.core.secrets.conversation_digest`` (an HMAC),
    or, in rows written before conversation keys were keyed, its plain SHA-256; both are computed
    for every sender id and compared (fine for a district's volume, run by hand or nightly).
    """
    if not conversation_keys or not _has_events(engine):
        return set()
    with engine.connect() as connection:
        senders = [row[0] for row in connection.execute(text("select distinct sender_id from events"))]
    return {
        sender
        for sender in senders
        if keyed_digest(sender) in conversation_keys
        or hashlib.sha256(sender.encode("utf-8")).hexdigest() in conversation_keys
    }


def delete_conversations(engine: Engine, senders: Iterable[str]) -> int:
    """Delete every event of these conversations; returns how many conversations were deleted."""
    chosen = sorted(set(senders))
    if not chosen or not _has_events(engine):
        return 0
    query = text("delete from events where sender_id in :senders").bindparams(
        bindparam("senders", expanding=True)
    )
    with engine.begin() as connection:
        for start in range(0, len(chosen), 500):
            connection.execute(query, {"senders": chosen[start : start + 500]})
    return len(chosen)
