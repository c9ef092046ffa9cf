"""Reading a CDE directory by column name: the shipped sample and newer exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.schools.directory import (
    SAMPLE,
    DirectoryError,
    District,
    School,
    directory_path,
    load_directory,
    read_directory,
)


def test_columns_are_found_by_name_in_a_reordered_export_with_extra_columns(newer_export: Path) -> None:
    directory = read_directory(newer_export)
    assert directory.schools[:2] == (
        School("19647330000001", "Sunny Elementary", "Los Angeles Unified", "Los Angeles", "K-5", "N", True),
        School("19647330000002", "River Magnet", "Los Angeles Unified", "Los Angeles", "6-8", "Y", True),
    )
    assert directory.schools[2].active is False  # Closed
    assert directory.districts[1] == District(
        "19647250000000", "Long Beach Unified", "Long Beach", True, "54"
    )
    assert directory.skipped_rows == 1  # "n/a" is not a CDS code
    assert directory.last_updated == date(2025, 4, 30)  # the "LastUpdate" spelling


def test_a_file_without_a_needed_column_is_refused_with_the_missing_names(tmp_path: Path) -> None:
    path = tmp_path / "schools.csv"
    path.write_text("CDSCode,School,District\n19647330000001,A,B\n", encoding="utf-8")
    with pytest.raises(DirectoryError, match="StatusType, District, School, City, GSoffered, Magnet"):
        read_directory(path)


def test_spreadsheet_quotes_and_windows_1252_text_are_read(tmp_path: Path) -> None:
    header = "CDSCode\tStatusType\tDistrict\tSchool\tCity\tGSoffered\tMagnet\n"
    row = '19647330000009\tActive\tLos Angeles Unified\t"Niños ""Unidos"" Elementary"\tLos Ángeles\tK-5\tN\n'
    path = tmp_path / "pubschls.txt"
    path.write_bytes((header + row).encode("cp1252"))
    (school,) = read_directory(path).schools
    assert (school.name, school.city) == ('Niños "Unidos" Elementary', "Los Ángeles")


def test_the_shipped_sample_has_the_counts_its_readme_states() -> None:
    directory = read_directory(SAMPLE)
    lausd = [s for s in directory.schools if s.district == "Los Angeles Unified"]
    assert len(directory.schools) + len(directory.districts) == 3684
    assert sum(s.active for s in lausd) == 1021  # plus the active district row: 1,022
    assert sum(s.active and s.magnet_flag == "Y" for s in lausd) == 161
    assert sum(d.active for d in directory.districts) == 101
    assert directory.last_updated == date(2018, 6, 26)
    assert directory.skipped_rows == 0


def test_schools_file_chooses_the_directory_and_loading_is_cached(
    newer_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCHOOLS_FILE", str(newer_export))
    assert directory_path() == newer_export
    assert load_directory() is load_directory()
    assert load_directory().schools[0].name == "Sunny Elementary"
