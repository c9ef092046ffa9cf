"""A person takes over (issue 18), with the real servers: a Spanish parent in the widget (Chromium)
and a parent on SMS (the local Twilio stand-in) each ask for a person; an agent signs in with
TOTP, takes the conversation, replies; the parent receives it live and answers; the bot stays
silent and the agent sees the answer live; the agent hands back and the bot answers again. Then
the Rasa server restarts while a conversation is held: still held, still silent, still reachable.

The office is open (OFFICE_HOURS_FILE: every day, all day) unless a test says otherwise: after
hours (the shipped hours at the servers' fixed clock, OFFICE_HOURS_NOW: a Saturday), a web parent
chooses email or a text message, in words or with a button, and the agent's later answer
arrives that way.
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, Page, expect

from bot.helpdesk.handoff_queue import open_queue, transcript
from tests.channels.browser import chromium
from tests.channels.conftest import (
    ROOT,
    SMS_FROM,
    WEB_PORT,
    WHATSAPP_FROM,
    TwilioApi,
    incoming,
    signed_post,
)
from tests.unit.staff.conftest import SESSION_COOKIE, Console
from tests.unit.staff.helpers import make_staff

WEB = f"http://127.0.0.1:{WEB_PORT}"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
HANDOFF_ROW = re.compile(r'data-handoff="(\d+)"')


@pytest.fixture(scope="module")
def staff(servers: dict[str, str], monkeypatch_module: pytest.MonkeyPatch) -> Console:
    """Two signed-in agents on the running web server (same database and secret as the servers)."""
    database = f"sqlite:///{servers['VAR_DIR']}/permits.db"
    monkeypatch_module.setenv("DATABASE_URL", database)
    monkeypatch_module.setenv("SECRET_KEY_FILE", f"{servers['VAR_DIR']}/secret.key")
    console = Console(WEB, database, Path(servers["VAR_DIR"]))
    for name in ("maria", "joe"):
        secret = make_staff(database, f"{name}@lausd.net", "agent")
        signed_in = console.sign_in(f"{name}@lausd.net", secret)
        assert signed_in.status_code == 303, signed_in.text
        console.cookies[name] = SESSION_COOKIE.search(signed_in.headers["set-cookie"]).group(1)
    return console


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def browser(servers: dict[str, str]) -> Iterator[Browser]:
    assert (ROOT / "bot/web/static/widget.js").exists(), "build the widget: make widget"
    with chromium() as launched:
        yield launched


def waiting_handoff(console: Console, language: str, channel: str, timeout: float = 20) -> int:
    """The id of the newest waiting hand-off in this language and channel (seen by the inbox too)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [v for v in open_queue(console.database) if (v.language, v.channel) == (language, channel)]
        waiting = [v.handoff_id for v in found if v.status == "waiting"]
        if waiting:
            assert str(waiting[-1]) in HANDOFF_ROW.findall(console.get("/staff/inbox", "maria").text)
            return waiting[-1]
        time.sleep(0.3)
    raise AssertionError("no conversation reached the queue")


def take_with_a_race(console: Console, handoff_id: int) -> str:
    """Maria and Joe click "Take" at the same moment: exactly one wins; returns the winner."""
    results: dict[str, int] = {}
    tokens = {name: console.csrf(name) for name in ("maria", "joe")}
    start = threading.Barrier(2)

    def click(name: str) -> None:
        start.wait()
        answer = console.post(f"/staff/inbox/{handoff_id}/take", name, data={"csrf": tokens[name]})
        results[name] = answer.status_code

    threads = [threading.Thread(target=click, args=(name,)) for name in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results.values()) == [303, 409], results
    return next(name for name, status in results.items() if status == 303)


def post(console: Console, agent: str, path: str, **fields: str) -> requests.Response:
    return console.post(path, agent, data={"csrf": console.csrf(agent), **fields})


