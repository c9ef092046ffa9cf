"""data/nlu/lookups/ is what scripts/build_lookup_tables.py makes from the shipped sample."""

from __future__ import annotations

import subprocess
import sys

import yaml

from bot.core.settings import PROJECT_ROOT
from bot.schools.directory import SAMPLE, read_directory
from bot.schools.nlu_lookups import LOOKUPS_DIR, lookup_tables


def test_the_committed_lookup_tables_equal_the_generated_ones() -> None:
    tables = lookup_tables(read_directory(SAMPLE), SAMPLE.name)
    assert sorted(tables) == ["districts.yml", "lausd_schools.yml"]
    for name, text in tables.items():
        assert (LOOKUPS_DIR / name).read_text(
            encoding="utf-8"
        ) == text, f"run scripts/build_lookup_tables.py ({name})"


def _entries(name: str) -> list[str]:
    document = yaml.safe_load((LOOKUPS_DIR / name).read_text(encoding="utf-8"))
    assert document["version"] == "3.1"
    (table,) = document["nlu"]
    return [line.removeprefix("- ") for line in table["examples"].splitlines()]


def test_the_tables_are_rasa_lookups_with_names_short_forms_and_initials() -> None:
    districts = _entries("districts.yml")
    assert {"Long Beach Unified", "Long Beach", "LBUSD", "Whittier", "Compton"} <= set(districts)
    # LAUSD is the home district: "into LAUSD" is a permit direction, not the `district` entity.
    assert not {"Los Angeles Unified", "LAUSD", "Los Angeles Unified ROCP"} & set(districts)
    assert len(districts) == len(set(districts))
    schools = _entries("lausd_schools.yml")
    assert len(schools) == 1021
    assert {"Hollywood Senior High", "Eagle Rock High", "Eagle Rock Elementary"} <= set(schools)


def test_the_script_check_mode_passes_on_the_committed_files() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/build_lookup_tables.py", "--check", "--source", str(SAMPLE)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (0, "")
