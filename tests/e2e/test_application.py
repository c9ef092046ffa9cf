"""The permit application end to end: sign in, answer, submit once, upload, status after staff acts (#5, #6)."""

import os
import re
import subprocess

import requests

from tests.e2e.conftest import ROOT, say, text_of
from tests.e2e.test_account_access import CODE, active_account
from tests.unit.test_upload_service import PDF  # a real one-page PDF: uploads are opened and rewritten

NUMBER = re.compile(r"\bLA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]\b")
UPLOAD = re.compile(r"https?://\S+/upload/[^\s\"<>]+")
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def sign_in(sender: str, mailbox, email: str, opening: str) -> list[dict]:
    say(sender, opening)
    say(sender, email)
    code = CODE.search(mailbox.wait_for(email, 2)[-1].get_content()).group(1)
    return say(sender, code)


def button(messages: list[dict], words: str) -> str:
    return next(
        b["payload"] for m in messages for b in m.get("buttons", []) if words.lower() in b["title"].lower()
    )


def staff(servers, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{servers.var_dir / 'permits.db'}"}
    return subprocess.run(
        [str(ROOT / "scripts/permits"), "staff", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_a_spanish_parent_applies_uploads_and_checks_the_status(servers, mailbox, sender):
    email = f"{sender}@example.org"
    active_account(servers, mailbox, f"{sender}-reg", email)
    started = sign_in(sender, mailbox, email, "quiero solicitar un permiso para entrar a LAUSD")
    assert "nombre de su estudiante" in text_of(started)
    say(sender, "Sofía")
    say(sender, "López")
    say(sender, "5to grado")
    asked_district = text_of(say(sender, "14 de marzo de 2016"))
    assert "distrito" in asked_district
    asked_school = text_of(say(sender, "Compton Unified"))
    assert "escuela" in asked_school
    reasons = say(sender, "Gardena high")  # grade 5 is not taught there
    assert "no tiene el grado 5" in text_of(reasons)
    reasons = say(sender, "Ninth Street Elementary")
    asked_employer = say(sender, button(reasons, "empleo"))
    assert "empleador" in text_of(asked_employer)
    say(sender, "Kaiser Permanente")
    po_box = text_of(say(sender, "PO Box 3307"))
    assert "apartado postal" in po_box
    release = say(sender, "4867 Sunset Blvd, Los Angeles")
    summary = say(sender, button(release, "no"))
    assert "Sofía López" in text_of(summary) and "Ninth Street Elementary" in text_of(summary)
    submit = button(summary, "enviar")
    done = text_of(say(sender, submit))
    number = NUMBER.search(done).group(0)
    assert "número de confirmación" in done and "30 días" in done
    link = UPLOAD.search(done).group(0)
    again = text_of(say(sender, submit))  # a second tap never makes a second application
    assert NUMBER.search(again) is None or NUMBER.search(again).group(0) == number
    assert number in mailbox.wait_for(email, 3)[-1]["Subject"]
    listing = staff(servers, "list")
    assert listing.stdout.count(number) == 1, listing.stdout + listing.stderr

    page = requests.get(link, timeout=30)
    assert page.status_code == 200 and "carta del empleador" in page.text
    token = FORM_TOKEN.search(page.text).group(1)
    uploaded = requests.post(
        link,
        data={"form_token": token, "item": "employer_letter"},
        files={"document": ("carta.pdf", PDF, "application/pdf")},
        timeout=30,
    )
    assert uploaded.status_code == 200, uploaded.text[:500]

    changed = staff(
        servers, "set-status", number, "pending_documents", "--reason", "faltan papeles", "--by", "e2e"
    )
    assert changed.returncode == 0, changed.stdout + changed.stderr
    other = f"{sender}-status"
    say(other, f"como va mi solicitud {number}")
    status = text_of(say(other, "14/03/2016"))
    assert "esperando documentos" in status, status
    missing = status.split("falta")[-1]
    assert "talón de pago" in missing and "carta del empleador" not in missing  # the letter arrived

    say(f"{other}-x", f"status {number}")
    wrong = text_of(say(f"{other}-x", "01/01/2015"))
    assert "couldn't find" in wrong or "No encontré" in wrong
