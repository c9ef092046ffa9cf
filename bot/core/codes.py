"""Code enums every layer shares: a string enum that renders as its code, and the permit direction."""

from __future__ import annotations

from enum import Enum


class Code(str, Enum):
    """A string enum whose value is the code the bot renders (``str()`` gives the code)."""

    def __str__(self) -> str:
        return str(self.value)


class Direction(Code):
    """Which way the permit goes: into LAUSD (incoming) or out of it (outgoing)."""

    INCOMING = "incoming"
    OUTGOING = "outgoing"
