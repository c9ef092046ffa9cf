"""What the chat gets for a typed school or district, on the shipped 2018 sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.schools.lookup import (
    district_by_cds,
    find_district,
    find_lausd_school,
    lausd_schools,
    residence_districts,
    school_by_cds,
)

pytestmark = pytest.mark.usefixtures("sample_directory")


@pytest.mark.parametrize(
    ("typed", "verdict", "name"),
    [
        ("Hollywood High", "exact", "Hollywood Senior High"),
        ("hollywood high school", "exact", "Hollywood Senior High"),
        ("Hollywood HS", "exact", "Hollywood Senior High"),
        ("hollywod hihg", "likely", "Hollywood Senior High"),
        ("Fairfax", "likely", "Fairfax Senior High"),
        ("Jhon Marshal", "likely", "John Marshall Senior High"),
        ("escuela primaria eagle rock", "exact", "Eagle Rock Elementary"),
        ("122nd St. Elementary", "exact", "One Hundred Twenty-Second Street Elementary"),
        ("Ánimo Venice", "likely", "Animo Venice Charter High"),
    ],
)
def test_a_parent_finds_an_lausd_school(typed: str, verdict: str, name: str) -> None:
    found = find_lausd_school(typed)
    assert (found.verdict, found.candidates[0].name) == (verdict, name)


def test_eagle_rock_offers_both_schools_to_choose_from() -> None:
    found = find_lausd_school("eagle rock")
    assert found.verdict == "ambiguous"
    assert [school.name for school in found.candidates] == ["Eagle Rock High", "Eagle Rock Elementary"]


def test_a_school_carries_what_the_permit_rules_need() -> None:
    (school,) = find_lausd_school("Hollywood High").candidates
    assert (school.cds, school.city, school.grades_offered, school.magnet_flag) == (
        "19647331934033",
        "Los Angeles",
        "9-12",
        "Y",
    )
    assert school_by_cds(" 19647331934033 ") == school


@pytest.mark.parametrize("typed", ["asdfgh", "qwerty zxcv", "high school", ""])
def test_nonsense_finds_no_school(typed: str) -> None:
    assert find_lausd_school(typed).verdict == "none"


def test_only_active_lausd_schools_are_offered() -> None:
    schools = lausd_schools()
    assert len(schools) == 1021
    assert {school.district for school in schools} == {"Los Angeles Unified"}
    assert all(school.active for school in schools)
    assert school_by_cds("19647250000000") is None  # a district code, not a school
    # Long Beach's Wilson High is not an LAUSD school: the LAUSD one is offered.
    assert {school.city for school in find_lausd_school("Woodrow Wilson High").candidates} == {"Los Angeles"}


@pytest.mark.parametrize(
    ("typed", "verdict", "name"),
    [
        ("LAUSD", "exact", "Los Angeles Unified"),
        ("Los Angeles Unified", "exact", "Los Angeles Unified"),
        ("Long Beach Unified", "exact", "Long Beach Unified"),
        ("long beach", "exact", "Long Beach Unified"),
        ("LBUSD", "exact", "Long Beach Unified"),
        ("Compton USD", "exact", "Compton Unified"),
        ("Glendale", "exact", "Glendale Unified"),
        ("distrito escolar de Pasadena", "exact", "Pasadena Unified"),
        ("torrence", "likely", "Torrance Unified"),
        ("Santa Monica", "likely", "Santa Monica-Malibu Unified"),
        ("Whittier", "ambiguous", "Whittier City Elementary"),
    ],
)
def test_a_parent_finds_a_district(typed: str, verdict: str, name: str) -> None:
    found = find_district(typed)
    assert (found.verdict, found.candidates[0].name) == (verdict, name)


def test_districts_of_residence_are_school_districts_only() -> None:
    names = {district.name for district in residence_districts()}
    assert len(names) == 80
    assert {"Los Angeles Unified", "Long Beach Unified", "Hawthorne"} <= names
    assert not names & {
        "Los Angeles Unified ROCP",
        "Los Angeles County Office of Education",
        "SBE - Celerity Rolas",
    }
    assert district_by_cds("19647330000000") == find_district("LAUSD").candidates[0]
    assert district_by_cds("19744350000000") is None  # Los Angeles Unified ROCP


def test_a_lookup_reads_the_configured_file(newer_export: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHOOLS_FILE", str(newer_export))
    assert [school.name for school in lausd_schools()] == ["Sunny Elementary", "River Magnet"]
    assert find_lausd_school("sunny elementary school").verdict == "exact"
    assert find_lausd_school("old oak").verdict == "none"  # closed
