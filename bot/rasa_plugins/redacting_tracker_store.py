"""An SQL tracker store that never writes what parents type in readable form.

Configured in endpoints.yml::

    tracker_store:
      type: bot.rasa_plugins.redacting_tracker_store.RedactingTrackerStore
      dialect: ${TRACKER_STORE_DIALECT}
      url: ${TRACKER_STORE_URL}
      personal_slots: [...]   # optional: also personal, even if NON_PERSONAL_SLOTS names them

The tracker in memory is untouched, so the current turn sees everything. What is written goes
through ``bot.privacy.tracker_events.redact_new_events``: texts masked, personal slot values (every
slot of the domain but ``NON_PERSONAL_SLOTS``) sealed with Fernet (AES-128-CBC + HMAC-SHA256) under a key derived (HKDF-SHA256) from the
project's SECRET_KEY. Reading opens the sealed values again, so the next turns still have them.
A value sealed under an older key reads as an empty slot (the form asks again) instead of failing.

Each message reads the conversation and saves it again. The store remembers the events of the
conversations it read or saved last (``RecentConversations``): the next read asks the database only
how many rows the conversation has and its newest row, and reads everything again when another
server (or a deletion) changed them. What it remembers is what a read would return (texts masked,
sealed values opened), so a conversation continues the same whether it was remembered or not.
"""

from __future__ import annotations

import base64
import json
import logging
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker

from bot.core.secrets import secret_key
from bot.privacy.files import private_file, private_folder, sqlite_file
from bot.privacy.tracker_events import (
    INDEXED_SLOTS,
    RedactionPolicy,
    open_sealed_values,
    redact_new_events,
)
from bot.rules.email_address import email_digest

logger = logging.getLogger(__name__)
_KEY_PURPOSE = b"lausd-permit-assistant tracker store slot sealing v1"
#: Conversations read (or saved) whose stored-event count is remembered (a safety cap).
_MAX_REMEMBERED_COUNTS = 10_000
#: Conversations whose events are remembered between messages (the most recently used ones).
RECENT_CONVERSATIONS = 2_000


@dataclass
class _Remembered:
    """A conversation's latest session as a read returns it, and the rows it was read from."""

    rows: int  # rows of the conversation, all sessions
    newest_row: int | None  # the highest row id (None: no row yet)
    events: list[Event]


class RecentConversations:
    """The events of the most recently used conversations, at most ``size`` of them."""

    def __init__(self, size: int = RECENT_CONVERSATIONS) -> None:
        self.size = size
        self._entries: OrderedDict[str, _Remembered] = OrderedDict()

    def get(self, sender_id: str) -> _Remembered | None:
        entry = self._entries.get(sender_id)
        if entry is not None:
            self._entries.move_to_end(sender_id)
        return entry

    def put(self, sender_id: str, entry: _Remembered) -> None:
        self._entries[sender_id] = entry
        self._entries.move_to_end(sender_id)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def forget(self, sender_id: str) -> None:
        self._entries.pop(sender_id, None)


