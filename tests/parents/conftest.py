"""Starts the real servers for the simulated-parent suite, on ports of its own, with a local SMTP mailbox.

Ports (environment): PARENTS_RASA_PORT (5705), PARENTS_ACTIONS_PORT (5755), PARENTS_WEB_PORT (8780),
PARENTS_SMTP_PORT (8725). PARENTS_TODAY (2026-12-07) fixes the district's date (PERMITS_TODAY) so
that what a parent is told about open windows does not change with the day the suite runs.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.e2e.conftest import ROOT, Mailbox, Servers
from tests.e2e.test_registration import set_password
from tests.parents.given import PASSWORD
from tests.parents.runner import Target

RASA_PORT = int(os.environ.get("PARENTS_RASA_PORT", "5705"))
ACTIONS_PORT = int(os.environ.get("PARENTS_ACTIONS_PORT", "5755"))
WEB_PORT = int(os.environ.get("PARENTS_WEB_PORT", "8780"))
SMTP_PORT = int(os.environ.get("PARENTS_SMTP_PORT", "8725"))
TODAY = os.environ.get("PARENTS_TODAY", "2026-12-07")

#: What the test process shares with the servers it starts: the same database, secret and date.
_RESULTS: dict[str, str] = {}


class ParentServers(Servers):
    """The e2e servers (scripts/run-servers), moved to this suite's ports."""

    def __init__(self, var_dir: Path, shared: dict[str, str]) -> None:
        super().__init__(var_dir)
        self.env.update(
            shared,
            RASA_PORT=str(RASA_PORT),
            ACTIONS_PORT=str(ACTIONS_PORT),
            WEB_PORT=str(WEB_PORT),
            SMTP_PORT=str(SMTP_PORT),
        )

    def start(self) -> None:
        """scripts/run-servers, waiting START_TIMEOUT seconds (default 600: on a busy 2-core machine
        several Rasa servers loading at once each take longer than the usual minute)."""
        self.env.setdefault("START_TIMEOUT", "600")
        seconds = int(self.env["START_TIMEOUT"]) + 120
        subprocess.run([str(ROOT / "scripts/run-servers")], env=self.env, check=True, timeout=seconds)


@pytest.fixture(scope="session")
def parents_mailbox() -> Iterator[Mailbox]:
    """A real SMTP server (aiosmtpd) that keeps every email the servers send."""
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


def _activate(link: str) -> None:
    """What the parent does in the browser: open the activation link and create a password."""
    response = set_password(link, PASSWORD)
    assert response.status_code == 200, f"activation page answered {response.status_code}"


@pytest.fixture(scope="session")
def target(parents_mailbox: Mailbox) -> Iterator[Target]:
    """The running servers, and the settings the test process shares with them."""
    model = Path(os.environ.get("MODEL") or ROOT / "models" / "permit-assistant.tar.gz")  # run-servers' MODEL
    assert model.exists(), "train the model first (make train)"
    # Not pytest's tmp_path: other pytest sessions on the machine prune those while servers use them.
    var_dir = Path(tempfile.mkdtemp(prefix="parents-var-"))
    shared = {
        "DATABASE_URL": f"sqlite:///{var_dir / 'permits.db'}",
        "SECRET_KEY": secrets.token_urlsafe(32),
        "PUBLIC_BASE_URL": f"http://localhost:{WEB_PORT}",
        "PERMITS_TODAY": TODAY,
    }
    saved = {name: os.environ.get(name) for name in shared}
    os.environ.update(shared)  # the fixtures are made in this process, through the same services
    servers = ParentServers(var_dir, shared)
    servers.start()
    try:
        yield Target(
            rasa_url=f"http://localhost:{RASA_PORT}",
            database_url=shared["DATABASE_URL"],
            mailbox=parents_mailbox,
            today=date.fromisoformat(TODAY),
            activate=_activate,
        )
    finally:
        servers.stop()
        logs = ROOT / "var" / "results" / "parents" / "server-logs"
        shutil.rmtree(logs, ignore_errors=True)
        if (var_dir / "log").is_dir():
            shutil.copytree(var_dir / "log", logs, dirs_exist_ok=True)
        shutil.rmtree(var_dir, ignore_errors=True)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The completion rate per language, always shown (also when the suite passes)."""
    for line in _RESULTS.values():
        terminalreporter.write_line(line)
