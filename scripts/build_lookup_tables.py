"""Write data/nlu/lookups/districts.yml and lausd_schools.yml from the schools directory.

Run after importing a new CDE file, then retrain:
    .venv-actions/bin/python scripts/build_lookup_tables.py            # the configured directory
    .venv-actions/bin/python scripts/build_lookup_tables.py --source bot/schools/data/cde-schools-los-angeles.tsv
    .venv-actions/bin/python scripts/build_lookup_tables.py --check    # exit 1 when the files are stale
The committed files come from the shipped sample; tests/unit/schools/test_lookup_tables.py checks it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.schools.directory import DirectoryError, directory_path, read_directory  # noqa: E402
from bot.schools.nlu_lookups import LOOKUPS_DIR, lookup_tables, write_lookup_tables  # noqa: E402


def main(argv: list[str]) -> int:
    """Generate (or, with --check, compare) the lookup tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source", type=Path, help="CDE directory file (default: SCHOOLS_FILE, the import, or the sample)"
    )
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when a file differs")
    args = parser.parse_args(argv)
    source: Path = args.source or directory_path()
    try:
        tables = lookup_tables(read_directory(source), source.name)
    except DirectoryError as problem:
        print(f"Cannot read the directory: {problem}", file=sys.stderr)
        return 1
    if args.check:
        stale = [name for name, text in tables.items() if _current(LOOKUPS_DIR / name) != text]
        for name in stale:
            print(f"out of date: data/nlu/lookups/{name} (run scripts/build_lookup_tables.py)")
        return 1 if stale else 0
    changed = write_lookup_tables(tables)
    for name, text in tables.items():
        print(
            f"data/nlu/lookups/{name}: {text.count(chr(10) + '    - ')} entries{' (changed)' if LOOKUPS_DIR / name in changed else ''}"
        )
    return 0


def _current(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
