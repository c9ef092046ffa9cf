"""python -m bot.schools.import_directory: a good file is installed, a wrong one is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.settings import PROJECT_ROOT
from bot.schools.import_directory import main
from tests.unit.schools.conftest import NEWER_EXPORT


def test_a_good_file_is_installed_and_summarised(
    newer_export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    installed = tmp_path / "var" / "schools" / "cde.tsv"
    monkeypatch.setenv("SCHOOLS_FILE", str(installed))
    assert main([str(newer_export)]) == 0
    assert installed.read_text(encoding="utf-8") == NEWER_EXPORT
    out = capsys.readouterr().out
    assert "schools:   3 (2 active)" in out
    assert "districts: 3 district-level rows (2 active districts of residence)" in out
    assert "Los Angeles Unified: 2 active schools, 1 flagged Magnet=Y" in out
    assert "newest LastUpdate: 2025-04-30" in out
    assert "rows skipped (no 14-digit CDSCode): 1" in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("Name\tCity\nX\tY\n", "the header has no CDSCode, StatusType"),
        (
            NEWER_EXPORT.replace("Los Angeles Unified\tActive", "Pasadena Unified\tActive"),
            "no active Los Angeles Unified school",
        ),
        (NEWER_EXPORT.splitlines()[0] + "\n", "no school rows"),
    ],
)
def test_a_wrong_file_is_refused_and_nothing_is_written(
    content: str,
    reason: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source, installed = tmp_path / "pubschls.txt", tmp_path / "installed.tsv"
    source.write_text(content, encoding="utf-8")
    monkeypatch.setenv("SCHOOLS_FILE", str(installed))
    assert main([str(source)]) == 1
    assert reason in capsys.readouterr().err
    assert not installed.exists()


def test_the_command_line_exits_nonzero_with_a_friendly_message(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = subprocess.run(
        [sys.executable, "-m", "bot.schools.import_directory", str(missing)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
        env={"SCHOOLS_FILE": str(tmp_path / "x.tsv"), "PATH": ""},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == f"Not imported: cannot read {missing}: No such file or directory"
    assert "Traceback" not in result.stderr
    usage = subprocess.run(
        [sys.executable, "-m", "bot.schools.import_directory"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert usage.returncode == 2 and usage.stdout.startswith("usage:")
