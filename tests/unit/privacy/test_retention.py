"""Retention and the right to delete, against SQLite stores in a temporary folder."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.core.secrets import keyed_digest
from bot.privacy.forget import forget_account
from bot.privacy.retention import main, purge_older_than
from bot.rules.email_address import email_digest
from bot.store.application_models import Application, ApplicationDocument
from bot.store.database import unit_of_work
from bot.store.models import Account, OutboxMessage
from bot.store.service_models import AuditEntry, SignInCode, Ticket

NOW = datetime(2027, 6, 1, 12, tzinfo=timezone.utc)
EVENTS_TABLE = """create table events (id integer primary key, sender_id varchar(255) not null,
  type_name varchar(255) not null, timestamp float, intent_name varchar(255), action_name varchar(255), data text)"""


@pytest.fixture
def stores(database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The application database (``database``), a tracker store and an uploads folder; returns the tracker file."""
    tracker = tmp_path / "tracker.db"
    with sqlite3.connect(tracker) as db:
        db.execute(EVENTS_TABLE)
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tracker}")
    monkeypatch.setenv("UPLOADS_DIR", str(tmp_path / "uploads"))
    (tmp_path / "uploads").mkdir()
    return tracker


def add_event(tracker: Path, sender: str, at: datetime, data: dict | None = None) -> None:
    event = data or {"event": "action", "name": "action_listen"}
    with sqlite3.connect(tracker) as db:
        db.execute(
            "insert into events (sender_id, type_name, timestamp, data) values (?, ?, ?, ?)",
            (sender, event["event"], at.timestamp(), json.dumps({**event, "timestamp": at.timestamp()})),
        )


def senders(tracker: Path) -> set[str]:
    with sqlite3.connect(tracker) as db:
        return {row[0] for row in db.execute("select distinct sender_id from events")}


def add_account_with_document(email: str, uploaded_at: datetime, stored_name: str) -> int:
    """An account, one application and one uploaded document (row and file); returns the account id."""
    with unit_of_work() as session:
        account = Account(email=email, first_name="Ana", last_name="Núñez", language="es")
        session.add(account)
        session.flush()
        application = Application(
            confirmation_number=f"LA-TEST-{account.id:04d}",
            submission_key=f"key-{account.id}",
            account_id=account.id,
            language="es",
            direction="incoming",
            reason="parent_employment",
            school_year="2027-2028",
            student_first_name="Luis",
            student_last_name="Núñez",
            student_birthdate=date(2016, 3, 4),
            grade="5",
            requested_school_name="Example Elementary",
            residence_district_name="Example Unified",
            status="pending_documents",
        )
        application.documents.append(
            ApplicationDocument(
                item="proof",
                stored_name=stored_name,
                content_type="application/pdf",
                size_bytes=4,
                uploaded_at=uploaded_at,
            )
        )
        session.add(application)
        session.flush()
        return account.id


