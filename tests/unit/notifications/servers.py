"""Local servers for delivery tests: an SMTP server (aiosmtpd) and a stand-in for Twilio's REST API."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from typing import Any

from aiohttp import web
from aiosmtpd.controller import Controller


def closed_port() -> int:
    """A local port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Mailbox:
    """aiosmtpd handler keeping every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        self.messages.append(message_from_bytes(envelope.content, policy=default))  # type: ignore[arg-type]
        return "250 OK"


class SmtpServer:
    """A real SMTP server on a free local port, in its own thread."""

    def __init__(self) -> None:
        self.mailbox = Mailbox()
        self.port = closed_port()
        self._controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpServer:
        self._controller.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._controller.stop()


@dataclass
class TwilioStandIn:
    """Answers POST /2010-04-01/Accounts/<sid>/Messages.json like Twilio, and records each request."""

    status: int = 201
    delay: float = 0.0
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    async def messages(self, request: web.Request) -> web.Response:
        form = await request.post()
        self.requests.append(
            (request.path, request.headers.get("Authorization", ""), {k: str(v) for k, v in form.items()})
        )
        await asyncio.sleep(self.delay)  # lets a second worker run in between
        if self.status >= 300:
            return web.json_response(
                {"code": 21211, "message": "The 'To' number is not valid."}, status=self.status
            )
        return web.json_response(
            {"sid": f"SM{len(self.requests):032d}", "status": "queued"}, status=self.status
        )

    @asynccontextmanager
    async def running(self) -> AsyncIterator[str]:
        """Serve on a free local port; yields the base URL for TWILIO_API_BASE."""
        app = web.Application()
        app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", self.messages)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        try:
            host, port = runner.addresses[0][:2]
            yield f"http://{host}:{port}"
        finally:
            await runner.cleanup()
