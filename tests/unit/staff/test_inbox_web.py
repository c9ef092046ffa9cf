"""The agents' inbox on the real web server: list, take (first click wins), masked transcript with
each line's language, replies and canned replies in the parent's language, live events, hand-back.

No Rasa server runs here, so the agent's lines are recorded as not delivered yet (the parent
gets them with the answer to their next message); tests/channels/test_handoff.py covers delivery.
"""

from __future__ import annotations

import html
import json
import re
import threading
import time

import requests

from bot.helpdesk.handoff_queue import NewHandoff, add_line, open_handoff, open_queue, transcript
from tests.unit.staff.conftest import Console


def queue_spanish_parent(console: Console, key: str) -> int:
    new = NewHandoff(key, f"web-{key}", "socketio", "es", "check_status", "asked")
    lines = [("parent", "mi correo es ana@example.com, ¿cómo va mi solicitud?"), ("bot", "¿Me da el número?")]
    handoff_id, _ = open_handoff(new, lines, database_url=console.database)
    return handoff_id


def page_text(response: requests.Response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


def test_an_agent_takes_a_spanish_conversation_and_a_second_agent_cannot(console: Console) -> None:
    handoff_id = queue_spanish_parent(console, "inbox-take")
    inbox = console.get("/staff/inbox", "agent")
    assert inbox.status_code == 200 and inbox.headers["Cache-Control"] == "no-store"
    assert f'data-handoff="{handoff_id}"' in inbox.text and "Spanish" in page_text(inbox)

    taken = console.post(f"/staff/inbox/{handoff_id}/take", "agent", data={"csrf": console.csrf("agent")})
    assert taken.status_code == 303 and taken.headers["Location"] == f"/staff/inbox/{handoff_id}"
    late = console.post(
        f"/staff/inbox/{handoff_id}/take", "reviewer", data={"csrf": console.csrf("reviewer")}
    )
    assert late.status_code == 409 and "Someone else took this conversation first" in page_text(late)
    assert console.get(f"/staff/inbox/{handoff_id}", "reviewer").status_code == 403

    page = console.get(f"/staff/inbox/{handoff_id}", "agent")
    text = page_text(page)
    assert "ana@example.com" not in page.text and "¿cómo va mi solicitud?" in text
    assert "[Spanish]" in text and "Canned replies are sent in Spanish" in text
    # The parent was told, in Spanish, that a person joined.
    assert (
        "Una persona de la Oficina de Permisos"
        in transcript(handoff_id, database_url=console.database)[-1].text
    )


def test_replies_are_stored_masked_with_their_language_and_canned_ones_go_in_spanish(
    console: Console,
) -> None:
    handoff_id = queue_spanish_parent(console, "inbox-reply")
    csrf = console.csrf("agent")
    console.post(f"/staff/inbox/{handoff_id}/take", "agent", data={"csrf": csrf})
    sent = console.post(
        f"/staff/inbox/{handoff_id}/reply",
        "agent",
        data={"csrf": csrf, "text": "I will check it, call 213-555-0100"},
    )
    assert sent.status_code == 303
    canned = console.post(
        f"/staff/inbox/{handoff_id}/canned", "agent", data={"csrf": csrf, "name": "anything_else"}
    )
    assert canned.status_code == 303
    mine, greeting = transcript(handoff_id, database_url=console.database)[-2:]
    assert (mine.author, mine.language, mine.delivered) == ("agent", "en", False)
    assert "555-0100" not in mine.text
    assert (greeting.text, greeting.language) == ("¿Hay algo más en lo que le pueda ayudar?", "es")
    page = page_text(console.get(f"/staff/inbox/{handoff_id}", "agent"))
    assert "[English] I will check it" in page and "[Spanish] ¿Hay algo más" in page
    # Without the form token nothing is sent.
    assert console.post(f"/staff/inbox/{handoff_id}/reply", "agent", data={"text": "x"}).status_code == 403


def test_the_parents_words_reach_the_agent_live_and_the_hand_back_ends_the_stream(console: Console) -> None:
    handoff_id = queue_spanish_parent(console, "inbox-live")
    csrf = console.csrf("agent")
    console.post(f"/staff/inbox/{handoff_id}/take", "agent", data={"csrf": csrf})
    last = transcript(handoff_id, database_url=console.database)[-1].line_id
    events: list[dict[str, object]] = []
    closed = threading.Event()

    def listen() -> None:
        with console.get(f"/staff/inbox/{handoff_id}/events?after={last}", "agent", stream=True) as stream:
            assert stream.headers["Content-Type"].startswith("text/event-stream")
            kind = ""
            for raw in stream.iter_lines(decode_unicode=True):
                if raw.startswith("event: "):
                    kind = raw.removeprefix("event: ")
                elif raw.startswith("data: ") and kind == "line":
                    events.append(json.loads(raw.removeprefix("data: ")))
                elif raw.startswith("data: ") and kind == "closed":
                    closed.set()
                    return

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    time.sleep(1.5)
    add_line(handoff_id, "parent", "Gracias, espero su respuesta", None, database_url=console.database)
    deadline = time.monotonic() + 10
    while not events and time.monotonic() < deadline:
        time.sleep(0.2)
    assert events and events[0]["text"] == "Gracias, espero su respuesta"
    assert events[0]["language"] == "es" and events[0]["author_name"] == "Parent"

    back = console.post(
        f"/staff/inbox/{handoff_id}/hand-back",
        "agent",
        data={"csrf": csrf, "resolution": "back_to_assistant"},
    )
    assert back.status_code == 303
    assert closed.wait(10), "the stream says the conversation is no longer held"
    assert handoff_id not in [view.handoff_id for view in open_queue(console.database)]
    notice = transcript(handoff_id, database_url=console.database)[-1]
    assert notice.author == "bot" and "vuelvo a atenderle yo, el asistente" in notice.text


def test_only_staff_reach_the_inbox(console: Console) -> None:
    assert console.get("/staff/inbox").status_code == 303
    assert console.get("/staff/inbox/1/events").status_code == 303
    assert console.post("/staff/inbox/1/take").status_code == 401


def test_the_inbox_says_live_when_someone_joins_the_queue(console: Console) -> None:
    page = console.get("/staff/inbox", "agent").text
    shown = re.search(r'data-events="/staff/inbox/events\?shown=([^"]*)"', page)
    assert shown is not None
    notices: list[str] = []

    def listen() -> None:
        with console.get(
            f"/staff/inbox/events?shown={html.unescape(shown.group(1))}", "agent", stream=True
        ) as s:
            kind = ""
            for raw in s.iter_lines(decode_unicode=True):
                if raw.startswith("event: "):
                    kind = raw.removeprefix("event: ")
                elif raw.startswith("data: ") and kind == "queue":
                    notices.append(json.loads(raw.removeprefix("data: "))["notice"])
                    return

    threading.Thread(target=listen, daemon=True).start()
    time.sleep(2.5)
    assert notices == [], "nothing changed yet"
    queue_spanish_parent(console, "inbox-queue-live")
    deadline = time.monotonic() + 10
    while not notices and time.monotonic() < deadline:
        time.sleep(0.2)
    assert notices and notices[0].startswith("The queue has changed:") and "waiting" in notices[0]