def upload(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "uploads" / name
    path.write_bytes(b"%PDF")
    return path


def test_old_conversations_and_documents_go_recent_ones_stay(stores: Path, tmp_path: Path) -> None:
    add_event(stores, "idle", NOW - timedelta(days=400))
    add_event(stores, "active", NOW - timedelta(days=400))
    add_event(stores, "active", NOW - timedelta(days=3))
    old_file, new_file = upload(tmp_path, "a" * 32 + ".pdf"), upload(tmp_path, "b" * 32 + ".pdf")
    add_account_with_document("old@example.com", NOW - timedelta(days=400), old_file.name)
    add_account_with_document("new@example.com", NOW - timedelta(days=3), new_file.name)

    dry = purge_older_than(365, dry_run=True, now=NOW)
    assert (dry.conversations, dry.documents, dry.files) == (1, 1, 0)
    assert senders(stores) == {"idle", "active"} and old_file.exists()

    done = purge_older_than(365, now=NOW)
    assert (done.conversations, done.documents, done.files) == (1, 1, 1)
    assert senders(stores) == {"active"}
    assert not old_file.exists() and new_file.exists()
    with unit_of_work() as session:
        assert session.scalars(select(ApplicationDocument.stored_name)).all() == [new_file.name]
        audit = session.scalars(select(AuditEntry)).one()
    assert (audit.actor, audit.action, audit.detail) == (
        "retention",
        "retention_purge",
        "1 conversations, 1 documents, 0 hand-offs",
    )


def test_forgetting_an_account_deletes_everything_about_it_and_keeps_the_audit(
    stores: Path, tmp_path: Path
) -> None:
    email = "Maria.Lopez@Example.com"
    mine, other = upload(tmp_path, "c" * 32 + ".pdf"), upload(tmp_path, "d" * 32 + ".pdf")
    account_id = add_account_with_document(email.lower(), NOW, mine.name)
    add_account_with_document("someone@example.com", NOW, other.name)
    sealed_email = {
        "event": "slot",
        "name": "parent_email",
        "value": "sealed:v1:x",
        "value_key": email_digest(email),
    }
    add_event(stores, "typed-the-email", NOW, sealed_email)
    add_event(stores, "signed-in", NOW)
    add_event(stores, "opened-a-ticket", NOW)
    add_event(stores, "stranger", NOW)
    expires = NOW + timedelta(minutes=10)
    with unit_of_work() as session:
        session.add(
            SignInCode(
                account_id=account_id,
                conversation_key=keyed_digest("signed-in"),
                code_hash="h",
                expires_at=expires,
            )
        )
        ticket = {"channel": "web", "language": "es", "trigger": "asked", "summary": "[email] asks"}
        by_sha = hashlib.sha256(b"opened-a-ticket").hexdigest()  # a row from before keys were keyed
        session.add(Ticket(conversation_key=by_sha, account_id=account_id, **ticket))
        session.add(Ticket(conversation_key=keyed_digest("x"), contact=email.upper(), **ticket))
        session.add(
            Ticket(conversation_key=keyed_digest("stranger"), contact="someone@example.com", **ticket)
        )
        session.add(OutboxMessage(recipient=email, subject="Activate", body="link"))
        session.add(OutboxMessage(recipient="someone@example.com", subject="Activate", body="link"))

    report = forget_account(email, by="J. Staff")
    assert report.counts == {
        "accounts": 1,
        "applications": 1,
        "documents": 1,
        "tickets": 2,
        "outbox messages": 1,
        "conversations": 3,
        "hand-offs": 0,
        "files": 1,
    }
    assert senders(stores) == {"stranger"}
    assert not mine.exists() and other.exists()
    with unit_of_work() as session:
        assert session.scalars(select(Account.email)).all() == ["someone@example.com"]
        assert session.scalar(select(func.count()).select_from(Application)) == 1
        assert session.scalar(select(func.count()).select_from(SignInCode)) == 0
        assert session.scalars(select(Ticket.contact)).all() == ["someone@example.com"]
        assert session.scalars(select(OutboxMessage.recipient)).all() == ["someone@example.com"]
        audit = session.scalars(select(AuditEntry)).one()
    assert (audit.actor, audit.action, audit.subject) == (
        "J. Staff",
        "account_forgotten",
        f"account:{account_id}",
    )
    assert "maria" not in (audit.subject + audit.detail).lower()


def test_a_dry_run_forgets_nothing(stores: Path, tmp_path: Path) -> None:
    add_account_with_document("ana@example.com", NOW, upload(tmp_path, "e" * 32 + ".pdf").name)
    assert forget_account("ana@example.com", by="J. Staff", dry_run=True).counts["accounts"] == 1
    with unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 1
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_the_command_line_refuses_a_forget_without_a_staff_name_and_a_zero_period(stores: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--forget-account", "ana@example.com"])
    with pytest.raises(SystemExit):
        main(["--older-than-days", "0"])
    assert main(["--older-than-days", "30", "--dry-run"]) == 0


def test_an_upload_name_that_is_a_path_is_refused(stores: Path) -> None:
    from bot.privacy.documents import remove_files

    with pytest.raises(ValueError):
        remove_files(["../permits.db"])
