"""The reviewer's application pages, through the real server: find, read, change the status."""

from __future__ import annotations

import itertools
import re

import pytest
from sqlalchemy import select

from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage
from bot.store.service_models import AuditEntry
from tests.unit.staff.conftest import Console
from tests.unit.status.helpers import make_account, make_application, number

_serial = itertools.count(1)


@pytest.fixture
def application(console: Console) -> str:
    """A Spanish-speaking family's sibling application, pending documents, with a fresh number."""
    serial = next(_serial)
    confirmation = number(f"K3M{serial:02d}QX2"[:8].upper().replace("0", "A").replace("1", "B"))
    account = make_account(console.database, f"familia{serial}@example.com")
    make_application(console.database, account, confirmation, status="pending_documents", language="es")
    with unit_of_work(console.database) as session:
        from bot.store.application_models import Application

        found = session.scalar(select(Application).where(Application.confirmation_number == confirmation))
        found.answers = {"sibling_name": "Marta Núñez", "sibling_school": "Example Elementary"}
    return confirmation


def text_of(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_a_reviewer_finds_an_application_by_its_number_typed_loosely_or_by_the_student_name(
    console, application
):
    loose = application.lower().replace("-", " ")
    found = console.get("/staff/applications", "reviewer", params={"q": loose})
    assert found.status_code == 200 and application in found.text and "1 application" in text_of(found.text)
    by_name = console.get("/staff/applications", "reviewer", params={"q": "luis núñez"})
    assert application in by_name.text
    assert application not in console.get("/staff/applications", "reviewer", params={"q": "nobody"}).text


def test_the_list_filters_by_status_language_and_waiting_on_documents(console, application):
    def listed(**params: str) -> bool:
        return application in console.get("/staff/applications", "reviewer", params=params).text

    assert listed(
        status="pending_documents", language="es", waiting="1", reason="sibling", direction="incoming"
    )
    assert not listed(status="approved")
    assert not listed(language="en")
    assert not listed(direction="outgoing")
    assert not listed(school="nowhere high")


def test_the_page_shows_answers_dates_documents_missing_and_only_the_moves_the_rules_allow(
    console, application
):
    page = console.get(f"/staff/applications/{application}", "reviewer")
    assert page.status_code == 200
    words = text_of(page.text)
    assert "Luis Núñez" in words and "sibling name Marta Núñez" in words
    assert (
        "Decision due (EC 46600.2)" in words and "Abandonment if documents stay missing 2027-03-31" in words
    )
    assert "Missing: release from residence, sibling enrollment" in words
    moves = re.findall(r'<option value="(\w+)">', page.text.split('id="to"')[1].split("</select>")[0])
    assert moves == ["pending_release", "under_review", "provisionally_enrolled", "abandoned", "withdrawn"]
    with unit_of_work(console.database) as session:
        actions = [
            row.action
            for row in session.scalars(
                select(AuditEntry).where(AuditEntry.subject == f"application:{application}")
            )
        ]
    assert "application_viewed" in actions


def test_a_status_change_is_recorded_audited_and_the_parent_is_told_in_spanish(console, application):
    csrf = console.csrf("reviewer")
    path = f"/staff/applications/{application}/status"
    response = console.post(
        path, "reviewer", data={"csrf": csrf, "to": "under_review", "reason": "documents checked"}
    )
    assert response.status_code == 303 and "done=status_changed" in response.headers["location"]
    page = text_of(console.get(f"/staff/applications/{application}", "reviewer").text)
    assert "Status: under review" in page
    assert "pending documents → under review by staff:reviewer@lausd.net: documents checked" in page
    with unit_of_work(console.database) as session:
        subjects = [m.subject for m in session.scalars(select(OutboxMessage))]
        audit = session.scalar(
            select(AuditEntry).where(
                AuditEntry.action == "status_change", AuditEntry.subject == f"application:{application}"
            )
        )
    assert f"La solicitud de permiso {application} está en revisión" in subjects
    assert audit.actor == "staff:reviewer@lausd.net"


def test_a_move_the_rules_refuse_changes_nothing_and_says_why(console, application):
    csrf = console.csrf("reviewer")
    path = f"/staff/applications/{application}/status"
    response = console.post(path, "reviewer", data={"csrf": csrf, "to": "approved", "reason": "looks fine"})
    assert response.status_code == 303 and "problem=not_allowed" in response.headers["location"]
    no_reason = console.post(path, "reviewer", data={"csrf": csrf, "to": "under_review", "reason": " "})
    assert "problem=reason_missing" in no_reason.headers["location"]
    page = console.get(response.headers["location"], "reviewer")
    assert (
        "The status rules do not allow that move" in page.text
        and "Status: <strong>pending documents" in page.text
    )


def test_an_unknown_number_is_a_plain_not_found(console):
    response = console.get("/staff/applications/LA-0000-0000-0", "reviewer")
    assert response.status_code == 404 and "Not found" in response.text
