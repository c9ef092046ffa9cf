"""Reading a CDE public-schools directory file (tab-separated), selecting columns by name.

The shipped sample is the 2018 Los Angeles County extract (bot/schools/data/README.md); the district imports
the current file with ``python -m bot.schools.import_directory``. ``SCHOOLS_FILE`` points elsewhere.
Newer CDE exports add and reorder columns, and spell ``WebSite``/``Website``: only the columns
below are read, by their header names.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from bot.core.settings import schools_file

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE = Path(__file__).resolve().parent / "data" / "cde-schools-los-angeles.tsv"
IMPORTED = PROJECT_ROOT / "var" / "schools" / "cde-schools.tsv"
REQUIRED_COLUMNS = ("CDSCode", "StatusType", "District", "School", "City", "GSoffered", "Magnet")
#: Optional columns, by their spellings in different exports.
LAST_UPDATE_COLUMNS = ("LastUpDate", "LastUpdate")
_CDS_CODE = re.compile(r"^[0-9]{14}$")


class DirectoryError(ValueError):
    """The file cannot be read or is not a CDE directory export (a needed column is missing)."""


@dataclass(frozen=True)
class School:
    """A school row: CDS code, name, district, city, ``GSoffered`` ("K-5"), ``Magnet`` ("Y"/"N"/"")."""

    cds: str
    name: str
    district: str
    city: str
    grades_offered: str
    magnet_flag: str
    active: bool


@dataclass(frozen=True)
class District:
    """A district-level row (empty ``School``); ``doc`` is CDE's district type code ("54" unified)."""

    cds: str
    name: str
    city: str
    active: bool
    doc: str = ""


@dataclass(frozen=True)
class Directory:
    """Every school and district row of a file, the rows skipped (bad CDS code), the newest LastUpdate."""

    schools: tuple[School, ...]
    districts: tuple[District, ...]
    skipped_rows: int = 0
    last_updated: date | None = None


def directory_path() -> Path:
    """SCHOOLS_FILE, else the imported var/schools/cde-schools.tsv if present, else the shipped sample."""
    return schools_file() or (IMPORTED if IMPORTED.exists() else SAMPLE)


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), else Windows-1252."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DirectoryError(f"cannot read {path}: {error.strerror or error}") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def parse_directory(text: str) -> Directory:
    """Schools and districts of a CDE export's text; raises DirectoryError when a column is missing."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [_cell(name) for name in next(reader, [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise DirectoryError(
            f"this is not a CDE schools directory file: the header has no {', '.join(missing)} column"
            f"{'s' if len(missing) > 1 else ''} (expected a tab-separated file with {', '.join(REQUIRED_COLUMNS)})"
        )
    wanted = (*REQUIRED_COLUMNS, "DOC", *LAST_UPDATE_COLUMNS)
    position = {name: header.index(name) for name in wanted if name in header}
    schools: list[School] = []
    districts: list[District] = []
    skipped = 0
    updates: set[date] = set()
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        row = {name: _cell(cells[index]) if index < len(cells) else "" for name, index in position.items()}
        if not _CDS_CODE.match(row["CDSCode"]):
            skipped += 1
            continue
        active = row["StatusType"] == "Active"
        updated = _date(row.get("LastUpDate") or row.get("LastUpdate") or "")
        if updated:
            updates.add(updated)
        if row["School"]:
            schools.append(
                School(
                    row["CDSCode"],
                    row["School"],
                    row["District"],
                    row["City"],
                    row["GSoffered"],
                    row["Magnet"].upper(),
                    active,
                )  # fmt: skip
            )
        else:
            districts.append(
                District(row["CDSCode"], row["District"], row["City"], active, row.get("DOC", ""))
            )
    return Directory(tuple(schools), tuple(districts), skipped, max(updates, default=None))


def read_directory(path: Path) -> Directory:
    """Read a CDE export file (see ``parse_directory``)."""
    return parse_directory(read_text(path))


def load_directory() -> Directory:
    """The configured directory (``directory_path``), read once per process and path."""
    return _load(directory_path().resolve())


def clear_directory_cache() -> None:
    """Forget the loaded directory (after an import, or in tests that change SCHOOLS_FILE)."""
    _load.cache_clear()


@lru_cache(maxsize=4)
def _load(path: Path) -> Directory:
    return read_directory(path)


def _date(value: str) -> date | None:
    """2018-06-26 (this sample), 6/26/2018 or 2018-06-26 00:00:00 (other exports); None otherwise."""
    for layout in ("%Y-%m-%d", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(value, layout).date()
        except ValueError:
            continue
    return None


def _cell(value: str) -> str:
    """A cell without surrounding blanks or the quotes a spreadsheet may add ("Ann ""A"" Lee")."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace('""', '"').strip()
    return value
