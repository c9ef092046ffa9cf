"""The REST channel refuses malformed and oversized requests before Rasa reads them (issue 20).

The channel runs in the Rasa server's venv (tests/privacy/rest_channel_server.py) on a free port;
what reaches the stand-in for Rasa comes back as the reply. No model is needed.
"""

import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


LOG: dict[str, Path] = {}


@pytest.fixture(scope="module")
def webhook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    folder = tmp_path_factory.mktemp("rest-channel")
    LOG["path"] = folder / "rasa.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{folder / 'permits.db'}",
        "SECRET_KEY": "test-secret",
    }
    with LOG["path"].open("wb") as log:
        process = subprocess.Popen(
            [str(ROOT / ".venv/bin/python"), str(ROOT / "tests/privacy/rest_channel_server.py"), str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}/webhooks/rest"
    try:
        for _ in range(600):
            if process.poll() is not None:
                raise RuntimeError(LOG["path"].read_text()[-3000:])
            try:
                if requests.get(f"{base}/", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        yield f"{base}/webhook"
    finally:
        process.terminate()
        process.wait(timeout=20)


def post(url: str, body: bytes) -> requests.Response:
    return requests.post(url, data=body, headers={"Content-Type": "application/json"}, timeout=30)


def seen_by_rasa(response: requests.Response) -> dict:
    assert response.status_code == 200, response.text[:200]
    [reply] = response.json()
    return json.loads(reply["text"])


@pytest.mark.parametrize("body", [b"[]", b'"hello"', b"42", b"null", b"{not json", b""])
def test_a_body_that_is_not_a_json_object_gets_a_400(webhook, body):
    assert post(webhook, body).status_code == 400


@pytest.mark.parametrize("message", [42, None, ["hi"], {"text": "hi"}])
def test_a_message_that_is_not_a_string_gets_a_400(webhook, message):
    body = json.dumps({"sender": "caps-1", "message": message}).encode()
    assert post(webhook, body).status_code == 400


def test_a_message_without_sender_gets_a_400_and_joins_no_shared_conversation(webhook):
    response = post(webhook, json.dumps({"message": "hello"}).encode())
    assert response.status_code == 400 and "default" not in response.text


def test_five_megabytes_of_metadata_are_refused_before_they_are_read(webhook):
    body = json.dumps({"sender": "caps-2", "message": "hi", "metadata": {"language": "x" * 5_000_000}})
    started = time.monotonic()
    try:
        status = post(webhook, body.encode()).status_code
    except requests.ConnectionError:  # the server may close the connection before the upload ends
        status = 413
    assert status == 413 and time.monotonic() - started < 5


def test_metadata_over_its_own_cap_is_refused(webhook):
    body = json.dumps({"sender": "caps-3", "message": "hi", "metadata": {"language": "es", "x": "y" * 4000}})
    assert post(webhook, body.encode()).status_code == 413


def test_only_the_language_reaches_the_tracker_and_the_channel_cannot_be_claimed(webhook):
    body = {
        "sender": "caps-4",
        "message": "hola",
        "input_channel": "twilio",
        "metadata": {"language": "es", "account_id": "7", "note": "María 3/14/2016"},
    }
    seen = seen_by_rasa(post(webhook, json.dumps(body).encode()))
    assert seen == {
        "sender": "caps-4",
        "text": "hola",
        "metadata": {"language": "es"},
        "input_channel": "rest",
    }


def test_a_long_message_is_still_answered_and_cut(webhook):
    seen = seen_by_rasa(post(webhook, json.dumps({"sender": "caps-5", "message": "x" * 100_000}).encode()))
    assert seen["text"] == "x" * 2000


def test_a_failed_turn_is_answered_and_logged_without_the_message(webhook):
    typed = "FAIL my email is maria.failed@example.com and she was born 3/14/2016"
    response = post(webhook, json.dumps({"sender": "caps-6", "message": typed}).encode())
    assert response.status_code == 200
    assert "something went wrong" in response.text.lower()
    time.sleep(0.3)
    logged = LOG["path"].read_text()
    assert "A turn failed: RuntimeError" in logged
    assert "maria.failed" not in logged and "3/14/2016" not in logged
