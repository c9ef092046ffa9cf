from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.school_names import match_name, normalize_name
from bot.schools.directory import DirectoryError, read_directory
from bot.schools.import_directory import main
from bot.schools.lookup import district_by_cds, find_district, find_lausd_school, school_by_cds

# Reordered and extra columns, as in newer CDE exports.
NEWER_EXPORT = (
    "Magnet\tSchool\tFaxNumber\tCDSCode\tDistrict\tStatusType\tCity\tGSoffered\tMultilingual\n"
    "N\tSunny Elementary\t\t19111110000001\tSunny Unified\tActive\tSunnyvale\tK-5\tN\n"
    "\t\t\t19111110000000\tSunny Unified\tActive\tSunnyvale\t\t\n"
)


def test_columns_are_read_by_name(tmp_path: Path) -> None:
    path = tmp_path / "pubschls.txt"
    path.write_text(NEWER_EXPORT, encoding="utf-8")
    schools, districts = read_directory(path)
    assert [(s.name, s.district, s.grades_offered, s.active) for s in schools] == [
        ("Sunny Elementary", "Sunny Unified", "K-5", True)
    ]
    assert [d.name for d in districts] == ["Sunny Unified"]


def test_the_importer_installs_a_good_file_and_refuses_a_bad_one(tmp_path: Path, monkeypatch, capsys) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(NEWER_EXPORT, encoding="utf-8")
    bad.write_text("Name\tCity\nX\tY\n", encoding="utf-8")
    monkeypatch.setenv("SCHOOLS_FILE", str(tmp_path / "installed.tsv"))
    assert main([str(good)]) == 0
    assert (tmp_path / "installed.tsv").read_text(encoding="utf-8") == NEWER_EXPORT
    assert main([str(bad)]) == 1
    assert "missing columns" in capsys.readouterr().out
    with pytest.raises(DirectoryError):
        read_directory(bad)


@pytest.mark.parametrize(
    ("typed", "school"),
    [
        ("Hollywood High", "Hollywood Senior High"),
        ("hollywood sr. hs", "Hollywood Senior High"),
        ("VENICE HS", "Venice Senior High"),
        ("ninth street elementary school", "Ninth Street Elementary"),
    ],
)
def test_lausd_schools_are_found_as_parents_write_them(typed: str, school: str) -> None:
    found = find_lausd_school(typed)
    assert found.verdict == "exact"
    assert found.candidates[0].name == school
    assert school_by_cds(found.candidates[0].cds) == found.candidates[0]


def test_a_shared_name_offers_choices_and_nonsense_finds_nothing() -> None:
    eagle = find_lausd_school("eagle rock")
    assert eagle.verdict == "ambiguous"
    assert {"Eagle Rock High", "Eagle Rock Elementary"} <= {c.name for c in eagle.candidates}
    assert find_lausd_school("zzz qqq").verdict == "none"


def test_districts_by_name_short_form_and_initials() -> None:
    assert find_district("Long Beach Unified").candidates[0].name == "Long Beach Unified"
    assert find_district("el distrito de Burbank").candidates[0].name == "Burbank Unified"
    assert find_district("compton usd").verdict == "exact"
    lausd = find_district("LAUSD").candidates[0]
    assert lausd.name == "Los Angeles Unified" and district_by_cds(lausd.cds) == lausd


def test_a_typo_still_finds_the_school() -> None:
    assert find_lausd_school("garfeld high").candidates[0].name == "James A. Garfield Senior High"


@given(st.text(max_size=200))
def test_normalising_is_idempotent_and_matching_never_fails(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once
    assert match_name(text, [("1", "hollywood high")]).verdict in {"exact", "likely", "ambiguous", "none"}
