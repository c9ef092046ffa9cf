"""WCAG 2.1 AA on the pages that need no conversation, in Debian's Chromium with axe-core: the
permits page before the chat connects, and the activation, password-reset and upload pages blank and
after a mistake (the error summary takes the focus, is announced and names the page).

A web server of its own (no Rasa, no model): these run even while the model is being trained.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests
from playwright.sync_api import Browser, Page, expect

from bot.accounts.password_reset import request_password_reset
from bot.accounts.registration import RegistrationRequest, register
from bot.store.migrate import upgrade_to_head
from tests.channels.browser import (
    DESKTOP,
    DESKTOP_ZOOMED_200,
    PHONE,
    SCREENS,
    SMALLEST_PHONE,
    chromium,
    focused,
    in_viewport,
    scrolls_sideways,
    small_targets,
    wcag_violations,
)
from tests.channels.conftest import ROOT
from tests.unit.accounts.helpers import active_account, outbox, reset_token
from tests.unit.test_upload_service import PDF, make_application, token_of

WEB_PORT = int(os.environ.get("CHANNELS_A11Y_WEB_PORT", "8282"))
#: Nothing listens there: the chat shows "not available", as when Rasa is down.
CLOSED_RASA_PORT = int(os.environ.get("CHANNELS_A11Y_CLOSED_PORT", "8283"))
ACTIVATION_LINK = re.compile(r"https://permits\.example\.org/activate/(\S+)")


@dataclass
class Site:
    base: str
    database: str


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("a11y-pages")
    url = f"sqlite:///{folder / 'permits.db'}"
    upgrade_to_head(url)
    settings = {
        "DATABASE_URL": url,
        "UPLOADS_DIR": str(folder / "uploads"),
        "SECRET_KEY": "test-secret",
        "PUBLIC_BASE_URL": "https://permits.example.org",
        "RASA_PUBLIC_URL": f"http://localhost:{CLOSED_RASA_PORT}",
    }
    script = f"from bot.web.app import create_app; create_app().run(host='127.0.0.1', port={WEB_PORT}, access_log=False)"
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, **settings, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    with pytest.MonkeyPatch.context() as patch:
        for name, value in settings.items():
            patch.setenv(name, value)
        try:
            for _ in range(200):
                try:
                    if requests.get(f"http://127.0.0.1:{WEB_PORT}/health", timeout=1).ok:
                        break
                except requests.ConnectionError:
                    time.sleep(0.1)
            else:
                raise RuntimeError(
                    process.stderr.read().decode() if process.poll() is not None else "no answer"
                )
            yield Site(f"http://127.0.0.1:{WEB_PORT}", url)
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def new_page(browser: Browser, viewport: dict[str, int] = PHONE) -> Page:
    return browser.new_context(viewport=viewport).new_page()  # type: ignore[arg-type]


def activation_path(site: Site, email: str, language: str) -> str:
    request = RegistrationRequest(
        first_name="Rosa", middle_name=None, last_name="de la Cruz", email=email, language=language
    )
    register(request, database_url=site.database)
    bodies = [m.body for m in outbox(site.database) if email in m.recipient]
    match = ACTIVATION_LINK.search(bodies[-1])
    assert match, bodies
    return f"/activate/{match.group(1)}"


def submit_weak_password(page: Page) -> None:
    """Types a short password twice (differently) and submits with the keyboard."""
    page.locator("#password").fill("abc")
    page.locator("#confirmation").fill("abd")
    page.locator("#confirmation").press("Enter")


def assert_error_summary_has_focus(page: Page, summary: str, title_prefix: str = "Error:") -> None:
    expect(page.locator(summary)).to_be_focused()
    expect(page.locator(summary)).to_have_attribute("role", "alert")
    assert page.title().startswith(title_prefix), page.title()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_permits_page_before_the_first_message(browser: Browser, site: Site, lang: str, viewport) -> None:
    page = new_page(browser, viewport)
    page.goto(f"{site.base}/?lang={lang}")
    expect(page.locator(".permit-chat-message").first).to_be_visible()
    expect(page.locator(".permit-chat-status")).not_to_be_empty(timeout=20_000)  # "not available"
    assert wcag_violations(page) == []


@pytest.mark.parametrize("viewport", [SMALLEST_PHONE, DESKTOP_ZOOMED_200], ids=["320px", "200% zoom"])
def test_the_permits_page_reflows_without_sideways_scrolling(browser: Browser, site: Site, viewport) -> None:
    page = new_page(browser, viewport)
    page.goto(f"{site.base}/?lang=es")
    expect(page.get_by_label("Su mensaje")).to_be_visible()
    assert not scrolls_sideways(page)
    page.get_by_label("Su mensaje").focus()  # reachable: scrolled into view, not cut off
    box = page.get_by_label("Su mensaje").bounding_box()
    assert box and box["x"] + box["width"] <= viewport["width"]
    assert wcag_violations(page) == []


def test_a_skip_link_is_the_first_stop_and_leads_to_the_message_box(browser: Browser, site: Site) -> None:
    page = new_page(browser)
    page.goto(f"{site.base}/?lang=en")
    expect(page.get_by_label("Your message")).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the chat")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Your message")).to_be_focused()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_activation_page_blank_then_with_errors(browser: Browser, site: Site, lang: str) -> None:
    path = activation_path(site, f"rosa-{lang}@example.com", lang)
    page = new_page(browser)
    page.goto(site.base + path)
    expect(page.locator("#password")).to_be_visible()
    assert wcag_violations(page) == []

    submit_weak_password(page)
    assert_error_summary_has_focus(page, "#password-problems")
    expect(page.locator("#password")).to_have_attribute("aria-invalid", "true")
    assert wcag_violations(page) == []
    # Each problem leads to its field, by keyboard.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused(page)["id"] in {"password", "confirmation"}


def test_reset_page_blank_then_with_errors(browser: Browser, site: Site) -> None:
    active_account(site.database, email="marta@example.com", language="es")
    request_password_reset("marta@example.com", "chat", "es")
    message = [m for m in outbox(site.database) if "marta@example.com" in m.recipient][-1]
    page = new_page(browser)
    page.goto(f"{site.base}/reset/{reset_token(message)}")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert wcag_violations(page) == []

    submit_weak_password(page)
    assert_error_summary_has_focus(page, "#password-problems")
    assert wcag_violations(page) == []


def test_upload_page_blank_then_with_errors_then_accepted(browser: Browser, site: Site, tmp_path) -> None:
    token = token_of(make_application(site.database, language="es"))
    page = new_page(browser)
    page.goto(f"{site.base}/upload/{token}")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert wcag_violations(page) == []

    program = tmp_path / "carta.pdf"
    program.write_bytes(b"MZ\x90\x00 not a pdf at all")
    field = page.locator("form.document input[type=file]").first
    field.set_input_files(str(program))
    page.locator("form.document button[type=submit]").first.click()
    assert_error_summary_has_focus(page, "#upload-problem")
    assert wcag_violations(page) == []

    document = tmp_path / "carta-real.pdf"
    document.write_bytes(PDF)
    page.locator("form.document input[type=file]").first.set_input_files(str(document))
    page.locator("form.document button[type=submit]").first.click()
    expect(page.locator(".success")).to_be_focused()
    assert wcag_violations(page) == []


def test_an_unknown_upload_link_page(browser: Browser, site: Site) -> None:
    page = new_page(browser)
    page.goto(f"{site.base}/upload/not-a-token")
    assert wcag_violations(page) == []


GREETINGS = {
    "en": (
        "Hello! I'm the LAUSD permit assistant.",
        ["When can I apply?", "How do I apply?", "Permit reasons"],
    ),
    "es": (
        "¡Hola! Soy el asistente de permisos del LAUSD.",
        ["¿Cuándo puedo solicitar?", "¿Cómo solicito?", "Motivos del permiso"],
    ),
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_on_a_phone_the_first_screen_has_the_greeting_and_the_message_box(
    browser: Browser, site: Site, lang: str
) -> None:
    page = new_page(browser, PHONE)
    page.goto(f"{site.base}/?lang={lang}")
    greeting, suggestions = GREETINGS[lang]
    expect(page.locator(".permit-chat-text").first).to_contain_text(greeting)
    options = page.locator(".permit-chat-option")
    expect(options).to_have_text(suggestions)  # three questions, in the page's language only
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"phone-375x740-{lang}-first-screen.png"))
    assert in_viewport(page, "#permit-chat-input")
    assert in_viewport(page, ".permit-chat-send")
    assert in_viewport(page, ".permit-chat-text >> nth=0")
    assert small_targets(page, ".permit-chat button, .permit-chat input, header a") == []
    sizes = page.locator(".permit-chat-text, .permit-chat-option, #permit-chat-input").evaluate_all(
        "nodes => nodes.map(n => parseFloat(getComputedStyle(n).fontSize))"
    )
    assert min(sizes) >= 16


def test_staff_sign_in_blank_then_refused(browser: Browser, site: Site) -> None:
    page = new_page(browser)
    page.goto(f"{site.base}/staff/sign-in")
    assert wcag_violations(page) == []
    page.locator("#email").fill("agent@lausd.net")
    page.locator("#password").fill("not-the-password-1")
    page.locator("#code").fill("123456")
    page.locator("#code").press("Enter")
    assert_error_summary_has_focus(page, "#sign-in-problem")
    assert wcag_violations(page) == []