class LiveTranscript:
    """The agent's event stream of one conversation, read in a thread."""

    def __init__(self, console: Console, agent: str, handoff_id: int) -> None:
        last = transcript(handoff_id, database_url=console.database)[-1].line_id
        self.lines: list[dict[str, object]] = []
        self._response = console.get(f"/staff/inbox/{handoff_id}/events?after={last}", agent, stream=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        kind = ""
        for raw in self._response.iter_lines(decode_unicode=True):
            if raw.startswith("event: "):
                kind = raw.removeprefix("event: ")
            elif raw.startswith("data: ") and kind == "line":
                self.lines.append(json.loads(raw.removeprefix("data: ")))

    def wait_for(self, author: str, timeout: float = 15) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines:
                if line["author"] == author:
                    return line
            time.sleep(0.2)
        raise AssertionError(f"no {author} line arrived live; got {self.lines}")


def bot_texts(page: Page):
    return page.locator('.permit-chat-text[data-from="bot"]')


def say_in_widget(page: Page, text: str) -> None:
    box = page.get_by_label("Su mensaje")
    box.fill(text)
    expect(page.get_by_role("button", name="Enviar")).to_be_enabled(timeout=30_000)
    box.press("Enter")


def test_a_spanish_parent_in_the_widget_is_helped_by_a_person_then_by_the_bot_again(
    browser: Browser, staff: Console
) -> None:
    page = browser.new_context(locale="es-MX").new_page()
    page.goto(f"{WEB}/?lang=es")
    say_in_widget(page, "hola, tengo una pregunta sobre el permiso de mi hija")
    expect(bot_texts(page)).to_have_count(2, timeout=60_000)
    say_in_widget(page, "quiero hablar con una persona")
    expect(bot_texts(page).last).to_contain_text("Sus mensajes aparecerán aquí mismo", timeout=30_000)

    handoff_id = waiting_handoff(staff, "es", "socketio")
    agent = take_with_a_race(staff, handoff_id)
    expect(bot_texts(page).last).to_contain_text("se ha unido a la conversación", timeout=15_000)

    assert post(staff, agent, f"/staff/inbox/{handoff_id}/reply", text="Hola, soy María. ¿Es para este año?")
    expect(bot_texts(page).last).to_have_text("Hola, soy María. ¿Es para este año?", timeout=15_000)

    live = LiveTranscript(staff, agent, handoff_id)
    before = bot_texts(page).count()
    say_in_widget(page, "Sí, para agosto. ¿Cuándo puedo solicitar?")
    heard = live.wait_for("parent")
    assert heard["text"] == "Sí, para agosto. ¿Cuándo puedo solicitar?" and heard["language"] == "es"
    page.wait_for_timeout(3000)
    assert bot_texts(page).count() == before, "the bot stays silent while a person holds the conversation"

    post(staff, agent, f"/staff/inbox/{handoff_id}/canned", name="anything_else")
    expect(bot_texts(page).last).to_have_text("¿Hay algo más en lo que le pueda ayudar?", timeout=15_000)
    post(staff, agent, f"/staff/inbox/{handoff_id}/hand-back", resolution="back_to_assistant")
    expect(bot_texts(page).last).to_contain_text("vuelvo a atenderle yo, el asistente", timeout=15_000)

    say_in_widget(page, "¿Cuándo puedo solicitar un permiso?")
    expect(bot_texts(page).last).to_contain_text("1 de febrero", timeout=30_000)
    assert handoff_id not in [view.handoff_id for view in open_queue(staff.database)]


def test_a_parent_on_sms_is_helped_by_a_person_then_by_the_bot_again(
    servers: dict[str, str], twilio_api: TwilioApi, staff: Console
) -> None:
    phone = "+13235550181"
    assert signed_post(incoming(phone, "quiero hablar con una persona")).status_code == 204
    told = "".join(m["Body"] for m in twilio_api.wait_for(phone))
    assert "por mensaje de texto a este número" in told
    handoff_id = waiting_handoff(staff, "es", "sms")
    assert phone not in json.dumps(
        [line.text for line in transcript(handoff_id, database_url=staff.database)]
    )

    # While waiting, the assistant still answers, and the agent will read both sides.
    seen = len(twilio_api.to(phone))
    assert signed_post(incoming(phone, "¿Cuándo puedo solicitar un permiso?")).status_code == 204
    assert "1 de febrero" in "".join(m["Body"] for m in twilio_api.wait_for(phone, count=seen + 1)[seen:])
    parent, bot = transcript(handoff_id, database_url=staff.database)[-2:]
    assert (parent.author, parent.text) == ("parent", "¿Cuándo puedo solicitar un permiso?")
    assert bot.author == "bot" and "[date]" in bot.text  # the transcript is masked, the bot's lines too

    seen = len(twilio_api.to(phone))
    post(staff, "maria", f"/staff/inbox/{handoff_id}/take")
    joined = twilio_api.wait_for(phone, count=seen + 1)[seen:]
    assert "se ha unido" in "".join(m["Body"] for m in joined)
    seen = len(twilio_api.to(phone))
    post(staff, "maria", f"/staff/inbox/{handoff_id}/reply", text="Buenas tardes, soy María de la Oficina.")
    assert (
        twilio_api.wait_for(phone, count=seen + 1)[seen]["Body"] == "Buenas tardes, soy María de la Oficina."
    )
    assert all(m["From"] == SMS_FROM for m in twilio_api.to(phone))

    seen = len(twilio_api.to(phone))
    live = LiveTranscript(staff, "maria", handoff_id)
    assert signed_post(incoming(phone, "gracias, necesito el formulario")).status_code == 204
    assert live.wait_for("parent")["text"] == "gracias, necesito el formulario"
    time.sleep(3)
    assert len(twilio_api.to(phone)) == seen, "the bot does not answer a held conversation"

    post(staff, "maria", f"/staff/inbox/{handoff_id}/hand-back", resolution="resolved")
    closed = twilio_api.wait_for(phone, count=seen + 1)[seen:]
    assert "ha cerrado esta conversación" in "".join(m["Body"] for m in closed)
    seen = len(twilio_api.to(phone))
    assert signed_post(incoming(phone, "¿Cuándo puedo solicitar un permiso?")).status_code == 204
    assert "1 de febrero" in "".join(m["Body"] for m in twilio_api.wait_for(phone, count=seen + 1)[seen:])


def test_on_whatsapp_the_agents_words_go_back_on_whatsapp(
    servers: dict[str, str], twilio_api: TwilioApi, staff: Console
) -> None:
    phone = "+13235550183"
    assert signed_post(incoming(phone, "I want to talk to a person", channel="whatsapp")).status_code == 204
    address = f"whatsapp:{phone}"
    assert "by text message to this number" in "".join(m["Body"] for m in twilio_api.wait_for(address))
    handoff_id = waiting_handoff(staff, "en", "whatsapp")
    post(staff, "maria", f"/staff/inbox/{handoff_id}/take")
    seen = len(twilio_api.wait_for(address, count=2))
    post(staff, "maria", f"/staff/inbox/{handoff_id}/reply", text="Hi, this is Maria from the Office.")
    reply = twilio_api.wait_for(address, count=seen + 1)[seen]
    assert (reply["Body"], reply["From"]) == (
        "Hi, this is Maria from the Office.",
        f"whatsapp:{WHATSAPP_FROM}",
    )
    post(staff, "maria", f"/staff/inbox/{handoff_id}/hand-back", resolution="resolved")


@contextmanager
def office_closed(servers: dict[str, str]) -> Iterator[None]:
    """The shipped office hours for a while: at the servers' fixed clock (Saturday morning) the
    office is closed and opens on Monday, December 14 at 8:00 a.m."""
    hours_file = Path(servers["OFFICE_HOURS_FILE"])
    always_open = hours_file.read_text()
    hours_file.write_text((ROOT / "bot/policy/office_hours.yml").read_text())
    try:
        yield
    finally:
        hours_file.write_text(always_open)


def say_in_english(page: Page, text: str) -> None:
    box = page.get_by_label("Your message")
    box.fill(text)
    expect(page.get_by_role("button", name="Send")).to_be_enabled(timeout=30_000)
    box.press("Enter")


def stored_anywhere(servers: dict[str, str], secret: bytes) -> list[str]:
    """The server files (databases, logs) in which `secret` is readable."""
    var_dir = Path(servers["VAR_DIR"])
    files = [*var_dir.glob("*.db*"), *var_dir.glob("log/*")]
    return [file.name for file in files if file.is_file() and secret in file.read_bytes()]


def emails_to(servers: dict[str, str], address: str, timeout: float = 30) -> list[EmailMessage]:
    """The emails the delivery worker wrote for `address` (no SMTP server: .eml files)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = []
        for file in sorted(Path(servers["OUTBOX_DIR"]).glob("*.eml")):
            mail = message_from_bytes(file.read_bytes(), policy=default_policy)
            if mail["To"] == address:
                found.append(mail)
        if found:
            return found  # type: ignore[return-value]
        time.sleep(0.3)
    raise AssertionError(f"no email to {address}")


def test_after_hours_a_spanish_parent_chooses_email_in_words_and_the_agents_answer_arrives_by_email(
    browser: Browser, staff: Console, servers: dict[str, str]
) -> None:
    address = "ana.ruiz@example.com"
    with office_closed(servers):
        page = browser.new_context(locale="es-MX").new_page()
        page.goto(f"{WEB}/?lang=es")
        say_in_widget(page, "quiero hablar con una persona")
        told = bot_texts(page).last
        expect(told).to_contain_text(
            "Una persona le responderá el lunes 14 de diciembre a las 8:00 a. m.", timeout=60_000
        )
        expect(told).to_contain_text("por correo electrónico, por mensaje de texto o aquí en el chat")
        for title in ("Por correo electrónico", "Por mensaje de texto", "Aquí en el chat"):
            expect(page.get_by_role("button", name=title)).to_be_visible()
        say_in_widget(page, "por correo")
        expect(bot_texts(page).last).to_have_text(
            "¿A qué dirección de correo electrónico le enviamos la respuesta?", timeout=15_000
        )
        say_in_widget(page, "ana.ruiz@gmail")
        expect(bot_texts(page).last).to_contain_text("no parece una dirección de correo", timeout=15_000)
        say_in_widget(page, address)
        expect(bot_texts(page).last).to_contain_text(f"por correo electrónico a {address}", timeout=15_000)
        handoff_id = waiting_handoff(staff, "es", "socketio")

        # While waiting, the assistant answers in the widget and the agent will read both sides.
        say_in_widget(page, "¿Cuándo puedo solicitar un permiso?")
        expect(bot_texts(page).last).to_contain_text("1 de febrero", timeout=30_000)
        lines = transcript(handoff_id, database_url=staff.database)
        asked = [i for i, line in enumerate(lines) if line.text == "¿Cuándo puedo solicitar un permiso?"]
        assert asked and lines[asked[-1]].author == "parent", [(line.author, line.text) for line in lines]
        assert any(
            line.author == "bot" for line in lines[asked[-1] + 1 :]
        ), "the widget's answer is in the transcript"
        said = [(line.author, line.text) for line in lines]
        assert ("parent", "por correo") in said and ("parent", "[email]") in said
        # The address is sealed: readable in no database, tracker store or log of the servers.
        assert stored_anywhere(servers, address.encode()) == []
        page.context.close()  # the parent leaves; the answer comes on Monday

    agent = take_with_a_race(staff, handoff_id)
    assert "by email if the parent has left it" in staff.get(f"/staff/inbox/{handoff_id}", agent).text
    post(staff, agent, f"/staff/inbox/{handoff_id}/reply", text="Buenos días, su permiso está aprobado.")
    [mail] = emails_to(servers, address)
    assert mail["Subject"] == "La Oficina de Permisos respondió a su pregunta"
    assert "Buenos días, su permiso está aprobado." in mail.get_body(preferencelist=("plain",)).get_content()
    assert transcript(handoff_id, database_url=staff.database)[-1].delivered is True
    post(staff, agent, f"/staff/inbox/{handoff_id}/hand-back", resolution="resolved")


def test_after_hours_an_english_parent_taps_text_message_and_the_agents_answer_arrives_by_sms(
    browser: Browser, staff: Console, servers: dict[str, str], twilio_api: TwilioApi
) -> None:
    with office_closed(servers):
        page = browser.new_context(locale="en-US").new_page()
        page.goto(f"{WEB}/?lang=en")
        say_in_english(page, "I want to talk to a person")
        expect(bot_texts(page).last).to_contain_text(
            "A person will answer on Monday, December 14 at 8:00 a.m.", timeout=60_000
        )
        page.get_by_role("button", name="By text message").click()
        expect(bot_texts(page).last).to_contain_text("What mobile number", timeout=15_000)
        say_in_english(page, "it's 213 555 0187")
        expect(bot_texts(page).last).to_contain_text("by text message to (213) 555-0187", timeout=15_000)
        handoff_id = waiting_handoff(staff, "en", "socketio")
        said = [(line.author, line.text) for line in transcript(handoff_id, database_url=staff.database)]
        assert ("parent", "By text message") in said  # the button's title, not its payload
        assert stored_anywhere(servers, b"2135550187") == stored_anywhere(servers, b"555-0187") == []
        page.context.close()

    phone = "+12135550187"
    seen = len(twilio_api.to(phone))
    post(staff, "maria", f"/staff/inbox/{handoff_id}/take")
    time.sleep(2)
    assert len(twilio_api.to(phone)) == seen, "only the agent's words go by text, not the notices"
    post(
        staff,
        "maria",
        f"/staff/inbox/{handoff_id}/reply",
        text="Hi, this is Maria. Your permit was approved.",
    )
    text = twilio_api.wait_for(phone, count=seen + 1)[seen]
    assert (text["Body"], text["From"]) == (
        "LAUSD Office of Permits: Hi, this is Maria. Your permit was approved.",
        SMS_FROM,
    )
    post(staff, "maria", f"/staff/inbox/{handoff_id}/hand-back", resolution="resolved")


def test_after_a_rasa_restart_a_held_conversation_stays_held_and_reachable(
    servers: dict[str, str], twilio_api: TwilioApi, staff: Console
) -> None:
    phone = "+13235550182"
    signed_post(incoming(phone, "I want to talk to a person"))
    twilio_api.wait_for(phone)
    handoff_id = waiting_handoff(staff, "en", "sms")
    seen = len(twilio_api.to(phone))
    post(staff, "maria", f"/staff/inbox/{handoff_id}/take")
    seen = len(twilio_api.wait_for(phone, count=seen + 1))

    subprocess.run([str(ROOT / "scripts/run-servers"), "--stop"], env=servers, check=True, timeout=120)
    subprocess.run([str(ROOT / "scripts/run-servers")], env=servers, check=True, timeout=400)
    # Staff sessions live in the database: the agent is still signed in after the restart.
    assert staff.get("/staff/inbox", "maria").status_code == 200

    assert signed_post(incoming(phone, "are you still there?")).status_code == 204
    time.sleep(3)
    assert len(twilio_api.to(phone)) == seen, "still held after the restart: the bot says nothing"
    assert transcript(handoff_id, database_url=staff.database)[-1].text == "are you still there?"
    post(staff, "maria", f"/staff/inbox/{handoff_id}/reply", text="Yes, I am here.")
    assert twilio_api.wait_for(phone, count=seen + 1)[seen]["Body"] == "Yes, I am here."
