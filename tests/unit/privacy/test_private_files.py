"""Mail files, databases and their folders are the owner's alone; the log names no link (issue 20)."""

import asyncio
import logging
import os
import stat
from pathlib import Path

import pytest

from bot.mail.transport import build_message, deliver
from bot.privacy.files import private_file, private_folder, write_private_bytes
from bot.store.database import engine_for

LINK = "http://localhost:8080/activate/IjEyIg.Z2VoZWlt.c2lnbmF0dXJlLW9mLXRoZS1saW5r"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    """As a process not started by the scripts (umask 022): the code itself must close the modes."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_an_outbox_email_is_0600_in_a_0700_folder_and_the_log_has_no_link(tmp_path, monkeypatch, caplog):
    monkeypatch.delenv("SMTP_HOST", raising=False)
    monkeypatch.setenv("OUTBOX_DIR", str(tmp_path / "outbox"))
    message = build_message("maria@example.com", "Activate", f"Open this link:\n{LINK}\n")
    with caplog.at_level(logging.DEBUG):
        asyncio.run(deliver(message, 12))
    [eml] = (tmp_path / "outbox").glob("*.eml")
    assert mode(eml) == 0o600 and mode(tmp_path / "outbox") == 0o700
    assert LINK in eml.read_text()  # the link is for the developer, in the private file only
    assert "IjEyIg" not in caplog.text and "maria@example.com" not in caplog.text
    assert "000012.eml" in caplog.text


def test_an_sqlite_database_is_created_0600(tmp_path):
    database = tmp_path / "data" / "permits.db"
    engine = engine_for(f"sqlite:///{database}")
    with engine.connect() as connection:
        connection.exec_driver_sql("create table t (x integer)")
    assert mode(database) == 0o600 and mode(database.parent) == 0o700


def test_a_failing_statement_is_logged_without_its_values(tmp_path):
    engine = engine_for(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as connection:
        connection.exec_driver_sql("create table t (x text unique)")
        connection.exec_driver_sql("insert into t values (?)", ("Luis Núñez",))
        with pytest.raises(Exception) as failed:
            connection.exec_driver_sql("insert into t values (?)", ("Luis Núñez",))
    assert "Luis" not in str(failed.value)


def test_the_helpers_tighten_existing_files_and_folders(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir(mode=0o755)
    private_folder(folder)
    loose = folder / "x"
    loose.write_text("x")
    loose.chmod(0o644)
    private_file(loose)
    written = folder / "y"
    write_private_bytes(written, b"secret")
    assert (mode(folder), mode(loose), mode(written)) == (0o700, 0o600, 0o600)
