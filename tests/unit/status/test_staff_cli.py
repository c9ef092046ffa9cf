"""The staff tool through main(argv), as staff see it in a terminal; and the scripts/permits wrapper."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.staff.cli import main
from bot.store.database import unit_of_work
from bot.store.service_models import Ticket
from tests.unit.status.helpers import application_row, history, make_account, make_application, number

ROOT = Path(__file__).resolve().parents[3]
NUMBER = number("7K3M9QX2")


@pytest.fixture
def application(database: str) -> int:
    return make_application(database, make_account(database), NUMBER, documents=("sibling_enrollment",))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_number_status_student_and_key_date(
    database: str, application: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith(NUMBER))
    assert "pending_documents" in line and "Luis Núñez" in line and "abandonment 2027-03-31" in line
    assert run(capsys, "list", "--status", "approved")[1].strip() == "No applications with status approved."
    code, _, err = run(capsys, "list", "--status", "aproved")
    assert code == 1 and "'aproved' is not a status" in err


def test_show_lists_documents_received_missing_and_history(
    database: str, application: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "show", NUMBER.lower())
    assert code == 0
    received = out.split("Documents received:")[1].split("Documents missing:")[0]
    missing = out.split("Documents missing:")[1].split("History:")[0]
    assert "sibling_enrollment" in received and "release_from_residence" not in received
    assert missing.split() == ["-", "release_from_residence"]
    assert "(new) -> pending_documents  by parent" in out.split("History:")[1]


def test_set_status_changes_and_records(
    database: str, application: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "set-status", NUMBER, "under-review", "--reason", "complete", "--by", "Rosa")
    assert (code, out.strip()) == (0, f"{NUMBER}: pending_documents -> under_review")
    assert history(database, application)[-1] == (
        "pending_documents",
        "under_review",
        "staff:Rosa",
        "complete",
    )


def test_a_refused_change_says_why_and_exits_1(
    database: str, application: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "set-status", NUMBER, "approved", "--reason", "ok", "--by", "Rosa")
    assert (code, out) == (1, "")
    assert err.strip() == (
        "Refused: An application cannot go from pending_documents to approved. From pending_documents it can go "
        "to: abandoned, pending_release, provisionally_enrolled, under_review, withdrawn."
    )
    assert application_row(database, application).status == "pending_documents"
    code, _, err = run(capsys, "set-status", NUMBER, "accepted", "--reason", "ok", "--by", "Rosa")
    assert code == 1 and err.startswith("Refused: 'accepted' is not a status.")
    code, _, err = run(capsys, "set-status", number("ABCD1234"), "approved", "--reason", "ok", "--by", "Rosa")
    assert code == 1 and "No application" in err


def test_the_name_of_the_staff_member_is_required(database: str, application: int) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["set-status", NUMBER, "under_review", "--reason", "complete"])
    assert usage.value.code == 2


def test_release_and_provisional_start(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    waiting = make_application(
        database, make_account(database), NUMBER, status="pending_release", documents=("sibling_enrollment",)
    )
    code, out, _ = run(capsys, "release-received", NUMBER, "--by", "Rosa")
    assert code == 0 and f"{NUMBER}: pending_release -> under_review" in out
    assert "already recorded" in run(capsys, "release-received", NUMBER, "--by", "Rosa")[1]
    code, out, _ = run(capsys, "provisional-start", NUMBER, "2027-08-16", "--by", "Rosa")
    assert (code, out.strip()) == (0, f"{NUMBER}: under_review -> provisionally_enrolled")
    assert "Key date:     provisional_end 2027-10-08" in run(capsys, "show", NUMBER)[1]
    assert application_row(database, waiting).status == "provisionally_enrolled"


def test_tickets_open_by_default_all_on_request(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    with unit_of_work(database) as session:
        session.add(
            Ticket(
                conversation_key="k1",
                channel="web",
                language="es",
                trigger="asked",
                summary="Quiere hablar con alguien sobre la apelación",
                contact="ana@example.com",
            )
        )
        session.add(Ticket(conversation_key="k2", channel="sms", language="en", trigger="fallbacks",
                           summary="Old question", status="closed", closed_at=datetime.now(timezone.utc)))  # fmt: skip
    out = run(capsys, "tickets")[1]
    assert "Quiere hablar con alguien" in out and "Old question" not in out and "1 ticket(s)." in out
    assert "Old question" in run(capsys, "tickets", "--all")[1]


def test_deadlines_command_reports(
    database: str, application: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "deadlines", "--today", "2027-03-31")
    assert code == 0
    assert f"Abandoned (documents missing): 1\n  {NUMBER}  abandoned" in out
    assert "Abandoned (documents missing): 0" in run(capsys, "deadlines", "--today", "2027-03-31")[1]


def test_the_wrapper_script_runs_from_any_directory(database: str, application: int, tmp_path: Path) -> None:
    environment = {**os.environ, "DATABASE_URL": database, "PYTHONPATH": ""}
    result = subprocess.run(
        [str(ROOT / "scripts" / "permits"), "staff", "show", NUMBER],
        cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Application {NUMBER}\n")


def test_a_database_that_is_not_set_up_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    code, _, err = run(capsys, "list")
    assert code == 1 and "not set up (no such table: applications)" in err and "make run" in err
