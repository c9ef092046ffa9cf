"""Import the current CDE public-schools directory: ``python -m bot.schools.import_directory FILE``.

Download the tab-separated export (``pubschls.txt``) from https://www.cde.ca.gov/ds/si/ds/pubschls.asp.
Columns are found by name, so newer exports with extra or reordered columns work. The file is
checked, then written as UTF-8 to SCHOOLS_FILE (default var/schools/cde-schools.tsv), which the
assistant reads from its next start. Staff-facing output, English only.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.core.settings import schools_file
from bot.schools.directory import IMPORTED, Directory, DirectoryError, parse_directory, read_text
from bot.schools.lookup import LAUSD, select_lausd_schools, select_residence_districts


@dataclass(frozen=True)
class ImportSummary:
    """What an imported file holds, and where it was written."""

    destination: Path
    schools: int
    active_schools: int
    districts: int
    active_districts: int
    lausd_schools: int
    lausd_magnets: int
    skipped_rows: int
    directory: Directory

    def lines(self) -> list[str]:
        """The summary printed for the operator."""
        updated = self.directory.last_updated
        return [
            f"Imported into {self.destination}",
            f"  schools:   {self.schools} ({self.active_schools} active)",
            f"  districts: {self.districts} district-level rows ({self.active_districts} active districts of residence)",
            f"  {LAUSD}: {self.lausd_schools} active schools, {self.lausd_magnets} flagged Magnet=Y",
            f"  newest LastUpdate: {updated.isoformat() if updated else 'not given'}",
            *([f"  rows skipped (no 14-digit CDSCode): {self.skipped_rows}"] if self.skipped_rows else []),
            "Restart the action server, then run scripts/build_lookup_tables.py and retrain.",
        ]


def import_directory(source: Path, destination: Path | None = None) -> ImportSummary:
    """Check ``source`` and install it (atomically, as UTF-8); raises DirectoryError for a wrong file."""
    text = read_text(source)
    directory = parse_directory(text)
    lausd = select_lausd_schools(directory.schools)
    if not directory.schools:
        raise DirectoryError("the file has the right columns but no school rows")
    if not lausd:
        raise DirectoryError(
            f"the file has no active {LAUSD} school: is it the Los Angeles County or statewide file?"
        )
    target = destination or schools_file() or IMPORTED
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".import-", suffix=".tsv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)  # a running assistant never reads half a file
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return ImportSummary(
        destination=target,
        schools=len(directory.schools),
        active_schools=sum(school.active for school in directory.schools),
        districts=len(directory.districts),
        active_districts=len(select_residence_districts(directory.districts)),
        lausd_schools=len(lausd),
        lausd_magnets=sum(school.magnet_flag == "Y" for school in lausd),
        skipped_rows=directory.skipped_rows,
        directory=directory,
    )


def main(argv: list[str]) -> int:
    """Command line entry point: 0 imported, 1 refused (a message says why), 2 usage."""
    if len(argv) != 1 or argv[0] in ("-h", "--help"):
        print(
            "usage: python -m bot.schools.import_directory <CDE pubschls tab-separated file (.txt or .tsv)>"
        )
        return 2
    try:
        summary = import_directory(Path(argv[0]))
    except (DirectoryError, OSError) as problem:
        print(f"Not imported: {problem}", file=sys.stderr)
        return 1
    print("\n".join(summary.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
