"""The district page's chat widget in real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, WebSocketRoute, expect

from tests.channels.browser import chromium
from tests.channels.conftest import RESULTS, ROOT, WEB_PORT


@pytest.fixture(scope="module")
def browser(servers) -> Iterator[Browser]:
    assert (ROOT / "bot/web/static/widget.js").exists(), "build the widget: make widget"
    with chromium() as launched:
        yield launched


def open_page(
    browser: Browser, lang: str, problems: list[str], viewport: dict[str, int] | None = None
) -> Page:
    context = browser.new_context(locale="es-MX" if lang == "es" else "en-US", viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if _is_problem(m) else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"http://localhost:{WEB_PORT}/?lang={lang}")
    return page


def _is_problem(message: ConsoleMessage) -> bool:
    return message.type == "error"


def bot_texts(page: Page):
    return page.locator('.permit-chat-text[data-from="bot"]')


def test_spanish_page_chat_quick_reply_and_history_after_reload(browser: Browser) -> None:
    problems: list[str] = []
    page = open_page(browser, "es", problems)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    message = page.get_by_label("Su mensaje")  # a labelled input, not a bare contenteditable
    message.fill("Hola")
    expect(page.get_by_role("button", name="Enviar")).to_be_enabled(timeout=20_000)  # connected
    expect(bot_texts(page)).to_have_count(1)  # the page's own greeting, before any answer
    message.press("Enter")
    expect(bot_texts(page).nth(1)).to_contain_text("Soy el asistente de permisos", timeout=30_000)
    log = page.get_by_role("log", name="Conversación con el asistente de permisos")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(log).to_contain_text("Asistente: ¡Hola!")

    options = page.get_by_role("group", name="Respuestas sugeridas")
    options.get_by_role("button", name="¿Cuándo puedo solicitar?").click()
    expect(bot_texts(page).last).to_contain_text("1 de febrero", timeout=30_000)
    expect(page.locator('.permit-chat-text[data-from="user"]').last).to_have_text("¿Cuándo puedo solicitar?")

    page.reload()
    expect(page.locator('.permit-chat-text[data-from="user"]').first).to_have_text("Hola")
    expect(bot_texts(page).last).to_contain_text("1 de febrero")
    # The same Rasa conversation goes on after the reload (session_persistence, python-socketio 5.9.0).
    page.get_by_label("Su mensaje").fill("¿Cuándo se cierran los permisos de salida?")
    expect(page.get_by_role("button", name="Enviar")).to_be_enabled(timeout=20_000)
    page.get_by_label("Su mensaje").press("Enter")
    expect(bot_texts(page)).to_have_count(4, timeout=30_000)  # the greeting and three answers
    RESULTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(RESULTS / "widget-es.png"), full_page=True)
    assert problems == []


def test_english_page_by_keyboard(browser: Browser) -> None:
    problems: list[str] = []
    page = open_page(browser, "en", problems)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Ver esta página en español")).to_have_attribute("href", "/?lang=es")
    page.get_by_label("Your message").focus()
    page.keyboard.type("When can I apply for a permit?")
    expect(page.get_by_role("button", name="Send")).to_be_enabled(timeout=20_000)
    page.keyboard.press("Enter")
    expect(bot_texts(page).last).to_contain_text("February 1", timeout=30_000)
    page.get_by_role("button", name="Start over").click()
    expect(bot_texts(page)).to_have_count(1)  # the greeting only
    expect(page.get_by_label("Your message")).to_be_focused()
    assert problems == []


class HeldSessionConfirmations:
    """Between the widget and the Rasa server: the server's session confirmations wait here
    until released, as on a slow phone network or a busy server."""

    def __init__(self, page: Page) -> None:
        self.held: list[tuple[WebSocketRoute, str | bytes]] = []
        page.route_web_socket("**/socket.io/**", self._route)

    def _route(self, widget: WebSocketRoute) -> None:
        server = widget.connect_to_server()
        server.on_message(lambda frame: self._from_server(widget, frame))

    def _from_server(self, widget: WebSocketRoute, frame: str | bytes) -> None:
        if isinstance(frame, str) and '"session_confirm"' in frame:
            self.held.append((widget, frame))
        else:
            widget.send(frame)

    def release(self) -> None:
        held, self.held = self.held, []
        for widget, frame in held:
            widget.send(frame)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_message_typed_before_the_server_confirmed_the_conversation_is_answered(
    browser: Browser, lang: str
) -> None:
    """Rasa ignores a message without its conversation's id, silently. The widget must not send
    one: it waits for the confirmation (after opening the page and after "Start over")."""
    english = lang == "en"
    problems: list[str] = []
    context = browser.new_context(locale="en-US" if english else "es-MX")
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(str(error)))
    confirmations = HeldSessionConfirmations(page)
    page.goto(f"http://localhost:{WEB_PORT}/?lang={lang}")
    box = page.get_by_label("Your message" if english else "Su mensaje")
    send = page.get_by_role("button", name="Send" if english else "Enviar")
    status = page.locator(".permit-chat-status")
    connecting = "Connecting" if english else "Conectando"

    question, answer = (
        ("When can I apply for a permit?", "February 1")
        if english
        else ("cuando puedo solicitar un permiso", "1 de febrero")
    )
    for _when in ("the page opens", "after Start over"):
        box.fill(question)
        page.wait_for_timeout(1_500)  # the socket is open by now; its conversation is not confirmed
        expect(status).to_contain_text(connecting)
        expect(send).to_be_disabled()
        box.press("Enter")  # nothing is sent, and the words stay in the box
        expect(box).to_have_value(question)
        assert confirmations.held, "the server confirmed a conversation"
        confirmations.release()
        expect(send).to_be_enabled(timeout=20_000)
        box.press("Enter")
        expect(bot_texts(page).last).to_contain_text(answer, timeout=30_000)
        expect(box).to_have_value("")
        page.get_by_role("button", name="Start over" if english else "Empezar de nuevo").click()
        expect(bot_texts(page)).to_have_count(1)  # the greeting only
    assert problems == []
    context.close()
