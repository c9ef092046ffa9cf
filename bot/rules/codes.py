"""The accept/reject outcome every rule returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.core.codes import Code, Direction

__all__ = ["Code", "Direction", "Outcome"]  # Code and Direction: bot.core.codes (moving)

T = TypeVar("T")


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
