"""The upload page, through the real Sanic server on a free port (sanic_testing is not installed)."""

import html
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from bot.store.application_models import ApplicationDocument
from bot.store.database import unit_of_work
from bot.store.migrate import upgrade_to_head
from tests.unit.test_upload_service import EXE, PDF, make_application, token_of

ROOT = Path(__file__).resolve().parents[2]
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
MB = 1024 * 1024
LINE = re.compile(r'<li class="\w+" data-item="(\w+)">(.*?)</li>', re.S)


def checklist(page: str) -> dict[str, str]:
    """Each checklist line as a parent reads it: item code -> its text without tags."""
    return {
        item: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
        for item, body in LINE.findall(page)
    }


@dataclass
class Server:
    base: str
    database: str
    uploads: Path

    def page(self, application_id: int, **headers: str) -> tuple[str, requests.Response]:
        token = token_of(application_id)
        return token, requests.get(f"{self.base}/upload/{token}", headers=headers, timeout=10)

    def send(
        self,
        token: str,
        item: str,
        data: bytes,
        filename: str = "scan.pdf",
        form_token: str | None = "from-page",
    ):
        if form_token == "from-page":
            form_token = FORM_TOKEN.search(
                requests.get(f"{self.base}/upload/{token}", timeout=10).text
            ).group(1)
        fields = {"item": item} | ({"form_token": form_token} if form_token is not None else {})
        files = {"document": (filename, data, "application/pdf")}
        return requests.post(f"{self.base}/upload/{token}", data=fields, files=files, timeout=60)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("upload-web")
    url = f"sqlite:///{folder / 'permits.db'}"
    upgrade_to_head(url)
    settings = {
        "DATABASE_URL": url,
        "UPLOADS_DIR": str(folder / "uploads"),
        "SECRET_KEY": "test-secret",
        "PUBLIC_BASE_URL": "https://permits.example.org",
    }
    port = free_port()
    script = f"from bot.web.app import create_app; create_app().run(host='127.0.0.1', port={port}, access_log=False)"
    env = {**os.environ, **settings, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    with pytest.MonkeyPatch.context() as patch:
        for name, value in settings.items():
            patch.setenv(name, value)
        try:
            for _ in range(150):
                try:
                    if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok:
                        break
                except requests.ConnectionError:
                    time.sleep(0.1)
            else:
                raise RuntimeError(
                    process.stderr.read().decode() if process.poll() is not None else "no answer"
                )
            yield Server(f"http://127.0.0.1:{port}", url, folder / "uploads")
        finally:
            process.terminate()
            process.wait(timeout=10)


def documents(server: Server, application_id: int) -> list[ApplicationDocument]:
    with unit_of_work(server.database) as session:
        found = session.scalars(
            select(ApplicationDocument).where(ApplicationDocument.application_id == application_id)
        )
        return list(found)


def test_the_page_shows_the_confirmation_number_the_checklist_and_a_labelled_form_per_missing_item(server):
    application_id = make_application(server.database, "en", "parent_employment")
    _, response = server.page(application_id)
    assert response.status_code == 200 and '<html lang="en">' in response.text
    assert "Confirmation number: PEN-" in response.text
    assert checklist(response.text)["pay_stub"] == (
        "Missing: a recent pay stub Usually needed: the office confirms the exact document."
    )
    assert checklist(response.text)["release_from_residence"] == (
        "Missing: the release (permit) from your district of residence"  # the law: no "usually"
    )
    for item in ("release_from_residence", "employer_letter", "pay_stub"):
        assert f'<label for="file-{item}">Choose the file</label>' in response.text
        assert f'name="item" value="{item}"' in response.text
    assert "<script" not in response.text
    assert (
        response.headers["X-Frame-Options"] == "DENY"
        and "form-action 'self'" in response.headers["Content-Security-Policy"]
    )


def test_a_pdf_is_accepted_listed_as_received_and_stored_under_a_random_name(server):
    application_id = make_application(server.database, "en", "sibling")
    token, _ = server.page(application_id)
    response = server.send(token, "sibling_enrollment", PDF, filename="Ana Nunez report card.pdf")
    assert response.status_code == 200
    assert (
        "Thank you. We received proof that the sibling is enrolled at the requested school." in response.text
    )
    lines = checklist(response.text)
    assert lines["sibling_enrollment"].startswith("✓ Received: proof that the sibling")
    assert lines["iep_or_504"].startswith("your child's IEP or 504 plan Only if it applies to your child")
    assert 'name="item" value="sibling_enrollment"' not in response.text  # no form for it any more
    assert 'name="item" value="release_from_residence"' in response.text
    [document] = documents(server, application_id)
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", document.stored_name)
    assert (server.uploads / document.stored_name).read_bytes().startswith(b"%PDF-")  # rewritten, still a PDF
    assert not [path for path in server.uploads.iterdir() if "Ana" in path.name or "report" in path.name]


def test_a_program_named_pdf_is_refused_and_not_kept(server):
    application_id = make_application(server.database, "en", "childcare")
    token, _ = server.page(application_id)
    response = server.send(token, "childcare_affidavit", EXE, filename="affidavit.pdf")
    assert response.status_code == 422
    assert "We can only accept PDF, JPG and PNG files." in response.text
    assert 'aria-invalid="true"' in response.text
    assert documents(server, application_id) == []


def test_a_file_over_10_mb_is_refused_politely(server):
    application_id = make_application(server.database, "en", "bullying")
    token, _ = server.page(application_id)
    response = server.send(token, "incident_reports", PDF + bytes(10 * MB))
    assert response.status_code == 413
    assert "The file is larger than 10 MB." in response.text
    assert documents(server, application_id) == []


def test_a_request_far_over_the_limit_is_refused_before_reading_it_in_spanish(server):
    application_id = make_application(server.database, "es", "bullying")
    token, _ = server.page(application_id)
    response = server.send(token, "incident_reports", PDF + bytes(12 * MB))
    assert response.status_code == 413
    assert '<html lang="es">' in response.text and "El archivo pesa más de 10 MB." in response.text
    assert documents(server, application_id) == []


def test_a_form_without_its_own_token_is_refused_in_the_parents_language(server):
    application_id = make_application(server.database, "es", "specialized_program")
    token, _ = server.page(application_id)
    _, other_page = server.page(make_application(server.database, "en", "continuing_enrollment"))
    other_form_token = FORM_TOKEN.search(other_page.text).group(1)
    missing = server.send(token, "program_acceptance", PDF, form_token=None)
    foreign = server.send(token, "program_acceptance", PDF, form_token=other_form_token)
    for response in (missing, foreign):
        assert response.status_code == 403
        assert '<html lang="es">' in response.text
        assert "Este formulario ya venció o le falta información" in response.text
    assert documents(server, application_id) == []
    assert server.send(token, "program_acceptance", PDF).status_code == 200  # its own token works


def test_a_spanish_application_gets_a_spanish_page_and_the_missing_list_shrinks(server):
    application_id = make_application(server.database, "es", "parent_employment")
    token, before = server.page(application_id)
    assert '<html lang="es">' in before.text and "Número de confirmación: PES-" in before.text
    assert [line.split(":")[0] for line in checklist(before.text).values()] == [
        "Falta",
        "Falta",
        "Falta",
        "el IEP o el plan 504 de su hijo Solo si corresponde a su hijo Normalmente se pide",
    ]
    after = server.send(token, "pay_stub", PDF)
    assert "Gracias. Recibimos un talón de pago reciente." in after.text
    lines = checklist(after.text)
    assert [code for code, line in lines.items() if line.startswith("Falta:")] == [
        "release_from_residence",
        "employer_letter",
    ]
    assert lines["pay_stub"] == "✓ Recibido: un talón de pago reciente"


def test_an_unknown_link_gets_a_410_page_in_the_browsers_language(server):
    response = requests.get(
        f"{server.base}/upload/nonsense", headers={"Accept-Language": "es-MX,es;q=0.9"}, timeout=10
    )
    assert response.status_code == 410
    assert '<html lang="es">' in response.text and "Este enlace no es válido." in response.text
    assert "<form" not in response.text


def test_pressing_send_without_choosing_a_file_asks_for_one(server):
    application_id = make_application(server.database, "en", "military")
    token, _ = server.page(application_id)
    response = server.send(token, "military_orders", b"", filename="")
    assert response.status_code == 422
    assert "Please choose a file before pressing the button." in response.text
