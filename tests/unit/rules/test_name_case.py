"""Names as people write them, in replies and emails (bot/rules/name_case.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.name_case import capitalize_name


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("rosa", "Rosa"),
        ("ROSA", "Rosa"),
        ("jessica ramirez", "Jessica Ramirez"),
        ("de la cruz", "de la Cruz"),
        ("DE LA CRUZ", "de la Cruz"),
        ("maria de los angeles", "Maria de los Angeles"),
        ("maría del carmen", "María del Carmen"),
        ("núñez-garcía", "Núñez-García"),
        ("garcía y lópez", "García y López"),
        ("o'neil", "O'Neil"),
        ("d'angelo", "D'Angelo"),
        ("mcdonald", "McDonald"),
        ("macías", "Macías"),
        ("mackey", "Mackey"),
        ("dos santos", "dos Santos"),
        ("van", "Van"),  # a first name on its own is not a particle
        ("la", "La"),  # nor is a surname La
        ("le thi hoa", "Le Thi Hoa"),
        ("ma. guadalupe", "Ma. Guadalupe"),
        ("john smith iii", "John Smith III"),
        ("robert jr.", "Robert Jr."),
        ("ÉMILE", "Émile"),
    ],
)
def test_names_typed_in_one_case_are_written_as_people_write_them(typed: str, written: str) -> None:
    assert capitalize_name(typed) == written


@pytest.mark.parametrize(
    "typed", ["McDonald", "de la Cruz", "O'Neil", "DeShawn", "LaToya", "MacKenzie", "von Trapp"]
)
def test_names_typed_in_mixed_case_are_kept_exactly(typed: str) -> None:
    assert capitalize_name(typed) == typed


@pytest.mark.parametrize("typed", ["李小龙", "Nguyễn", ""])
def test_names_without_a_case_question_are_unchanged(typed: str) -> None:
    assert capitalize_name(typed) == typed


names = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzáéíóúñü '-"), min_size=1, max_size=30)


@given(names)
def test_only_the_case_changes_and_the_result_is_stable(typed: str) -> None:
    written = capitalize_name(typed)
    assert written.lower() == typed.lower()
    assert capitalize_name(written) == written
