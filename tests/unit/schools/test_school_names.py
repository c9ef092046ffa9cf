"""Pure name matching: normalisation, typo-tolerant ranking and verdicts, district aliases, grades."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.district_names import district_aliases
from bot.rules.grades import grade_offered
from bot.rules.school_names import NameIndex, normalize_place_name


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("Hollywood Senior High", "hollywood high"),
        ("HOLLYWOOD SR. HIGH SCHOOL", "hollywood high"),
        ("hollywood hs", "hollywood high"),
        ("Escuela Primaria Eagle Rock", "elementary eagle rock"),
        ("Eagle Rock Elem.", "eagle rock elementary"),
        ("Eagle Rock ES", "eagle rock elementary"),
        ("Secundaria Mark Twain", "middle mark twain"),
        ("Mark Twain MS", "mark twain middle"),
        ("Mark Twain Jr. High", "mark twain middle"),
        ("Marc & Eva Stern Math and Science", "marc eva stern math science"),
        ("Niños y Familias", "ninos familias"),
        ("Ánimo Venice Charter", "animo venice charter"),
        ("Academia Moderna", "academy moderna"),
        ("St. Mary's Academy", "saint marys academy"),
        ("Lake St. Primary", "lake street primary"),
        ("Hooper Ave. Elementary", "hooper avenue elementary"),
        ("One Hundred Twenty-Second Street Elementary", "122 street elementary"),
        ("122nd St Elementary", "122 street elementary"),
        ("Compton USD", "compton unified"),
        ("Distrito Escolar Unificado de Los Ángeles", "unified los angeles"),
        ("Pasadena Unified School District", "pasadena unified"),
        ("Garfield Elementry", "garfield elementary"),
    ],
)
def test_names_are_reduced_to_canonical_words(typed: str, canonical: str) -> None:
    assert normalize_place_name(typed) == canonical


@given(st.text(max_size=80))
@settings(max_examples=300)
def test_normalisation_is_idempotent_and_never_crashes(text: str) -> None:
    once = normalize_place_name(text)
    assert normalize_place_name(once) == once


@given(
    st.lists(
        st.sampled_from("st hs es the y and & one hundred twenty second jr high x 5th . -".split()),
        max_size=8,
    )
)
def test_normalisation_is_idempotent_on_its_own_tricky_words(words: list[str]) -> None:
    once = normalize_place_name(" ".join(words))
    assert normalize_place_name(once) == once


SCHOOLS = NameIndex(
    (name, [name])
    for name in [
        "Hollywood Senior High",
        "North Hollywood Senior High",
        "Hollywood Primary Center",
        "Eagle Rock High",
        "Eagle Rock Elementary",
        "Theodore Roosevelt Senior High",
        "Daniel Pearl Journalism & Communications Magnet",
        "Ulysses S. Grant Senior High",
        "Grant Elementary",
    ]
)


@pytest.mark.parametrize(
    ("typed", "verdict", "first"),
    [
        ("Hollywood High", "exact", "Hollywood Senior High"),
        ("hollywood high school", "exact", "Hollywood Senior High"),
        ("HOLLYWOOD HS", "exact", "Hollywood Senior High"),
        ("hollywod hihg", "likely", "Hollywood Senior High"),
        ("Teodoro Roosvelt", "likely", "Theodore Roosevelt Senior High"),
        ("daniel pearl magnet", "likely", "Daniel Pearl Journalism & Communications Magnet"),
        ("Grant High", "likely", "Ulysses S. Grant Senior High"),
        ("eagle rock", "ambiguous", "Eagle Rock High"),
        ("eaglerock", "ambiguous", "Eagle Rock High"),
        ("escuela primaria eagle rock", "exact", "Eagle Rock Elementary"),
    ],
)
def test_typed_school_names_find_the_school(typed: str, verdict: str, first: str) -> None:
    found = SCHOOLS.match(typed)
    assert (found.verdict, found.candidates[0]) == (verdict, first)


def test_a_likely_match_offers_one_school_and_ambiguous_ones_offer_the_close_ones() -> None:
    assert SCHOOLS.match("Roosvelt").candidates == ["Theodore Roosevelt Senior High"]
    assert SCHOOLS.match("eagle rock").candidates == ["Eagle Rock High", "Eagle Rock Elementary"]
    hollywood = SCHOOLS.match("Hollywood")
    assert hollywood.verdict == "ambiguous"
    assert set(hollywood.candidates[:2]) == {"Hollywood Senior High", "Hollywood Primary Center"}
    assert [entry.score for entry in hollywood.ranked] == sorted(
        (e.score for e in hollywood.ranked), reverse=True
    )


@pytest.mark.parametrize(
    "typed", ["", "   ", "asdfgh", "qwerty zxcv", "high school", "elementary", "!!!", "12345"]
)
def test_nonsense_finds_nothing(typed: str) -> None:
    found = SCHOOLS.match(typed)
    assert (found.verdict, found.candidates) == ("none", [])


def test_never_more_than_five_candidates() -> None:
    many = NameIndex(
        (n, [f"Lincoln {word} Elementary"]) for n, word in enumerate("oak elm ash fir yew bay".split())
    )
    found = many.match("Lincoln")
    assert (found.verdict, len(found.candidates)) == ("ambiguous", 5)


@given(st.text(max_size=120))
@settings(max_examples=200)
def test_matching_never_crashes_and_gives_a_known_verdict(text: str) -> None:
    found = SCHOOLS.match(text)
    assert found.verdict in {"exact", "likely", "ambiguous", "none"}
    assert len(found.candidates) <= 5
    assert (found.verdict == "none") == (found.candidates == [])


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("Los Angeles Unified", ["Los Angeles Unified", "Los Angeles", "LAUSD", "LA Unified"]),
        ("Long Beach Unified", ["Long Beach Unified", "Long Beach", "LBUSD", "LB Unified"]),
        ("Glendale Unified", ["Glendale Unified", "Glendale"]),
        ("Whittier City Elementary", ["Whittier City Elementary", "Whittier"]),
        ("Culver City Unified", ["Culver City Unified", "Culver City", "CCUSD", "CC Unified"]),
        ("Antelope Valley Union High", ["Antelope Valley Union High", "Antelope Valley", "AVUHSD"]),
        ("Hawthorne", ["Hawthorne"]),
    ],
)
def test_district_short_forms_and_initials(name: str, aliases: list[str]) -> None:
    assert district_aliases(name) == aliases


DISTRICTS = NameIndex(
    (name, district_aliases(name))
    for name in [
        "Los Angeles Unified",
        "Long Beach Unified",
        "Compton Unified",
        "Glendale Unified",
        "Glendora Unified",
        "Whittier City Elementary",
        "Whittier Union High",
    ]
)


@pytest.mark.parametrize(
    ("typed", "verdict", "first"),
    [
        ("LAUSD", "exact", "Los Angeles Unified"),
        ("lausd", "exact", "Los Angeles Unified"),
        ("Los Angeles Unified School District", "exact", "Los Angeles Unified"),
        ("distrito escolar unificado de los ángeles", "exact", "Los Angeles Unified"),
        ("Long Beach", "exact", "Long Beach Unified"),
        ("Long Beach Unified", "exact", "Long Beach Unified"),
        ("Compton USD", "exact", "Compton Unified"),
        ("Glendale", "exact", "Glendale Unified"),
        ("Glendael", "likely", "Glendale Unified"),
        ("Whittier", "ambiguous", "Whittier City Elementary"),
    ],
)
def test_typed_district_names_find_the_district(typed: str, verdict: str, first: str) -> None:
    found = DISTRICTS.match(typed)
    assert (found.verdict, found.candidates[0]) == (verdict, first)


@pytest.mark.parametrize(
    ("grade", "gs_offered", "offered"),
    [
        ("K", "K-5", True),
        ("5", "K-5", True),
        ("6", "K-5", False),
        ("TK", "K-5", False),
        ("9", "9-12", True),
        ("12", "9-Adult", True),
        ("8", "9-12", False),
        ("3", "", None),
        ("3", "Adult", None),
    ],
)
def test_grade_offered_reads_gs_offered(grade: str, gs_offered: str, offered: bool | None) -> None:
    assert grade_offered(grade, gs_offered) is offered


def test_grade_offered_refuses_a_code_that_is_not_a_grade() -> None:
    with pytest.raises(ValueError):
        grade_offered("fifth", "K-5")
