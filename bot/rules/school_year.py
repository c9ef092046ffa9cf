"""School years ("2026-27"): California's school year runs July 1 to June 30 (EC 37200)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_LABEL = re.compile(r"^\s*(\d{4})\s*[-/–]\s*(\d{2}|\d{4})\s*$")


@dataclass(frozen=True, order=True)
class SchoolYear:
    """A school year named by the calendar year it starts in: ``SchoolYear(2026)`` is 2026-27."""

    start_year: int

    def __post_init__(self) -> None:
        if not 1900 <= self.start_year <= 9998:
            raise ValueError(f"implausible school year start {self.start_year}")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The usual written form, e.g. ``"2026-27"``."""
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    @property
    def first_day(self) -> date:
        """July 1 of the start year (EC 37200)."""
        return date(self.start_year, 7, 1)

    @property
    def last_day(self) -> date:
        """June 30 of the end year (EC 37200)."""
        return date(self.start_year + 1, 6, 30)

    def next(self) -> SchoolYear:
        """The following school year."""
        return SchoolYear(self.start_year + 1)

    @classmethod
    def containing(cls, day: date) -> SchoolYear:
        """The school year a date belongs to."""
        return cls(day.year if day.month >= 7 else day.year - 1)

    @classmethod
    def parse(cls, text: str) -> SchoolYear | None:
        """Read "2026-27", "2026-2027" or "2026/27"; None when the two years do not follow each other."""
        match = _LABEL.match(text)
        if not match:
            return None
        start, end = int(match.group(1)), match.group(2)
        expected = start + 1
        if int(end) != (expected if len(end) == 4 else expected % 100):
            return None
        return cls(start)
