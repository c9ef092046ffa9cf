"""Uploaded documents: their rows (ApplicationDocument) and their files under UPLOADS_DIR."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from bot.core import settings

_STORED_NAME = re.compile(r"[0-9A-Za-z._-]{1,80}")  # a bare file name: never a path


def uploads_dir() -> Path:
    """UPLOADS_DIR, default var/uploads (the folder bot.uploads.storage writes to)."""
    return settings.uploads_dir()


def remove_files(stored_names: Iterable[str]) -> int:
    """Delete these uploaded files; returns how many existed. A name that is not bare is refused."""
    removed = 0
    for name in stored_names:
        if not _STORED_NAME.fullmatch(name) or name in {".", ".."}:
            raise ValueError(f"not a stored upload name: {name!r}")
        path = uploads_dir() / name
        if path.exists():
            path.unlink()
            removed += 1
    return removed
