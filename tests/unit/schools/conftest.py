"""The shipped sample as the configured directory, and a tiny CDE file in a newer export's layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.schools.directory import SAMPLE, clear_directory_cache
from bot.schools.lookup import clear_lookup_cache

# Columns reordered, a newer export's extra columns, "Website"/"LastUpdate" spelt the newer way.
NEWER_EXPORT = (
    "\n".join(
        [
            "Magnet\tSchool\tFaxNumber\tCDSCode\tWebsite\tDistrict\tStatusType\tCity\tGSoffered\tDOC\tLastUpdate\tMultilingual",
            "N\tSunny Elementary\t\t19647330000001\twww.sunny.org\tLos Angeles Unified\tActive\tLos Angeles\tK-5\t54\t2025-03-01\tN",
            "Y\tRiver Magnet\t\t19647330000002\t\tLos Angeles Unified\tActive\tLos Angeles\t6-8\t54\t2025-04-30\tN",
            "\tOld Oak Elementary\t\t19647330000003\t\tLos Angeles Unified\tClosed\tLos Angeles\tK-5\t54\t2019-06-01\t",
            "\t\t\t19647330000000\t\tLos Angeles Unified\tActive\tLos Angeles\t\t54\t2024-01-01\t",
            "\t\t\t19647250000000\t\tLong Beach Unified\tActive\tLong Beach\t\t54\t2024-01-01\t",
            "\t\t\t19744350000000\t\tLos Angeles Unified ROCP\tActive\tLos Angeles\t\t98\t2024-01-01\t",
            "\tNo Code School\t\tn/a\t\tLos Angeles Unified\tActive\tLos Angeles\tK-5\t54\t\t",
        ]
    )
    + "\n"
)


@pytest.fixture
def newer_export(tmp_path: Path) -> Path:
    path = tmp_path / "pubschls.txt"
    path.write_text(NEWER_EXPORT, encoding="utf-8")
    return path


@pytest.fixture
def sample_directory(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Lookups read the shipped 2018 sample, whatever is imported on this machine."""
    monkeypatch.setenv("SCHOOLS_FILE", str(SAMPLE))
    yield SAMPLE
    clear_directory_cache()
    clear_lookup_cache()
