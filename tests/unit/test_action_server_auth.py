"""The action server answers only callers holding the shared secret (the probe of issue 20, replayed).

The real server (``python -m bot.action_server``) on a free port, with one family's application
in its database: a made-up tracker claiming ``account_id`` is refused and learns nothing.
"""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from bot.store.application_models import Application
from bot.store.database import unit_of_work
from bot.store.migrate import upgrade_to_head
from tests.unit.test_upload_service import make_application

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "a-shared-secret-for-the-tests-0123456789"


@dataclass
class ActionServer:
    base: str
    account_id: int
    confirmation_number: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 180  # importing rasa_sdk and the actions takes a while on a busy machine
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode() if process.stderr else "stopped")
        try:
            if requests.get(f"{base}/health", timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise RuntimeError("the action server did not answer")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ActionServer]:
    folder = tmp_path_factory.mktemp("action-server")
    url = f"sqlite:///{folder / 'permits.db'}"
    upgrade_to_head(url)
    application_id = make_application(url, "en", "parent_employment")
    with unit_of_work(url) as session:
        application = session.scalars(select(Application).where(Application.id == application_id)).one()
        account_id, number = application.account_id, application.confirmation_number
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "test-secret",
        "ACTION_SERVER_TOKEN": TOKEN,
        "PYTHONPATH": str(ROOT),
    }
    env.pop("ACTION_SERVER_HOST", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.action_server", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
        yield ActionServer(base, account_id, number)
    finally:
        process.terminate()
        process.wait(timeout=10)


def action_call(account_id: str | None) -> dict:
    """What a caller sends: a made-up tracker whose slots claim a signed-in account."""
    slots = {"account_id": account_id, "language": "en"}
    return {
        "next_action": "action_start_status_check",
        "sender_id": "probe",
        "version": "3.6.21",
        "domain": {},
        "tracker": {
            "sender_id": "probe",
            "slots": slots,
            "latest_message": {"text": "what is the status of my application", "entities": []},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": None,
        },
    }


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-secret-of-the-same-kind-0123456"}, {"Authorization": TOKEN}],
    ids=["no secret", "wrong secret", "secret without Bearer"],
)
def test_a_made_up_tracker_without_the_secret_is_refused_and_learns_nothing(server, headers):
    response = requests.post(
        f"{server.base}/webhook", json=action_call(str(server.account_id)), headers=headers, timeout=30
    )
    assert response.status_code == 401
    assert server.confirmation_number not in response.text
    assert "Luis" not in response.text and "utter_status" not in response.text


def test_the_list_of_actions_is_refused_too_and_health_stays_open(server):
    assert requests.get(f"{server.base}/actions", timeout=10).status_code == 401
    assert requests.get(f"{server.base}/health", timeout=10).json() == {"status": "ok"}


def test_the_rasa_server_with_the_secret_is_served(server):
    response = requests.post(
        f"{server.base}/webhook",
        json=action_call(None),
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert response.status_code == 200
    assert {"event": "slot", "name": "next_step", "value": "status_form"} in [
        {key: event.get(key) for key in ("event", "name", "value")} for event in response.json()["events"]
    ]


def test_it_listens_on_the_loopback_only_by_default(server):
    port = int(server.base.rsplit(":", 1)[1])
    outward = outward_address()
    if outward is None:
        pytest.skip("this machine has no address besides the loopback")
    with socket.socket() as probe:
        probe.settimeout(2)
        assert probe.connect_ex((outward, port)) != 0


def outward_address() -> str | None:
    """An address of this machine other than 127.0.0.1 (the one a route to the outside uses)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent for a UDP connect
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") else address


def test_without_a_configured_secret_the_server_does_not_start():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ACTION_SERVER_TOKEN", None)
    completed = subprocess.run(
        [sys.executable, "-m", "bot.action_server", "--port", str(free_port())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode != 0 and "ACTION_SERVER_TOKEN" in completed.stderr
