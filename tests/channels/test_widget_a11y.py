"""The chat during a real conversation (Rasa's socket.io channel), as a keyboard and screen-reader
user meets it: axe-core finds no WCAG 2.1 A/AA violation after each turn and after a reload, focus
stays on the message box after a quick reply, each message is read once, and on a phone eight
reason buttons leave the message box on the first screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.channels.browser import PHONE, SCREENS, chromium, focused, in_viewport, wcag_violations
from tests.channels.conftest import ROOT, WEB_PORT

#: Every element a screen reader treats as a live region.
LIVE_REGIONS = "[aria-live], [role=log], [role=status], [role=alert]"


@pytest.fixture(scope="module")
def browser(servers) -> Iterator[Browser]:
    assert (ROOT / "bot/web/static/widget.js").exists(), "build the widget: make widget"
    with chromium() as launched:
        yield launched


def open_chat(browser: Browser, lang: str) -> Page:
    context = browser.new_context(viewport=PHONE, locale="es-MX" if lang == "es" else "en-US")  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(f"http://localhost:{WEB_PORT}/?lang={lang}")
    expect(page.locator(".permit-chat-status")).to_be_empty(timeout=30_000)  # connected
    return page


def answers(page: Page):
    return page.locator('.permit-chat-text[data-from="bot"]')


def tap_quick_reply(page: Page, name: str, answers_before: int) -> None:
    """Chooses a quick reply by keyboard (focus it, Enter) and waits for the answer."""
    button = page.get_by_role("group").get_by_role("button", name=name)
    button.focus()
    page.keyboard.press("Enter")
    expect(answers(page)).to_have_count(answers_before + 1, timeout=30_000)
    assert focused(page)["id"] == "permit-chat-input", focused(page)


def type_message(page: Page, text: str, answers_before: int) -> None:
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    expect(answers(page)).to_have_count(answers_before + 1, timeout=30_000)


def live_regions_saying(page: Page, text: str) -> int:
    """How many live regions contain `text`: a message must be announced through exactly one."""
    return int(
        page.locator(LIVE_REGIONS).evaluate_all(
            "(nodes, text) => nodes.filter(n => n.textContent.includes(text)).length", text
        )
    )


def test_a_five_turn_spanish_conversation_by_keyboard_on_a_phone(browser: Browser) -> None:
    page = open_chat(browser, "es")
    assert wcag_violations(page) == []
    page.get_by_label("Su mensaje").focus()

    tap_quick_reply(page, "¿Cuándo puedo solicitar?", 1)  # 1: a suggested question
    expect(answers(page).last).to_contain_text("1 de febrero")
    assert wcag_violations(page) == []

    type_message(page, "Hola", 2)  # 2: typed
    tap_quick_reply(page, "Motivos del permiso", 3)  # 3: eight reason buttons
    expect(page.locator(".permit-chat-option")).to_have_count(8)
    assert in_viewport(page, "#permit-chat-input")
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / "phone-375x740-es-eight-reasons.png"))
    assert wcag_violations(page) == []

    first_reason = page.locator(".permit-chat-option").first.inner_text()
    tap_quick_reply(page, first_reason, 4)  # 4: a reason's documents
    type_message(page, "¿Cuándo se cierran los permisos de salida?", 5)  # 5: typed
    assert wcag_violations(page) == []

    # Read once, by the log, with who said it; the log is a list of messages.
    last = answers(page).last.inner_text()
    assert live_regions_saying(page, last[:40]) == 1
    snapshot = page.locator(".permit-chat").aria_snapshot()
    assert '- log "Conversación con el asistente de permisos"' in snapshot
    assert '- listitem: "Usted: Hola"' in snapshot
    assert '- listitem: "Asistente: ¡Hola! Soy el asistente de permisos del LAUSD.' in snapshot
    assert '- textbox "Su mensaje"' in snapshot

    page.reload()
    expect(answers(page)).to_have_count(6)  # the greeting and five answers, kept
    assert wcag_violations(page) == []


def test_every_chat_control_is_reached_by_tab_and_shows_its_focus(browser: Browser) -> None:
    page = open_chat(browser, "en")
    page.get_by_label("Your message").fill("hello")
    page.get_by_label("Your message").press("Enter")
    expect(page.locator(".permit-chat-option").first).to_be_visible(timeout=30_000)
    page.reload()  # the conversation stays; keyboard focus starts at the top of the page
    expect(page.locator(".permit-chat-option").first).to_be_visible()

    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["outline"] != "none" and float(now["outlineWidth"].rstrip("px")) >= 2, now
        reached.append(now["id"] or now["text"])
        if now["id"] == "permit-chat-input":
            break
    page.keyboard.type("x")  # the Send button is enabled only with text
    page.keyboard.press("Tab")
    now = focused(page)
    assert now["text"] == "Send" and now["outline"] != "none", now
    assert reached[0] == "Skip to the chat"
    buttons = page.locator(".permit-chat-option").all_inner_texts()
    for name in ["Español", *buttons, "Start over", "permit-chat-input"]:
        assert name in reached, (name, reached)
