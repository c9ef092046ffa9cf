"""The hand-off queue: conversations waiting for a person, held by an agent, handed back.

Each function is one unit of work. Texts are stored masked (bot.rules.redaction). Taking a
conversation is a conditional UPDATE (…WHERE status = 'waiting'), so of two agents clicking at
the same moment exactly one wins, whichever process or database they go through.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.core.clock import utc_now
from bot.rules.handoff import HELD, OPEN_STATUSES, RESOLUTIONS, RESOLVED, WAITING, may_act_on
from bot.rules.redaction import mask_personal_data
from bot.store.database import unit_of_work
from bot.store.handoff_models import Handoff, HandoffMessage
from bot.store.service_models import AuditEntry


@dataclass(frozen=True)
class HandoffView:
    """A hand-off as the inbox and the staff tool show it."""

    handoff_id: int
    sender_id: str
    channel: str
    language: str
    topic: str
    trigger: str
    status: str
    agent: str | None
    contact_by: str | None
    created_at: datetime
    taken_at: datetime | None


@dataclass(frozen=True)
class TranscriptLine:
    """One masked line of a transcript."""

    line_id: int
    author: str
    text: str
    language: str | None
    delivered: bool
    at: datetime


@dataclass(frozen=True)
class NewHandoff:
    """What the assistant knows when it hands a conversation over."""

    conversation_key: str
    sender_id: str
    channel: str
    language: str
    topic: str
    trigger: str
    account_id: int | None = None
    ticket_id: int | None = None
    contact_by: str | None = None


def _view(row: Handoff) -> HandoffView:
    return HandoffView(
        row.id, row.sender_id, row.channel, row.language, row.topic, row.trigger, row.status,
        row.agent, row.contact_by, row.created_at, row.taken_at,
    )  # fmt: skip


def open_handoff(
    new: NewHandoff, transcript: list[tuple[str, str]], database_url: str | None = None
) -> tuple[int, bool]:
    """Put the conversation in the waiting queue with its recent lines (author, text), masked.

    Returns (hand-off id, whether it is new). A conversation already waiting or held keeps its
    hand-off (asking twice does not queue it twice); its language and topic are refreshed.
    """
    with unit_of_work(database_url) as session:
        existing = session.scalar(
            select(Handoff).where(
                Handoff.conversation_key == new.conversation_key, Handoff.status.in_(OPEN_STATUSES)
            )
        )
        if existing is not None:
            existing.language, existing.topic = new.language, new.topic or existing.topic
            existing.contact_by = existing.contact_by or new.contact_by  # the parent's choice stays
            return existing.id, False
        handoff = Handoff(
            conversation_key=new.conversation_key, sender_id=new.sender_id, channel=new.channel,
            language=new.language, topic=new.topic, trigger=new.trigger, status=WAITING,
            account_id=new.account_id, ticket_id=new.ticket_id, contact_by=new.contact_by,
        )  # fmt: skip
        session.add(handoff)
        try:
            session.flush()
        except IntegrityError:  # another server queued this conversation a moment ago
            session.rollback()
            return _open_id(new.conversation_key, database_url), False
        for author, line in transcript:
            session.add(HandoffMessage(handoff_id=handoff.id, author=author, text=mask_personal_data(line)))
        return handoff.id, True


def _open_id(conversation_key: str, database_url: str | None) -> int:
    with unit_of_work(database_url) as session:
        found = session.scalar(
            select(Handoff.id).where(
                Handoff.conversation_key == conversation_key, Handoff.status.in_(OPEN_STATUSES)
            )
        )
        if found is None:
            raise LookupError("the conversation's hand-off disappeared")
        return found


def take(handoff_id: int, agent: str, database_url: str | None = None) -> bool:
    """Give a waiting conversation to `agent`; False when it is no longer waiting (someone else
    took it, or it was closed). One conditional UPDATE: the database decides who wins."""
    with unit_of_work(database_url) as session:
        taken = session.execute(
            update(Handoff)
            .where(Handoff.id == handoff_id, Handoff.status == WAITING)
            .values(status=HELD, agent=agent, taken_at=utc_now())
        )
        won = taken.rowcount == 1
        if won:
            session.add(AuditEntry(actor=agent, action="take_handoff", subject=f"handoff:{handoff_id}"))
        return won


def hand_back(handoff_id: int, agent: str, resolution: str, database_url: str | None = None) -> bool:
    """End the hold: the bot answers again. Only the holding agent may; False otherwise."""
    if resolution not in RESOLUTIONS:
        raise ValueError(f"unknown resolution {resolution!r}")
    with unit_of_work(database_url) as session:
        handoff = session.get(Handoff, handoff_id)
        if handoff is None or not may_act_on(handoff.status, handoff.agent, agent):
            return False
        ended = session.execute(
            update(Handoff)
            .where(Handoff.id == handoff_id, Handoff.status == HELD, Handoff.agent == agent)
            .values(status=RESOLVED, resolution=resolution, closed_at=utc_now())
        )
        if ended.rowcount != 1:
            return False
        session.add(
            AuditEntry(actor=agent, action="hand_back", subject=f"handoff:{handoff_id}", detail=resolution)
        )
        return True


def add_line(
    handoff_id: int,
    author: str,
    text: str,
    language: str | None,
    delivered: bool = True,
    database_url: str | None = None,
) -> int:
    """Append a line (masked) to the transcript; returns its id."""
    with unit_of_work(database_url) as session:
        line = HandoffMessage(
            handoff_id=handoff_id, author=author, text=mask_personal_data(text),
            language=language, delivered=delivered,
        )  # fmt: skip
        session.add(line)
        session.flush()
        return line.id


def mark_delivered(line_id: int, delivered: bool, database_url: str | None = None) -> None:
    """Record whether an agent's line reached the parent."""
    with unit_of_work(database_url) as session:
        session.execute(
            update(HandoffMessage).where(HandoffMessage.id == line_id).values(delivered=delivered)
        )


def find(handoff_id: int, database_url: str | None = None) -> HandoffView | None:
    """One hand-off, or None."""
    with unit_of_work(database_url) as session:
        row = session.get(Handoff, handoff_id)
        return _view(row) if row is not None else None


def open_queue(database_url: str | None = None) -> list[HandoffView]:
    """Waiting and held conversations, oldest first (waiting ones before held ones)."""
    with unit_of_work(database_url) as session:
        rows = session.scalars(
            select(Handoff).where(Handoff.status.in_(OPEN_STATUSES)).order_by(Handoff.created_at, Handoff.id)
        )
        views = [_view(row) for row in rows]
    return sorted(views, key=lambda view: view.status != WAITING)


def transcript(handoff_id: int, after_line: int = 0, database_url: str | None = None) -> list[TranscriptLine]:
    """The transcript's lines after `after_line` (0: all), in order."""
    with unit_of_work(database_url) as session:
        rows = session.scalars(
            select(HandoffMessage)
            .where(HandoffMessage.handoff_id == handoff_id, HandoffMessage.id > after_line)
            .order_by(HandoffMessage.id)
        )
        return [TranscriptLine(r.id, r.author, r.text, r.language, r.delivered, r.at) for r in rows]
