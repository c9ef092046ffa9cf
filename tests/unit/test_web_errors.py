"""The web server's errors: pages with the security headers, no 500 for a folder, no link token in the log.

The real server (bot.web.app) on a free port, with an application database that has no tables,
so that opening a valid upload link fails the way a database outage does.
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

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = {"SECRET_KEY": "test-secret", "PUBLIC_BASE_URL": "https://permits.example.org"}


@dataclass
class WebServer:
    base: str
    log: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    folder = tmp_path_factory.mktemp("web-errors")
    port = free_port()
    log = folder / "web.log"
    env = {
        **os.environ,
        **SETTINGS,
        "DATABASE_URL": f"sqlite:///{folder / 'empty.db'}",
        "WEB_PORT": str(port),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("WEB_HOST", None)
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.web.app"], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # a busy machine takes a while to import the pages
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        else:
            raise RuntimeError(log.read_text())
        yield WebServer(base, log)
    finally:
        process.terminate()
        process.wait(timeout=10)


def assert_security_headers(response: requests.Response) -> None:
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_the_static_folder_itself_is_a_404_page_not_a_500(server):
    response = requests.get(f"{server.base}/static/", timeout=10)
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert_security_headers(response)


def test_an_unknown_page_is_a_404_in_the_browsers_language_with_the_headers(server):
    response = requests.get(f"{server.base}/nothing-here", headers={"Accept-Language": "es-MX"}, timeout=10)
    assert response.status_code == 404 and "Página no encontrada" in response.text
    assert_security_headers(response)


def test_health_carries_the_security_headers(server):
    response = requests.get(f"{server.base}/health", timeout=10)
    assert response.status_code == 200
    assert_security_headers(response)


def test_a_failing_link_page_is_a_500_page_and_its_token_is_not_logged(server, monkeypatch):
    for name, value in SETTINGS.items():
        monkeypatch.setenv(name, value)
    from bot.uploads.service import upload_link

    link = upload_link(7)
    token = link.rsplit("/", 1)[1]
    response = requests.get(f"{server.base}/upload/{token}", timeout=10)
    assert response.status_code == 500 and "Something went wrong" in response.text
    assert token not in response.text
    assert_security_headers(response)
    time.sleep(0.3)
    logged = server.log.read_text()
    assert "/upload/[link]" in logged  # the failure is logged, with its path
    assert token not in logged and token[:12] not in logged


def test_it_listens_on_the_loopback_only_by_default(server):
    from tests.unit.test_action_server_auth import outward_address

    outward = outward_address()
    if outward is None:
        pytest.skip("this machine has no address besides the loopback")
    with socket.socket() as probe:
        probe.settimeout(2)
        assert probe.connect_ex((outward, int(server.base.rsplit(":", 1)[1]))) != 0
