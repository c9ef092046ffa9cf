"""What an agent sends: canned replies in the parent's language, each Rasa server asked in turn
(only the last may send the line by email or text after hours), and nothing at all from an agent
who does not hold the conversation.

No Rasa server runs here (RASA_RELAY_URLS points at a closed port): lines are recorded as not
delivered, which is what the parent's next message then picks up."""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.helpdesk import handoff_replies
from bot.helpdesk.handoff_queue import NewHandoff, open_handoff, transcript


@pytest.fixture
def no_rasa(database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("RASA_RELAY_URLS", "http://127.0.0.1:9")
    return database


class RelayStandIn:
    """Two relay endpoints that receive nothing live (no widget connected): they keep the bodies."""

    def __init__(self) -> None:
        self.bodies: list[tuple[int, dict[str, object]]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stand_in.bodies.append((self.server.server_address[1], body))
                answer = b'{"delivered": false}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self.servers = [ThreadingHTTPServer(("127.0.0.1", 0), Handler) for _ in range(2)]
        for server in self.servers:
            threading.Thread(target=server.serve_forever, daemon=True).start()

    def urls(self) -> str:
        return " ".join(f"http://127.0.0.1:{server.server_address[1]}" for server in self.servers)

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()


def test_only_the_last_rasa_server_asked_may_send_an_agents_line_by_email_or_text(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With several Rasa servers, the widget may be connected to any: each is asked to deliver
    live, and only the last one asked may fall back on the parent's after-hours choice."""
    relays = RelayStandIn()
    monkeypatch.setenv("RASA_RELAY_URLS", relays.urls())
    try:
        new = NewHandoff("conv-relays", "web-1", "socketio", "es", "", "asked", None, None, "email")
        handoff_id, _ = open_handoff(new, [])
        asyncio.run(handoff_replies.take_conversation(handoff_id, "staff:maria@lausd.net"))
        relays.bodies.clear()
        sent = asyncio.run(handoff_replies.agent_reply(handoff_id, "staff:maria@lausd.net", "Está aprobado."))
    finally:
        relays.close()
    assert sent.delivered is False
    first, second = (port for port, _ in relays.bodies)
    assert [body for _, body in relays.bodies] == [
        {"handoff_id": handoff_id, "author": "agent", "text": "Está aprobado.", "last": False},
        {"handoff_id": handoff_id, "author": "agent", "text": "Está aprobado.", "last": True},
    ]
    assert first != second


def test_canned_replies_go_in_the_parents_language_and_only_the_holder_sends(no_rasa: str) -> None:
    handoff_id, _ = open_handoff(NewHandoff("conv-canned", "sms-abc", "sms", "es", "", "asked"), [])
    with pytest.raises(handoff_replies.NotHolder):
        asyncio.run(handoff_replies.canned_reply(handoff_id, "staff:maria@lausd.net", "greeting"))
    asyncio.run(handoff_replies.take_conversation(handoff_id, "staff:maria@lausd.net"))
    with pytest.raises(handoff_replies.NotHolder):
        asyncio.run(handoff_replies.agent_reply(handoff_id, "staff:joe@lausd.net", "hello"))
    asyncio.run(handoff_replies.canned_reply(handoff_id, "staff:maria@lausd.net", "greeting"))
    joined, greeting = transcript(handoff_id)[-2:]
    assert joined.text.startswith("Una persona de la Oficina") and greeting.text.startswith(
        "Hola, le atiende"
    )
    assert (greeting.author, greeting.language, greeting.delivered) == ("agent", "es", False)
    assert (
        asyncio.run(handoff_replies.hand_back_conversation(handoff_id, "staff:joe@lausd.net", "resolved"))
        is False
    )
    assert (
        asyncio.run(handoff_replies.hand_back_conversation(handoff_id, "staff:maria@lausd.net", "resolved"))
        is True
    )
    assert transcript(handoff_id)[-1].text.startswith("La persona de la Oficina de Permisos ha cerrado")
