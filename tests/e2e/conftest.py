"""Starts the real action server and Rasa server (SQLite tracker store) for end-to-end tests."""

import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

ROOT = Path(__file__).resolve().parents[2]
RASA_PORT = int(os.environ.get("E2E_RASA_PORT", "5105"))
ACTIONS_PORT = int(os.environ.get("E2E_ACTIONS_PORT", "5155"))
WEB_PORT = int(os.environ.get("E2E_WEB_PORT", "8180"))
SMTP_PORT = int(os.environ.get("E2E_SMTP_PORT", "8125"))
OFFICE_HOURS_NOW = "2026-12-12T10:00:00-08:00"


class Mailbox:
    """A real local SMTP server (aiosmtpd) that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: object, session: object, envelope: Envelope) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=default))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def wait_for(self, address: str, count: int = 1, timeout: float = 20) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.to(address)) >= count:
                return self.to(address)
            time.sleep(0.2)
        raise AssertionError(f"no email number {count} for {address}; got {[m['To'] for m in self.messages]}")


class Servers:
    """The two servers of one test session, restartable to prove conversations persist."""

    def __init__(self, var_dir: Path) -> None:
        self.var_dir = var_dir
        self.env = {
            **os.environ,
            "RASA_PORT": str(RASA_PORT),
            "ACTIONS_PORT": str(ACTIONS_PORT),
            "WEB_PORT": str(WEB_PORT),
            "VAR_DIR": str(var_dir),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(SMTP_PORT),
            "RUN_IN_BACKGROUND": "1",
            # hand-offs judge the office's hours at a fixed moment (a Saturday morning, the office
            # closed), not at whatever hour the tests run: in office hours a second "I didn't
            # understand" asks a person to join instead of giving the office's contacts
            "OFFICE_HOURS_NOW": OFFICE_HOURS_NOW,
        }

    def start(self) -> None:
        subprocess.run([str(ROOT / "scripts/run-servers")], env=self.env, check=True, timeout=400)

    def stop(self) -> None:
        subprocess.run([str(ROOT / "scripts/run-servers"), "--stop"], env=self.env, check=True)
        for name in ("rasa", "actions"):
            (self.var_dir / "run" / f"{name}.pid").unlink(missing_ok=True)

    def restart(self) -> None:
        self.stop()
        import time

        for _ in range(60):  # wait for the ports to be released
            try:
                requests.get(f"http://localhost:{RASA_PORT}/", timeout=1)
                time.sleep(1)
            except requests.ConnectionError:
                break
        self.start()


@pytest.fixture(scope="session")
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory, mailbox: Mailbox) -> Iterator[Servers]:
    model = Path(os.environ.get("MODEL") or ROOT / "models" / "permit-assistant.tar.gz")  # run-servers' MODEL
    assert model.exists(), "train the model first (make train)"
    running = Servers(tmp_path_factory.mktemp("var"))
    running.start()
    try:
        yield running
    finally:
        running.stop()


def say(sender: str, message: str, metadata: dict | None = None) -> list[dict]:
    """Send one message through the REST channel and return the bot's messages."""
    body: dict = {"sender": sender, "message": message}
    if metadata:
        body["metadata"] = metadata
    response = requests.post(f"http://localhost:{RASA_PORT}/webhooks/rest/webhook", json=body, timeout=60)
    assert response.status_code == 200
    return response.json()


def text_of(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


@pytest.fixture
def sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:10]}"
