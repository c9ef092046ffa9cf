"""Typed readers for the YAML data files (permits.yml, school_calendar.yml, application_questions.yml).

Each reader names the offending entry (``where``) so a bad edit by the district fails at
start-up with a message that says what to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

import yaml


class DataFileError(ValueError):
    """A data file is missing, unreadable, or has a wrong shape, value or cross-reference."""


def read_yaml(path: Path) -> object:
    """Parse a YAML file safely (no arbitrary objects)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DataFileError(f"{path}: {error}") from error


def mapping(value: object, where: str) -> Mapping[str, object]:
    """A mapping with string keys."""
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise DataFileError(f"{where}: expected a mapping with string keys")
    return value


def text(value: object, where: str) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value:
        raise DataFileError(f"{where}: expected a non-empty string")
    return value


def text_list(value: object, where: str) -> list[str]:
    """A list of non-empty strings."""
    if not isinstance(value, list):
        raise DataFileError(f"{where}: expected a list")
    return [text(item, where) for item in value]


def count(value: object, where: str) -> int:
    """A non-negative integer (YAML booleans refused)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DataFileError(f"{where}: expected a non-negative integer")
    return value


def flag(value: object, where: str) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise DataFileError(f"{where}: expected true or false")
    return value


def calendar_date(value: object, where: str) -> date:
    """A date written as 2025-08-14 (YAML reads it as a date; a timestamp is refused)."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise DataFileError(f"{where}: expected a date like 2025-08-14")
    return value


def month_day(body: Mapping[str, object], where: str) -> tuple[int, int]:
    """A yearly day given as ``month:`` and ``day:`` keys."""
    month, day = count(body.get("month"), f"{where}.month"), count(body.get("day"), f"{where}.day")
    try:
        # A leap year, so Feb 29 is representable; every use pairs it with a real year.
        date(2024, month, day)
    except ValueError as error:
        raise DataFileError(f"{where}: {error}") from error
    return month, day
