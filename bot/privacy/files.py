"""Files and folders holding personal data are readable by their owner only (0600 / 0700).

The start scripts set ``umask 077``; these helpers make the same true for files created by a
process started some other way (the staff command, a test, a cron job). Standard library only:
the Rasa server's venv uses them for its SQLite tracker store.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """``path`` as a folder only its owner can open (created with its parents when missing)."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """``path`` as a file only its owner can read (created empty when missing, e.g. before SQLite opens it)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    os.chmod(path, FILE_MODE)
    return path


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, readable by its owner only from the first byte."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(descriptor, "wb") as file:
        os.fchmod(file.fileno(), FILE_MODE)
        file.write(data)


def sqlite_file(url: str) -> Path | None:
    """The file of an ``sqlite:///`` URL, or None (another database, or in memory)."""
    if not url.startswith("sqlite:///"):
        return None
    name = url.removeprefix("sqlite:///").split("?", 1)[0]
    return None if name in ("", ":memory:") else Path(name)
