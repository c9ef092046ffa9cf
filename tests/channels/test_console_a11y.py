"""The staff console in Debian's Chromium: axe-core finds no WCAG 2.1 A/AA violation on any console
page, and the reviewer loop works by keyboard (find by number, open, send a document back with a
reason, accept the next one, approve). A web server of its own (tests/unit/staff/conftest.py): no
Rasa and no model needed."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from sqlalchemy import select

from bot.helpdesk.missed_questions import record_missed_question
from bot.staff.accounts import add_staff_user
from bot.store.application_models import ApplicationDocument
from bot.store.database import unit_of_work
from bot.store.models import OutboxMessage
from bot.uploads.service import record_upload
from tests.channels.browser import DESKTOP, chromium, wcag_violations
from tests.unit.staff.conftest import Console, console  # noqa: F401  (the console's server)
from tests.unit.status.helpers import make_account, make_application, number
from tests.unit.test_upload_service import PDF, token_of

_serial = itertools.count(1)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def signed_in(browser: Browser, console: Console, role: str) -> Page:  # noqa: F811
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    context.add_cookies([{"name": "permits_staff", "value": console.cookies[role], "url": console.base}])
    return context.new_page()


def spanish_application_with_documents(console: Console) -> tuple[str, int]:  # noqa: F811
    serial = next(_serial)
    confirmation = number(f"AXE{serial:02d}PGS".replace("0", "A").replace("1", "B"))
    account = make_account(console.database, f"a11y{serial}@example.com")
    application_id = make_application(
        console.database, account, confirmation, language="es", reason="sibling"
    )
    for item in ("sibling_enrollment", "release_from_residence"):
        assert record_upload(token_of(application_id), item, PDF).code == "accepted"
    return confirmation, application_id


def test_no_console_page_has_a_wcag_violation(browser: Browser, console: Console) -> None:  # noqa: F811
    confirmation, _ = spanish_application_with_documents(console)
    record_missed_question("a11y", "is there a bus", "en", "rest", "ask_transportation", 0.3)
    link = add_staff_user("new.a11y@lausd.net", "agent", database_url=console.database)
    pages = {
        "agent": ["/staff/", "/staff/applications"],  # the second one is the 403 page
        "reviewer": [
            "/staff/applications",
            f"/staff/applications?q={confirmation}",
            f"/staff/applications/{confirmation}",
            "/staff/missed-questions",
            "/staff/dashboard",
        ],
        "admin": ["/staff/accounts"],
    }
    found: dict[str, list[str]] = {}
    for role, paths in pages.items():
        page = signed_in(browser, console, role)
        for path in paths:
            page.goto(console.base + path)
            found[f"{role} {path}"] = wcag_violations(page)
    page = signed_in(browser, console, "agent")
    page.goto(link.replace("https://permits.example.org", console.base))
    found["setup page"] = wcag_violations(page)
    assert {where: problems for where, problems in found.items() if problems} == {}


def test_the_reviewer_loop_by_keyboard(browser: Browser, console: Console) -> None:  # noqa: F811
    confirmation, application_id = spanish_application_with_documents(console)
    page = signed_in(browser, console, "reviewer")
    page.goto(console.base + "/staff/applications")
    page.locator("#q").fill(confirmation.lower().replace("-", " "))
    page.locator("#q").press("Enter")
    page.get_by_role("link", name=confirmation).click()
    assert page.locator("h1").inner_text() == f"Application {confirmation}"
    with unit_of_work(console.database) as session:
        first, second = session.scalars(
            select(ApplicationDocument.id)
            .where(ApplicationDocument.application_id == application_id)
            .order_by(ApplicationDocument.id)
        ).all()
    page.locator(f"#reason-{first}").select_option("too_old")
    page.locator(f"#reason-{first}").press("Tab")
    page.keyboard.press("Enter")  # the "Send back" button after the reason
    page.wait_for_url("**done=document_rejected*")
    assert "The document was sent back" in page.locator("[role=status]").inner_text()
    assert wcag_violations(page) == []
    with unit_of_work(console.database) as session:
        subjects = session.scalars(
            select(OutboxMessage.subject).where(OutboxMessage.subject.contains(confirmation))
        ).all()
    assert any("envíe otra vez" in subject for subject in subjects)
    assert record_upload(token_of(application_id), "sibling_enrollment", PDF).code == "accepted"
    page.reload()
    page.get_by_role("button", name="Accept").first.focus()  # the newest upload is listed last; any accept
    page.keyboard.press("Enter")
    page.wait_for_url("**done=document_accepted*")
    page.locator("#to").select_option("under_review")
    page.locator("#status-reason").fill("documents checked")
    page.get_by_role("button", name="Change the status").press("Enter")
    page.wait_for_url("**done=status_changed*")
    assert "Status: under review" in page.locator("main").inner_text()
