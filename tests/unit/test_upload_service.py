"""The upload service: files checked, stored under random names and recorded in one unit of work."""

import re
import stat
import time
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import select, text

from bot.accounts.links import ACTIVATION, make_token
from bot.store.application_models import Application, ApplicationDocument
from bot.store.database import unit_of_work
from bot.store.models import Account
from bot.uploads.service import documents_status, record_upload, upload_link, upload_page_state

#: The smallest real documents: a one-page PDF and a one-pixel PNG (uploads are opened and rewritten).
PDF = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
    b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00:~\x9bU\x00"
    b"\x00\x00\nIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\xb18\xf6\x14\x00\x00\x00\x00IEND\xaeB`\x82"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(32)
LINK = re.compile(r"https://permits\.example\.org/upload/(\S+)")


def make_application(database_url: str, language: str = "en", reason: str = "parent_employment") -> int:
    """An account and an incoming application (without documents); returns the application id."""
    with unit_of_work(database_url) as session:
        account = Account(
            email=f"parent-{language}-{reason}@example.com",
            first_name="Ana",
            last_name="Núñez",
            language=language,
        )
        session.add(account)
        session.flush()
        application = Application(
            confirmation_number=f"P{language.upper()}-{account.id:06d}",
            submission_key=f"key-{account.id}",
            account_id=account.id,
            language=language,
            direction="incoming",
            reason=reason,
            school_year="2027-2028",
            student_first_name="Luis",
            student_last_name="Núñez",
            student_birthdate=date(2016, 3, 4),
            grade="5",
            requested_school_name="Example Elementary",
            residence_district_name="Example Unified",
            status="pending_documents",
        )
        session.add(application)
        session.flush()
        return application.id


def token_of(application_id: int) -> str:
    match = LINK.fullmatch(upload_link(application_id))
    assert match
    return match.group(1)


@pytest.fixture
def uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "uploads"
    monkeypatch.setenv("UPLOADS_DIR", str(folder))
    return folder


def stored_files(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_the_page_lists_the_checklist_in_the_applications_language(database, uploads):
    state = upload_page_state(token_of(make_application(database, "es")))
    assert (state.code, state.language, state.confirmation_number) == ("ready", "es", "PES-000001")
    assert state.missing == ("release_from_residence", "employer_letter", "pay_stub")
    assert state.uploaded == ()


def test_an_accepted_pdf_is_stored_privately_under_a_random_name_and_the_missing_list_shrinks(
    database, uploads
):
    application_id = make_application(database)
    result = record_upload(token_of(application_id), "pay_stub", PDF)
    assert result.code == "accepted" and result.problem is None
    assert result.state.missing == ("release_from_residence", "employer_letter")
    with unit_of_work(database) as session:
        [document] = session.scalars(select(ApplicationDocument))
        assert (document.item, document.content_type) == ("pay_stub", "application/pdf")
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", document.stored_name)
    [path] = stored_files(uploads)
    # Stored as rewritten by pikepdf: still a one-page PDF, with its recorded size.
    assert path.name == document.stored_name and path.read_bytes().startswith(b"%PDF-")
    assert document.size_bytes == path.stat().st_size
    with pikepdf.open(path) as stored:
        assert len(stored.pages) == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert documents_status(application_id) == (("pay_stub",), ("release_from_residence", "employer_letter"))


def test_the_link_works_for_every_document_and_completion_is_dated(database, uploads):
    application_id = make_application(database)
    token = token_of(application_id)
    for item in ("release_from_residence", "employer_letter", "pay_stub", "pay_stub"):
        assert record_upload(token, item, PNG).code == "accepted"
    status = documents_status(application_id)
    assert status.missing == () and status.uploaded == (
        "release_from_residence",
        "employer_letter",
        "pay_stub",
    )
    with unit_of_work(database) as session:
        assert session.get(Application, application_id).documents_complete_at is not None
    assert len({path.name for path in stored_files(uploads)}) == 4


@pytest.mark.parametrize(
    ("item", "data", "problem"),
    [("pay_stub", EXE, "wrong_type"), ("pay_stub", b"", "empty"), ("military_orders", PDF, "unknown_item")],
)
def test_a_refused_file_leaves_nothing_behind(database, uploads, item, data, problem):
    application_id = make_application(database)
    result = record_upload(token_of(application_id), item, data)
    assert (result.code, result.problem) == ("problem", problem)
    assert result.state.missing == ("release_from_residence", "employer_letter", "pay_stub")
    assert stored_files(uploads) == []
    assert documents_status(application_id).uploaded == ()


def test_the_file_is_removed_when_the_database_refuses_the_record(database, uploads):
    application_id = make_application(database)
    with unit_of_work(database) as session:
        session.execute(
            text(
                "CREATE TRIGGER no_documents BEFORE INSERT ON application_documents BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
        )
    with pytest.raises(Exception, match="disk full"):
        record_upload(token_of(application_id), "pay_stub", PDF)
    assert stored_files(uploads) == []


class FortySixDaysAgo(TimestampSigner):
    def get_timestamp(self) -> int:
        return int(time.time()) - 46 * 24 * 3600


def test_expired_invalid_and_foreign_links_are_refused(database, uploads):
    application_id = make_application(database, "es")
    old = URLSafeTimedSerializer("test-secret", salt="permits-upload", signer=FortySixDaysAgo)
    expired = str(old.dumps({"a": application_id, "l": "old"}))
    state = upload_page_state(expired)
    assert (state.code, state.language) == ("expired", "es")
    assert record_upload(expired, "pay_stub", PDF).code == "expired"
    assert upload_page_state("not-a-token").code == "invalid"
    assert upload_page_state(make_token(application_id, ACTIVATION)).code == "invalid"
    assert upload_page_state(token_of(application_id + 1)).code == "invalid"
    assert stored_files(uploads) == []


def test_status_of_an_unknown_application_is_empty(database):
    assert documents_status(999) == ((), ())
