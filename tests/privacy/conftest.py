"""Real servers for the privacy tests (scripts/run-servers on their own ports) and a local SMTP server."""

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

ROOT = Path(__file__).resolve().parents[2]
RASA_PORT = int(os.environ.get("PRIVACY_RASA_PORT", "5305"))
ACTIONS_PORT = int(os.environ.get("PRIVACY_ACTIONS_PORT", "5355"))
WEB_PORT = int(os.environ.get("PRIVACY_WEB_PORT", "8380"))
SMTP_PORT = int(os.environ.get("PRIVACY_SMTP_PORT", "8325"))


class Mailbox:
    """A real local SMTP server (aiosmtpd) that counts what it receives."""

    def __init__(self) -> None:
        self.recipients: list[str] = []

    async def handle_DATA(self, server: object, session: object, envelope: Envelope) -> str:
        self.recipients.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A running Rasa server, action server and web server whose files live in the yielded folder."""
    assert (ROOT / "models" / "permit-assistant.tar.gz").exists(), "train the model first (make train)"
    folder = tmp_path_factory.mktemp("var")
    env = {
        **os.environ,
        "RASA_PORT": str(RASA_PORT),
        "ACTIONS_PORT": str(ACTIONS_PORT),
        "WEB_PORT": str(WEB_PORT),
        "VAR_DIR": str(folder),
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(SMTP_PORT),
        "RUN_IN_BACKGROUND": "1",
    }
    env.pop("TRACKER_STORE_URL", None)
    env.pop("DATABASE_URL", None)
    env.pop("SECRET_KEY", None)
    controller = Controller(Mailbox(), hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    try:
        subprocess.run([str(ROOT / "scripts/run-servers")], env=env, check=True, timeout=400)
        try:
            yield folder
        finally:
            subprocess.run([str(ROOT / "scripts/run-servers"), "--stop"], env=env, check=True)
    finally:
        controller.stop()


def say(sender: str, message: str) -> list[dict]:
    """Send one message through the REST channel; the response must be a 200 with JSON."""
    response = requests.post(
        f"http://localhost:{RASA_PORT}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=90,
    )
    assert response.status_code == 200, response.text[:300]
    return response.json()


def text_of(messages: list[dict]) -> str:
    """The bot's texts, one per line."""
    return "\n".join(m.get("text", "") for m in messages)


@pytest.fixture
def sender() -> str:
    """A fresh conversation id."""
    return f"privacy-{uuid.uuid4().hex[:10]}"
