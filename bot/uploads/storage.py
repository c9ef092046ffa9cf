"""Uploaded files on disk (UPLOADS_DIR, default var/uploads/): random names, written atomically, 0600.

The parent's file name is never used on disk: it may hold a name, a path or characters the file
system does not like. Staff find a file through its ApplicationDocument row.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from pathlib import Path

from bot.core import settings

#: What a stored name looks like: 32 hex digits and one of our extensions; nothing else is opened.
STORED_NAME = re.compile(r"[0-9a-f]{32}\.(pdf|jpg|png)")


def uploads_dir() -> Path:
    """The folder of uploaded files (created on first use, readable by the server's user only)."""
    folder = settings.uploads_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def path_of(stored_name: str) -> Path:
    """Where the file `stored_name` lives; refuses anything that is not one of our names."""
    if not STORED_NAME.fullmatch(stored_name):
        raise ValueError("not a stored upload name")
    return uploads_dir() / stored_name


def store_file(data: bytes, extension: str) -> str:
    """Write `data` under a new random name with `extension` (".pdf"...) and return that name.

    The bytes go to a temporary file in the same folder first, then are renamed, so a crash never
    leaves half a document under a real name.
    """
    folder = uploads_dir()
    stored_name = f"{secrets.token_hex(16)}{extension}"
    path_of(stored_name)  # the extension must be one of ours
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".partial-")  # mode 0600
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, folder / stored_name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return stored_name


def remove_file(stored_name: str) -> None:
    """Delete a stored file (nothing happens when it is already gone)."""
    path_of(stored_name).unlink(missing_ok=True)
