"""A real web server on a free port with a migrated SQLite database and one signed-in member per role."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from bot.store.migrate import upgrade_to_head
from tests.unit.helpdesk.test_report import SCHEMA as TRACKER_SCHEMA
from tests.unit.staff.helpers import PASSWORD, make_staff, next_code
from tests.unit.test_upload_web import free_port

ROOT = Path(__file__).resolve().parents[3]
SESSION_COOKIE = re.compile(r"permits_staff=([^;]+)")
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Console:
    """The running server, its database, and a session cookie per role."""

    base: str
    database: str
    folder: Path
    cookies: dict[str, str] = field(default_factory=dict)

    def get(
        self, path: str, role: str | None = None, headers: dict[str, str] | None = None, **kwargs: object
    ) -> requests.Response:
        return requests.get(
            self.base + path, headers=self.headers(role, headers), allow_redirects=False, timeout=20, **kwargs
        )  # type: ignore[arg-type]

    def post(
        self, path: str, role: str | None = None, headers: dict[str, str] | None = None, **kwargs: object
    ) -> requests.Response:
        return requests.post(
            self.base + path, headers=self.headers(role, headers), allow_redirects=False, timeout=20, **kwargs
        )  # type: ignore[arg-type]

    def headers(self, role: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
        return ({"Cookie": f"permits_staff={self.cookies[role]}"} if role else {}) | (extra or {})

    def csrf(self, role: str) -> str:
        return CSRF.search(self.get("/staff/", role).text).group(1)

    def sign_in(self, email: str, secret: str, steps: int = 1) -> requests.Response:
        form = FORM_TOKEN.search(requests.get(self.base + "/staff/sign-in", timeout=10).text).group(1)
        fields = {"email": email, "password": PASSWORD, "code": next_code(secret, steps), "form_token": form}
        return requests.post(self.base + "/staff/sign-in", data=fields, allow_redirects=False, timeout=20)


@pytest.fixture(scope="package")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    folder = tmp_path_factory.mktemp("staff-console")
    url = f"sqlite:///{folder / 'permits.db'}"
    settings = {
        "DATABASE_URL": url,
        "UPLOADS_DIR": str(folder / "uploads"),
        "OUTBOX_DIR": str(folder / "outbox"),
        "SECRET_KEY": "test-secret",
        "PUBLIC_BASE_URL": "https://permits.example.org",
        "PERMITS_TODAY": "2027-03-10",
        "NLU_REVIEW_DIR": str(folder / "nlu-review"),
        "TRACKER_STORE_URL": f"sqlite:///{folder / 'tracker.db'}",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in settings.items():
            patch.setenv(name, value)
        patch.delenv("SMTP_HOST", raising=False)
        upgrade_to_head(url)
        with sqlite3.connect(folder / "tracker.db") as tracker:  # Rasa's events table, empty
            tracker.execute(TRACKER_SCHEMA)
        port = free_port()
        script = f"from bot.web.app import create_app; create_app().run(host='127.0.0.1', port={port}, access_log=False)"
        env = {**os.environ, **settings, "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            for _ in range(200):
                try:
                    if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok:
                        break
                except requests.ConnectionError:
                    time.sleep(0.1)
            else:
                raise RuntimeError(
                    process.stderr.read().decode() if process.poll() is not None else "no answer"
                )
            found = Console(f"http://127.0.0.1:{port}", url, folder)
            for role in ("agent", "reviewer", "admin"):
                secret = make_staff(url, f"{role}@lausd.net", role)
                response = found.sign_in(f"{role}@lausd.net", secret)
                assert response.status_code == 303, response.text
                found.cookies[role] = SESSION_COOKIE.search(response.headers["set-cookie"]).group(1)
            yield found
        finally:
            process.terminate()
            process.wait(timeout=10)
