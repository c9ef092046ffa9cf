"""Documents reviewed, not just received: staff open a file, send it back with a policy reason, the
parent is told in their language, the chat and the upload page say the same, a new file is accepted."""

from __future__ import annotations

import itertools
import re

from sqlalchemy import select

from bot.applications.lookup import found_answer
from bot.applications.status_words import status_answer_text
from bot.store.application_models import Application, ApplicationDocument
from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage
from bot.store.service_models import AuditEntry
from bot.uploads.service import record_upload, upload_page_state
from bot.uploads.storage import store_file
from tests.unit.staff.conftest import Console
from tests.unit.status.helpers import make_account, make_application, number
from tests.unit.test_upload_service import PDF, token_of

_serial = itertools.count(1)


def spanish_application(console: Console) -> tuple[str, int]:
    serial = next(_serial)
    confirmation = number(f"DQC{serial:02d}RVW".replace("0", "A").replace("1", "B"))
    account = make_account(console.database, f"docs{serial}@example.com")
    application_id = make_application(
        console.database, account, confirmation, language="es", reason="sibling"
    )
    return confirmation, application_id


def document_ids(console: Console, application_id: int) -> list[int]:
    with unit_of_work(console.database) as session:
        query = select(ApplicationDocument.id).where(ApplicationDocument.application_id == application_id)
        return list(session.scalars(query.order_by(ApplicationDocument.id)))


def review(console: Console, document_id: int, verdict: str, reason: str = ""):
    data = {"csrf": console.csrf("reviewer"), "verdict": verdict, "reason": reason}
    return console.post(f"/staff/documents/{document_id}/review", "reviewer", data=data)


def chat_status(console: Console, confirmation: str) -> str:
    with unit_of_work(console.database) as session:
        application = session.scalar(
            select(Application).where(Application.confirmation_number == confirmation)
        )
        return status_answer_text(found_answer(application), "es")


def test_a_verified_pdf_opens_inline_never_cached_and_each_view_is_audited(console):
    confirmation, application_id = spanish_application(console)
    assert record_upload(token_of(application_id), "sibling_enrollment", PDF).code == "accepted"
    [document_id] = document_ids(console, application_id)
    response = console.get(f"/staff/documents/{document_id}", "reviewer")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline;")
    assert confirmation in response.headers["Content-Disposition"]
    assert (
        response.headers["X-Content-Type-Options"] == "nosniff"
        and response.headers["Cache-Control"] == "no-store"
    )
    with unit_of_work(console.database) as session:
        viewed = session.scalars(
            select(AuditEntry).where(AuditEntry.subject == f"document:{document_id}")
        ).all()
    assert [(entry.actor, entry.action) for entry in viewed] == [
        ("staff:reviewer@lausd.net", "document_viewed")
    ]


def test_a_file_whose_content_is_not_what_was_recorded_is_only_a_download(console):
    _, application_id = spanish_application(console)
    stored = store_file(b"<html><script>alert(document.cookie)</script></html>", ".pdf")
    with unit_of_work(console.database) as session:
        session.add(
            ApplicationDocument(
                application_id=application_id, item="sibling_enrollment", stored_name=stored,
                content_type="application/pdf", size_bytes=50,
            )
        )  # fmt: skip
    [document_id] = document_ids(console, application_id)
    response = console.get(f"/staff/documents/{document_id}", "reviewer")
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert (
        response.headers["Content-Disposition"].startswith("attachment;")
        and ".bin" in response.headers["Content-Disposition"]
    )
    assert "sandbox" in response.headers["Content-Security-Policy"]


def test_the_reviewer_loop_reject_with_a_reason_parent_told_in_spanish_upload_again_accept_approve(console):
    confirmation, application_id = spanish_application(console)
    token = token_of(application_id)
    assert record_upload(token, "sibling_enrollment", PDF).code == "accepted"
    assert record_upload(token, "release_from_residence", PDF).code == "accepted"
    first, release = document_ids(console, application_id)

    refused = review(console, first, "rejected", "")
    assert "problem=bad_reason" in refused.headers["location"]
    sent_back = review(console, first, "rejected", "illegible")
    assert sent_back.status_code == 303 and "done=document_rejected" in sent_back.headers["location"]

    with unit_of_work(console.database) as session:
        mail = session.scalars(
            select(OutboxMessage).where(OutboxMessage.subject.contains(confirmation))
        ).all()
    [notice] = [message for message in mail if "envíe otra vez" in message.subject]
    assert (
        "No pudimos aceptar un comprobante de que el hermano o la hermana está inscrito en la escuela "
        "solicitada: no se puede leer (está borroso, oscuro o cortado)." in notice.body
    )
    [link_token] = re.findall(r"https://permits\.example\.org/upload/(\S+)", notice.body)
    assert (
        upload_page_state(link_token).confirmation_number == confirmation
    )  # the link opens this application

    status = chat_status(console, confirmation)
    assert "No aceptado, por favor envíelo otra vez:" in status and "no se puede leer" in status
    page = upload_page_state(token)
    assert page.rejected == {"sibling_enrollment": "illegible"} and "sibling_enrollment" in page.missing
    upload_html = console.get(f"/upload/{token}").text
    assert "No aceptado: no se puede leer" in upload_html

    assert record_upload(token, "sibling_enrollment", PDF).code == "accepted"
    newest = document_ids(console, application_id)[-1]
    assert review(console, newest, "accepted").status_code == 303
    assert review(console, release, "accepted").status_code == 303
    assert "No aceptado" not in chat_status(console, confirmation)
    assert upload_page_state(token).missing == ()

    csrf = console.csrf("reviewer")
    base = f"/staff/applications/{confirmation}/status"
    for target in ("under_review", "approved"):
        moved = console.post(
            base, "reviewer", data={"csrf": csrf, "to": target, "reason": "documents checked"}
        )
        assert "done=status_changed" in moved.headers["location"]
    page_text = " ".join(
        re.sub(r"<[^>]+>", " ", console.get(f"/staff/applications/{confirmation}", "reviewer").text).split()
    )
    assert (
        "Status: approved" in page_text
        and "rejected: illegible" in page_text
        and "accepted (staff:reviewer@lausd.net)" in page_text
    )
