"""Reading a CDE public-schools directory file (tab-separated), selecting columns by name.

The shipped sample is the 2018 Los Angeles County extract (data/README.md); the district imports
the current file with `python -m bot.schools.import_directory`. `SCHOOLS_FILE` points elsewhere.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.store.database import PROJECT_ROOT

SAMPLE = Path(__file__).resolve().parent / "data" / "cde-schools-los-angeles.tsv"
IMPORTED = PROJECT_ROOT / "var" / "schools" / "cde-schools.tsv"
REQUIRED_COLUMNS = ("CDSCode", "StatusType", "District", "School", "City", "GSoffered", "Magnet")


class DirectoryError(ValueError):
    """The file is not a CDE directory export (a column is missing)."""


@dataclass(frozen=True)
class Place:
    """A school (name = school) or a district (name = district, grades empty)."""

    cds: str
    name: str
    district: str
    city: str
    grades_offered: str
    magnet_flag: str
    active: bool


def directory_path() -> Path:
    """SCHOOLS_FILE, else an imported file under var/schools/, else the shipped sample."""
    configured = os.environ.get("SCHOOLS_FILE")
    if configured:
        return Path(configured)
    return IMPORTED if IMPORTED.exists() else SAMPLE


def read_directory(path: Path) -> tuple[list[Place], list[Place]]:
    """(schools, districts) of a CDE file; district rows are those with an empty School."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise DirectoryError(f"not a CDE directory file: missing columns {', '.join(missing)}")
        schools: list[Place] = []
        districts: list[Place] = []
        for row in reader:
            school = (row.get("School") or "").strip()
            place = Place(
                cds=(row.get("CDSCode") or "").strip(),
                name=school or (row.get("District") or "").strip(),
                district=(row.get("District") or "").strip(),
                city=(row.get("City") or "").strip(),
                grades_offered=(row.get("GSoffered") or "").strip(),
                magnet_flag=(row.get("Magnet") or "").strip(),
                active=(row.get("StatusType") or "").strip() == "Active",
            )
            (schools if school else districts).append(place)
    return schools, districts


@cache
def directory() -> tuple[list[Place], list[Place]]:
    """The configured directory, read once per process."""
    return read_directory(directory_path())
