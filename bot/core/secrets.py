"""The project secret and the one keyed digest (HMAC-SHA256) every store and limit uses.

The key is SECRET_KEY, else a random key kept in SECRET_KEY_FILE (default var/secret.key, mode
0600). Both runtimes read it here, so a digest written by the Rasa server (a conversation key, an
email's search key: ``bot.rules.email_address.email_digest``) is the one the action server and the
retention command compute.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path

from bot.core import settings


def secret_key() -> str:
    """SECRET_KEY, or the random key in SECRET_KEY_FILE, created on first use.

    Several processes start at once and may all find the file missing: each writes a complete
    key to a private temporary file and links it into place; the first link wins, the others
    read the winner's key. A reader therefore never sees a half-written (empty) file.
    """
    configured = settings.SECRET_KEY.value()
    if configured:
        return configured
    path = Path(settings.SECRET_KEY_FILE.value())
    if not path.exists():
        _create_key_file(path)
    key = path.read_text(encoding="utf-8").strip()
    if not key:
        raise RuntimeError(f"the secret key file {path} is empty: delete it or set SECRET_KEY")
    return key


def _create_key_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, draft = tempfile.mkstemp(dir=path.parent, prefix=".secret-")  # mode 0600
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(secrets.token_urlsafe(48))
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(FileExistsError):  # another process linked its key first: use theirs
            os.link(draft, path)
    finally:
        os.unlink(draft)


def keyed_digest(value: str) -> str:
    """HMAC-SHA256 (hex) of ``value`` under the secret: a stand-in that cannot be reversed by
    trying every phone number or address, and is the same in every process."""
    return hmac.new(secret_key().encode("utf-8"), value.encode("utf-8"), hashlib.sha256).hexdigest()


def conversation_digest(sender_id: str) -> str:
    """How the application database names a conversation: never by its raw sender id, which can be
    a phone number (SMS, WhatsApp) that a plain hash would not hide."""
    return keyed_digest(sender_id)
