"""Import the current CDE public-schools directory: `python -m bot.schools.import_directory FILE`.

Download the tab-separated export from https://www.cde.ca.gov/ds/si/ds/pubschls.asp; columns are
selected by name, so newer exports with extra columns work. The file is checked, then copied to
SCHOOLS_FILE (or var/schools/cde-schools.tsv), which the assistant reads from its next start.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from bot.schools.directory import IMPORTED, DirectoryError, read_directory


def import_directory(source: Path, target: Path | None = None) -> str:
    """Check `source` and install it; returns the summary printed for the operator."""
    schools, districts = read_directory(source)  # raises DirectoryError for a wrong file
    if not schools:
        raise DirectoryError("the file has no school rows")
    destination = target or Path(os.environ.get("SCHOOLS_FILE") or IMPORTED)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, destination)
    active = [s for s in schools if s.active]
    magnets = [s for s in active if s.magnet_flag.upper() == "Y"]
    return (
        f"Imported {len(schools)} schools ({len(active)} active, {len(magnets)} flagged magnet) and "
        f"{len(districts)} districts into {destination}. Restart the action server to use it."
    )


def main(argv: list[str]) -> int:
    """Command line entry point."""
    if len(argv) != 1:
        print("usage: python -m bot.schools.import_directory <CDE pubschls tab-separated file>")
        return 2
    try:
        print(import_directory(Path(argv[0])))
    except (OSError, DirectoryError, UnicodeDecodeError) as problem:
        print(f"Not imported: {problem}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
