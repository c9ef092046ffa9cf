"""Hand-offs to a person go with the rest of a family's data: the retention period deletes them
with their conversation (even one still waiting) or once closed; forgetting an account deletes
them with its conversations and the one answered to its address."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.core.clock import utc_now
from bot.core.secrets import conversation_digest
from bot.helpdesk.handoff_queue import NewHandoff, find, hand_back, open_handoff, take, transcript
from bot.privacy.forget import forget_account
from bot.privacy.retention import main, purge_older_than
from bot.rules.email_address import email_digest
from bot.store.database import unit_of_work
from bot.store.handoff_models import Handoff
from bot.store.models import Account

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


def test_forgetting_an_account_deletes_its_hand_offs_and_the_one_answered_to_its_address(
    tracker: Path,
) -> None:
    """Three ways a hand-off belongs to the parent: the account was signed in, the conversation is
    the account's (its sign-in code), or the parent gave the address for an after-hours answer
    (only its keyed digest is searchable; the address itself is sealed)."""
    email = "ana@example.com"
    with unit_of_work() as session:
        account = Account(email=email, first_name="Ana", last_name="Ruiz", language="es")
        session.add(account)
        session.flush()
        account_id = account.id
    signed_in = open_handoff(
        NewHandoff("conv-signed-in", "web-1", "socketio", "es", "", "asked", account_id), []
    )[0]
    answered_to = conversation(tracker, "web-no-account", utc_now())
    stranger = conversation(tracker, "web-stranger", utc_now())
    with unit_of_work() as session:
        session.get_one(Handoff, answered_to).reply_address_key = email_digest(" Ana@Example.com")

    report = forget_account(email, by="J. Staff")
    assert report.counts["hand-offs"] == 2
    assert find(signed_in) is None and find(answered_to) is None and transcript(answered_to) == []
    assert find(stranger) is not None
