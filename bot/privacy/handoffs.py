"""Hand-offs to a person with the rest of a family's data: what retention and the right to be
forgotten delete in the hand-off tables (bot/store/handoff_models.py), transcripts included."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from bot.rules.handoff import RESOLVED
from bot.store.database import unit_of_work
from bot.store.handoff_models import Handoff, HandoffMessage


def handoffs_of(
    session: Session, conversation_keys: set[str], account_id: int | None, address_key: str | None = None
) -> list[Handoff]:
    """The hand-offs of these conversations (keyed digests), of this account, or answered to the
    address with this keyed digest (after hours), open or not."""
    about: ColumnElement[bool] = Handoff.conversation_key.in_(conversation_keys)
    if account_id is not None:
        about = or_(about, Handoff.account_id == account_id)
    if address_key is not None:
        about = or_(about, Handoff.reply_address_key == address_key)
    return list(session.scalars(select(Handoff).where(about)))


def delete_handoffs(session: Session, handoff_ids: list[int]) -> None:
    """Delete hand-offs with their transcripts (the lines first: SQLite may not cascade)."""
    if handoff_ids:
        session.execute(delete(HandoffMessage).where(HandoffMessage.handoff_id.in_(handoff_ids)))
        session.execute(delete(Handoff).where(Handoff.id.in_(handoff_ids)))


def forget_handoffs(
    conversation_keys: set[str], account_id: int | None, database_url: str | None = None
) -> int:
    """Delete the hand-offs (and their transcripts) of these conversations or this account, for
    the right to be forgotten; returns how many hand-offs went."""
    with unit_of_work(database_url) as session:
        ids = [row.id for row in handoffs_of(session, conversation_keys, account_id)]
        delete_handoffs(session, ids)
        return len(ids)


def purge_handoffs(
    closed_before: datetime,
    expired_conversations: set[str],
    *,
    dry_run: bool = False,
    database_url: str | None = None,
) -> int:
    """Retention: delete the hand-offs closed before `closed_before`, and every hand-off (even one
    still waiting) of conversations the retention period deletes (keyed digests); returns how many."""
    with unit_of_work(database_url) as session:
        closed = session.scalars(
            select(Handoff.id).where(Handoff.status == RESOLVED, Handoff.closed_at < closed_before)
        )
        ids = {*closed, *(row.id for row in handoffs_of(session, expired_conversations, None))}
        if not dry_run:
            delete_handoffs(session, sorted(ids))
        return len(ids)
