"""Starts the real servers (scripts/run-servers) with Twilio pointed at a local stand-in for its REST API."""

from __future__ import annotations

import os
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parents[2]
RASA_PORT = int(os.environ.get("CHANNELS_RASA_PORT", "5205"))
ACTIONS_PORT = int(os.environ.get("CHANNELS_ACTIONS_PORT", "5255"))
WEB_PORT = int(os.environ.get("CHANNELS_WEB_PORT", "8280"))
TWILIO_API_PORT = int(os.environ.get("CHANNELS_TWILIO_API_PORT", "8281"))
ACCOUNT_SID = "AC00000000000000000000000000000000"
AUTH_TOKEN = "test-auth-token-not-a-secret"
SMS_FROM = "+12135550100"
WHATSAPP_FROM = "+12135550111"
# Twilio calls the public address; the proxy forwards to localhost. Signatures are made on this one.
PUBLIC_URL = "https://assistant.lausd.example"
WEBHOOK_PATH = "/webhooks/twilio/webhook"
RESULTS = ROOT / "var" / "results" / "channels"
#: The office clock of the servers: a Saturday morning in Los Angeles (closed, with the shipped
#: hours: a person answers on Monday, December 14 at 8:00 a.m.); the always-open file keeps it open.
OFFICE_HOURS_NOW = "2026-12-12T10:00:00-08:00"


@dataclass
class TwilioApi:
    """A local HTTP server standing in for Twilio's REST API: it keeps every message POSTed to it."""

    messages: list[dict[str, str]] = field(default_factory=list)
    auth_headers: list[str] = field(default_factory=list)

    def to(self, address: str) -> list[dict[str, str]]:
        return [m for m in self.messages if m["To"] == address]

    def wait_for(self, address: str, count: int = 1, timeout: float = 30) -> list[dict[str, str]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.to(address)) >= count:
                time.sleep(0.3)  # the rest of the same answer
                return self.to(address)
            time.sleep(0.1)
        raise AssertionError(f"no message number {count} to {address}; got {self.messages}")


def _handler(api: TwilioApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            length = int(self.headers.get("Content-Length", "0"))
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            expected = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
            status = 201 if self.path == expected else 404
            if status == 201:
                api.messages.append(form)
                api.auth_headers.append(self.headers.get("Authorization", ""))
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"sid": "SM0000", "status": "queued"}')

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture(scope="session")
def twilio_api() -> Iterator[TwilioApi]:
    api = TwilioApi()
    server = ThreadingHTTPServer(("127.0.0.1", TWILIO_API_PORT), _handler(api))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield api
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory, twilio_api: TwilioApi) -> Iterator[dict[str, str]]:
    model = Path(os.environ.get("MODEL") or ROOT / "models" / "permit-assistant.tar.gz")  # run-servers' MODEL
    assert model.exists(), "train the model first (make train)"
    var_dir = tmp_path_factory.mktemp("var")
    # A copy the hand-off tests may edit (the servers read an edited hours file again).
    office_hours = var_dir / "office_hours.yml"
    office_hours.write_text((ROOT / "tests/channels/data/office_always_open.yml").read_text())
    # The staff console's package-scoped fixture points these at its own folder for the rest of the
    # package (test_console_a11y runs first): the servers keep theirs under their VAR_DIR.
    inherited = {k: v for k, v in os.environ.items() if k not in ("PERMITS_TODAY", "NLU_REVIEW_DIR")}
    env = {
        **inherited,
        "DATABASE_URL": f"sqlite:///{var_dir}/permits.db",
        "TRACKER_STORE_URL": f"sqlite:///{var_dir}/tracker.db",
        "OUTBOX_DIR": str(var_dir / "outbox"),
        "UPLOADS_DIR": str(var_dir / "uploads"),
        "RASA_PORT": str(RASA_PORT),
        "ACTIONS_PORT": str(ACTIONS_PORT),
        "WEB_PORT": str(WEB_PORT),
        "VAR_DIR": str(var_dir),
        "RUN_IN_BACKGROUND": "1",
        "RASA_PUBLIC_URL": f"http://localhost:{RASA_PORT}",
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_SMS_FROM": SMS_FROM,
        "TWILIO_WHATSAPP_FROM": WHATSAPP_FROM,
        "TWILIO_PUBLIC_URL": PUBLIC_URL,
        "TWILIO_API_BASE": f"http://127.0.0.1:{TWILIO_API_PORT}",
        "OFFICE_HOURS_FILE": str(office_hours),
        "OFFICE_HOURS_NOW": OFFICE_HOURS_NOW,
    }
    # run-servers waits START_TIMEOUT seconds (300 unless set; a busy machine loads the model slowly).
    start_timeout = int(os.environ.get("START_TIMEOUT", "300"))
    subprocess.run([str(ROOT / "scripts/run-servers")], env=env, check=True, timeout=start_timeout + 100)
    try:
        yield env
    finally:
        subprocess.run([str(ROOT / "scripts/run-servers"), "--stop"], env=env, check=True)


def signed_post(
    form: dict[str, str], token: str = AUTH_TOKEN, signature: str | None = None
) -> requests.Response:
    """POST a Twilio webhook form to the local Rasa server, signed as Twilio signs it."""
    if signature is None:
        signature = RequestValidator(token).compute_signature(PUBLIC_URL + WEBHOOK_PATH, form)
    headers = {"X-Twilio-Signature": signature} if signature else {}
    return requests.post(
        f"http://localhost:{RASA_PORT}{WEBHOOK_PATH}", data=form, headers=headers, timeout=60
    )


def incoming(phone: str, body: str, channel: str = "sms") -> dict[str, str]:
    """The form Twilio posts for one incoming message."""
    sender = f"whatsapp:{phone}" if channel == "whatsapp" else phone
    ours = f"whatsapp:{WHATSAPP_FROM}" if channel == "whatsapp" else SMS_FROM
    return {
        "MessageSid": f"SM{abs(hash((phone, body, time.time()))):032d}"[:34],
        "AccountSid": ACCOUNT_SID,
        "From": sender,
        "To": ours,
        "Body": body,
        "NumMedia": "0",
    }