def _write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    """Each new SQLite connection: write-ahead log, synced at checkpoints, waits for a lock."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class FernetSealer:
    """Seals strings with a Fernet key derived from the project secret."""

    def __init__(self, secret: str) -> None:
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_KEY_PURPOSE).derive(
            secret.encode()
        )
        self._fernet = Fernet(base64.urlsafe_b64encode(derived))

    def seal(self, plain: str) -> str:
        """An encrypted, authenticated token for ``plain``."""
        return self._fernet.encrypt(plain.encode()).decode()

    def open(self, token: str) -> str | None:
        """The plain text, or None when the token is not ours (another key, or altered)."""
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except (InvalidToken, ValueError):
            logger.warning("A sealed slot value could not be opened (key changed?); the slot is left empty.")
            return None


class RedactingTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that masks texts and seals personal slot values before writing them."""

    def __init__(
        self,
        *args: Any,
        personal_slots: list[str] | None = None,
        indexed_slots: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        self.policy = RedactionPolicy(
            also_personal=frozenset(personal_slots or ()),
            indexed_slots=frozenset(indexed_slots) if indexed_slots else INDEXED_SLOTS,
        )
        self.sealer = FernetSealer(secret_key())  # read (or create) the key now, not mid-conversation
        database_file = sqlite_file(str(kwargs.get("host") or ""))
        if database_file is not None:  # owner-only (0600), before SQLite creates it
            if not database_file.parent.exists():
                private_folder(database_file.parent)
            private_file(database_file)
        super().__init__(*args, **kwargs)
        if database_file is not None:
            self._keep_sqlite_open()
        self.engine.hide_parameters = True  # a failing statement is logged without its values
        # How many events of each conversation's current session the last read found: the next
        # save appends after them without counting the rows again (one query less per message).
        # Taken once; a save without a read first counts (the conversation lock orders the two).
        self._stored_counts: dict[str, int] = {}
        # The tracker object saved last per conversation and its event count: saved again without a
        # read in between (a new conversation is saved when created, then after its first turn),
        # it appends after them. Only the same object counts: anything else counts the rows.
        self._saved_trackers: dict[str, tuple[weakref.ref[DialogueStateTracker], int]] = {}
        self.recent = RecentConversations()
        # How many rows a conversation has and its newest row: built once (one query per message).
        self._row_count = sa.select(sa.func.count(self.SQLEvent.id), sa.func.max(self.SQLEvent.id)).where(
            self.SQLEvent.sender_id == sa.bindparam("sender_id")
        )

    def _keep_sqlite_open(self) -> None:
        """SQLite (``make run``): connections kept open, the file in write-ahead-log mode.

        Rasa opens a connection per read and per save, and SQLite syncs the file to disk at each
        commit (1.6 ms here, more than the rest of the save). With the log, a commit is written
        to the log and synced at checkpoints: a crash of the machine may lose the last messages'
        events, never the file. Production keeps conversations in PostgreSQL. The -wal and -shm
        files take the database file's mode (0600).
        """
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(
            url,
            poolclass=sa.pool.QueuePool,
            pool_size=2,
            max_overflow=4,
            connect_args={"check_same_thread": False},  # SQLite's own locking; Rasa may read from a thread
        )
        sa.event.listen(self.engine, "connect", _write_ahead_log)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the tracker's new events, redacted (same rows as SQLTrackerStore.save)."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            first_new = self._stored_counts.pop(tracker.sender_id, None)
            saved_before = self._saved_trackers.pop(tracker.sender_id, None)
            if first_new is None and saved_before is not None and saved_before[0]() is tracker:
                first_new = saved_before[1]  # this very tracker was saved before (a new conversation)
            if first_new is None or first_new > len(tracker.events):
                first_new = self._additional_events_start(session, tracker)
            all_events = [event.as_dict() for event in tracker.events]
            new_events = list(tracker.events)[first_new:]
            redacted = redact_new_events(all_events, first_new, self.policy, self.sealer, email_digest)
            rows = []
            for event, data in zip(new_events, redacted, strict=True):
                intent = (data.get("parse_data") or {}).get("intent", {}).get("name")
                rows.append(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=intent,
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.add_all(rows)
            session.flush()  # the rows' ids
            self._remember_saved(tracker, first_new, rows)
            session.commit()
        if len(self._saved_trackers) >= _MAX_REMEMBERED_COUNTS:
            self._saved_trackers.clear()
        self._saved_trackers[tracker.sender_id] = (weakref.ref(tracker), len(tracker.events))
        logger.debug("Tracker %s stored (redacted).", tracker.sender_id)

    def _remember_saved(self, tracker: DialogueStateTracker, first_new: int, rows: list[Any]) -> None:
        """The remembered conversation plus the rows just written, as a read would return them."""
        entry = self.recent.get(tracker.sender_id)
        if entry is None or first_new != len(entry.events):
            self.recent.forget(tracker.sender_id)  # the next read reads the rows (and remembers)
            return
        if not rows:
            return
        opened = open_sealed_values((json.loads(row.data) for row in rows), self.sealer)
        events = entry.events + deserialise_events(opened)
        starts = [row.timestamp for row in rows if row.type_name == SessionStarted.type_name]
        if starts:  # a read returns the events from the latest session start on (by timestamp)
            session_start = max(starts)
            if any(e.timestamp > session_start for e in entry.events if isinstance(e, SessionStarted)):
                self.recent.forget(tracker.sender_id)
                return
            events = [event for event in events if event.timestamp >= session_start]
        entry.events = events
        entry.rows += len(rows)
        entry.newest_row = max(row.id for row in rows)

    def _additional_events_start(self, session: Any, tracker: DialogueStateTracker) -> int:
        """Index in ``tracker.events`` of the first event not yet stored (as SQLTrackerStore counts)."""
        stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
        return min(stored, len(tracker.events))

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        """The tracker as SQLTrackerStore builds it, with the sealed slot values opened."""
        with self.session_scope() as session:
            if fetch_events_from_all_sessions:
                rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=True).all()
                events = deserialise_events(
                    open_sealed_values((json.loads(row.data) for row in rows), self.sealer)
                )
            else:
                events = self._latest_session(session, sender_id)
                if len(self._stored_counts) >= _MAX_REMEMBERED_COUNTS:
                    self._stored_counts.clear()
                self._stored_counts[sender_id] = len(events)
        if self.domain and events:
            return DialogueStateTracker.from_events(sender_id, list(events), self.domain.slots)
        return None

    def _latest_session(self, session: Any, sender_id: str) -> list[Event]:
        """The latest session's events: remembered if no row changed since, else read (and remembered)."""
        rows_now, newest_now = session.execute(self._row_count, {"sender_id": sender_id}).one()
        entry = self.recent.get(sender_id)
        if entry is not None and (entry.rows, entry.newest_row) == (rows_now, newest_now):
            return entry.events
        events = []
        if rows_now:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            events = deserialise_events(
                open_sealed_values((json.loads(row.data) for row in rows), self.sealer)
            )
        self.recent.put(sender_id, _Remembered(rows=rows_now, newest_row=newest_now, events=events))
        return events
