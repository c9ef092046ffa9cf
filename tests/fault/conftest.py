"""The production layout (deploy/run-prod) started for fault tests, on its own ports and data dir."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller

from tests.e2e.conftest import Mailbox

ROOT = Path(__file__).resolve().parents[2]
# Each port can be moved with FAULT_<NAME> (e.g. FAULT_HTTP_PORT=8505) when another run uses it.
PORTS = {
    name: int(os.environ.get(f"FAULT_{name}", default))
    for name, default in {
        "HTTP_PORT": 5505,
        "RASA_BASE_PORT": 5510,
        "ACTIONS_PORT": 5555,
        "ACTIONS_BASE_PORT": 5560,
        "WEB_PORT": 8580,
        "PG_PORT": 5633,
        "REDIS_PORT": 6580,
    }.items()
}
SMTP_PORT = int(os.environ.get("FAULT_SMTP_PORT", "8525"))


@dataclass
class Reply:
    """What one REST call returned and which Rasa server nginx chose."""

    status: int
    messages: list[dict]
    upstream: str
    answered_at: float

    @property
    def text(self) -> str:
        """The bot's messages as one text."""
        return "\n".join(m.get("text", "") for m in self.messages)


class Smtp:
    """A real local SMTP server that can be taken down and brought back."""

    def __init__(self) -> None:
        self.mailbox = Mailbox()
        self.controller: Controller | None = None

    def up(self) -> None:
        """Accept mail on SMTP_PORT."""
        if self.controller is None:
            self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=SMTP_PORT)
            self.controller.start()

    def down(self) -> None:
        """Refuse connections, as a mail server that is down."""
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @contextlib.contextmanager
    def hanging(self) -> Iterator[None]:
        """A mail server that accepts connections and never says a word (no greeting, no reply)."""
        self.down()
        listener = socket.create_server(("127.0.0.1", SMTP_PORT), reuse_port=False)
        listener.listen(16)
        held: list[socket.socket] = []
        stop = threading.Event()

        def accept() -> None:
            listener.settimeout(0.2)
            while not stop.is_set():
                with contextlib.suppress(TimeoutError):
                    held.append(listener.accept()[0])

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
            for connection in held:
                connection.close()
            listener.close()
            self.up()


class Production:
    """deploy/run-prod with two Rasa servers and two action servers, PostgreSQL, Redis, nginx."""

    def __init__(self, prod_dir: Path) -> None:
        self.prod_dir = prod_dir
        self.env = {
            **os.environ,
            **{name: str(port) for name, port in PORTS.items()},
            "PROD_DIR": str(prod_dir),
            "MODEL": str(prod_dir / "model.tar.gz"),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(SMTP_PORT),
            "RASA_SERVERS": "2",
            "ACTION_SERVERS": "2",
        }
        self.script = str(ROOT / "deploy" / "run-prod")

    def start(self) -> None:
        """Start everything; returns when every server answers."""
        shutil.rmtree(self.prod_dir, ignore_errors=True)
        self.prod_dir.mkdir(parents=True)
        shutil.copy(ROOT / "models" / "permit-assistant.tar.gz", self.prod_dir / "model.tar.gz")
        subprocess.run([self.script], env=self.env, check=True, timeout=500)

    def stop(self) -> None:
        """Stop everything started by start()."""
        subprocess.run([self.script, "--stop"], env=self.env, check=False, timeout=120)

    def kill_action_servers(self) -> None:
        """SIGKILL every action-server process, as a crash would."""
        for pidfile in (self.prod_dir / "run").glob("actions-*.pid"):
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pidfile.read_text()), signal.SIGKILL)

    def restart_action_servers(self) -> None:
        """Start the action servers again (deploy/run-prod --restart-actions)."""
        subprocess.run([self.script, "--restart-actions"], env=self.env, check=True, timeout=120)

    @property
    def database_url(self) -> str:
        """The application database of this layout."""
        password = (self.prod_dir / "secrets" / "pg_permits").read_text().strip()
        return f"postgresql+psycopg2://permits:{password}@127.0.0.1:{PORTS['PG_PORT']}/permits"

    @property
    def tracker_url(self) -> str:
        """Rasa's tracker store of this layout."""
        return self.database_url.rsplit("/", 1)[0] + "/rasa_tracker"

    def say(
        self, sender: str, message: str, metadata: dict | None = None, server: int | None = None
    ) -> Reply:
        """One message through nginx's REST webhook, as a channel sends it (or straight to Rasa
        server number ``server``, as a failover or a misrouting would send it)."""
        body: dict = {"sender": sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        port = PORTS["HTTP_PORT"] if server is None else PORTS["RASA_BASE_PORT"] + server
        response = requests.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook", json=body, timeout=120)
        messages = response.json() if response.status_code == 200 else []
        upstream = response.headers.get("X-Rasa-Upstream", "") if server is None else f"127.0.0.1:{port}"
        return Reply(response.status_code, messages, upstream, time.monotonic())


@pytest.fixture(scope="session")
def smtp() -> Iterator[Smtp]:
    server = Smtp()
    server.up()
    try:
        yield server
    finally:
        server.down()


@pytest.fixture(scope="session")
def prod(smtp: Smtp) -> Iterator[Production]:
    # under the project (not /tmp/pytest-of-root, mode 0700): PostgreSQL runs as its own user
    running = Production(ROOT / "var" / "fault")
    running.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def sender() -> str:
    return f"fault-{uuid.uuid4().hex[:10]}"
