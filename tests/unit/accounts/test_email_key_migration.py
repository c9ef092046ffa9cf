"""Migration 0003 on a database that already holds two accounts for one mailbox (issue 20, item 2)."""

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from bot.core.settings import PROJECT_ROOT


def alembic_config(url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url)
    return config


def add_account(connection, account_id: int, email: str, status: str, created: str) -> None:
    connection.execute(
        text(
            "INSERT INTO accounts (id, email, first_name, last_name, language, status, created_at)"
            " VALUES (:id, :email, 'Ana', 'Núñez', 'es', :status, :created)"
        ),
        {"id": account_id, "email": email, "status": status, "created": created},
    )


def add_application(connection, account_id: int, number: str) -> None:
    connection.execute(
        text(
            "INSERT INTO applications (confirmation_number, submission_key, account_id, language,"
            " direction, reason, school_year, student_first_name, student_last_name, student_birthdate,"
            " grade, requested_school_name, residence_district_name, release_in_hand, answers, status,"
            " submitted_at, status_changed_at, notifications_opt_in) VALUES (:number, :number, :account, 'es', 'incoming',"
            " 'sibling', '2027-2028', 'Luis', 'Núñez', '2016-03-04', '5', 'Example Elementary',"
            " 'Example Unified', 0, '{}', 'submitted', '2027-03-01', '2027-03-01', 0)"
        ),
        {"number": number, "account": account_id},
    )


def test_duplicates_are_flagged_the_active_account_kept_and_its_family_data_joined(
    tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("SECRET_KEY", "test-secret")
    url = f"sqlite:///{tmp_path / 'permits.db'}"
    config = alembic_config(url)
    command.upgrade(config, "0002")
    engine = create_engine(url)
    with engine.begin() as connection:
        add_account(connection, 1, "PARENT.ONE@example.com", "pending_activation", "2026-01-01 10:00:00")
        add_account(connection, 2, "parent.one@example.com", "active", "2026-02-01 10:00:00")
        add_account(connection, 3, "Parent.One@Example.com", "active", "2026-03-01 10:00:00")
        add_account(connection, 4, "someone@example.com", "active", "2026-03-01 10:00:00")
        add_application(connection, 3, "LA-0000-0003-X")
    command.upgrade(config, "head")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, email_key, status FROM accounts ORDER BY id")).all()
        moved = connection.execute(text("SELECT account_id FROM applications")).scalar_one()
        audit = connection.execute(text("SELECT subject, detail FROM audit_log ORDER BY subject")).all()
    assert [tuple(row) for row in rows] == [
        (1, None, "duplicate"),
        (2, "parent.one@example.com", "active"),  # the oldest active account
        (3, None, "duplicate"),
        (4, "someone@example.com", "active"),
    ]
    assert moved == 2
    assert [tuple(row) for row in audit] == [
        ("account:1", "same email as account:2; applications moved: 0"),
        ("account:3", "same email as account:2; applications moved: 1"),
    ]
    with engine.begin() as connection, pytest.raises(IntegrityError):
        connection.execute(text("UPDATE accounts SET email_key = 'someone@example.com' WHERE id = 2"))
    engine.dispose()
