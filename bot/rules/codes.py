"""Small result types shared by the rules: code enums and the accept/reject outcome."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

T = TypeVar("T")


class Code(str, Enum):
    """A string enum whose value is the code the bot renders (``str()`` gives the code)."""

    def __str__(self) -> str:
        return str(self.value)


class Direction(Code):
    """Which way the permit goes: into LAUSD (incoming) or out of it (outgoing)."""

    INCOMING = "incoming"
    OUTGOING = "outgoing"


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """Either an accepted, normalised ``value`` or a ``problem`` code (never both)."""

    value: T | None = None
    problem: str | None = None

    def __post_init__(self) -> None:
        if (self.value is None) == (self.problem is None):
            raise ValueError("an Outcome has exactly one of value and problem")

    @property
    def ok(self) -> bool:
        """True when the input was accepted."""
        return self.problem is None
