"""The project secret and keyed digests, with the standard library only.

The Rasa server's venv has neither itsdangerous nor SQLAlchemy 2, so the redacting tracker store
cannot import ``bot.accounts.links``; this module reads the same secret the same way (SECRET_KEY,
else the file SECRET_KEY_FILE, default var/secret.key, created once with mode 0600) and computes
the same HMAC as ``bot.limits.hashed_key``, so a digest written by the Rasa server can be found by
the retention command.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def secret_key() -> str:
    """SECRET_KEY, or the random key kept in SECRET_KEY_FILE (created atomically on first use)."""
    configured = os.environ.get("SECRET_KEY")
    if configured:
        return configured
    path = Path(os.environ.get("SECRET_KEY_FILE", PROJECT_ROOT / "var" / "secret.key"))
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it first: read theirs
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(secrets.token_urlsafe(48))
    for _ in range(50):  # bot.accounts.links creates the file empty, then writes it
        key = path.read_text().strip()
        if key:
            return key
        time.sleep(0.1)
    raise RuntimeError(f"the secret key file {path} is empty")


def keyed_digest(value: str) -> str:
    """HMAC-SHA256 hex of ``value`` under the secret (the same as ``bot.limits.hashed_key``)."""
    return hmac.new(secret_key().encode(), value.encode(), hashlib.sha256).hexdigest()


def email_digest(email: str) -> str:
    """The searchable stand-in for an email address: case and surrounding spaces do not count."""
    return keyed_digest(email.strip().lower())
