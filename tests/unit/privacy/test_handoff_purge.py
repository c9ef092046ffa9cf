"""Hand-offs to a person go with the rest of a family's data: the retention period deletes them
with their conversation (even one still waiting) or once closed; forgetting an account deletes
them with its conversations."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.core.clock import utc_now
from bot.core.secrets import conversation_digest
from bot.helpdesk.handoff_queue import NewHandoff, find, hand_back, open_handoff, take, transcript
from bot.privacy.retention import main, purge_older_than

EVENTS_TABLE = """create table events (id integer primary key, sender_id varchar(255) not null,
  type_name varchar(255) not null, timestamp float, intent_name varchar(255), action_name varchar(255), data text)"""


@pytest.fixture
def tracker(database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty tracker store next to the application database."""
    path = tmp_path / "tracker.db"
    with sqlite3.connect(path) as db:
        db.execute(EVENTS_TABLE)
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("UPLOADS_DIR", str(tmp_path / "uploads"))
    (tmp_path / "uploads").mkdir()
    return path


def conversation(tracker: Path, sender: str, last_seen: datetime) -> int:
    """A conversation last active at `last_seen`, handed to a person; returns the hand-off id."""
    with sqlite3.connect(tracker) as db:
        db.execute(
            "insert into events (sender_id, type_name, timestamp, data) values (?, 'user', ?, ?)",
            (sender, last_seen.timestamp(), json.dumps({"event": "user", "text": "hola"})),
        )
    new = NewHandoff(conversation_digest(sender), sender, "socketio", "es", "", "asked")
    handoff_id, _ = open_handoff(new, [("parent", "quiero hablar con una persona")])
    return handoff_id


def test_retention_deletes_the_hand_offs_of_expired_conversations_and_closed_ones(tracker: Path) -> None:
    now = utc_now() + timedelta(days=400)  # a year and a month from today
    expired = conversation(tracker, "web-old", utc_now())
    waiting = conversation(tracker, "web-recent", now - timedelta(days=1))
    closed = conversation(tracker, "web-recent-2", now - timedelta(days=1))
    take(closed, "staff:maria@lausd.net")
    hand_back(closed, "staff:maria@lausd.net", "resolved")  # closed today: more than 365 days before `now`

    dry = purge_older_than(365, dry_run=True, now=now)
    assert (dry.conversations, dry.handoffs) == (1, 2) and find(expired) is not None
    report = purge_older_than(365, now=now)
    assert (report.conversations, report.handoffs) == (1, 2)
    assert find(expired) is None and transcript(expired) == []  # still waiting, but its conversation is gone
    assert find(closed) is None and transcript(closed) == []
    assert find(waiting) is not None and len(transcript(waiting)) == 1


def test_the_retention_command_says_how_many_hand_offs_went(
    tracker: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conversation(tracker, "web-today", utc_now())
    assert main(["--older-than-days", "30", "--dry-run"]) == 0
    assert (
        capsys.readouterr().out.strip() == "would delete: 0 conversations, 0 documents (0 files), 0 hand-offs"
    )
