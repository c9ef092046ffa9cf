"""Answers typed in sentences are understood."""

import pytest

from bot.rules.answers import extract_digits, extract_email, extract_name, means_no_answer


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ana", "Ana"),
        ("my name is María José", "María José"),
        ("me llamo Rosa.", "Rosa"),
        ("Mi apellido es Núñez-García", "Núñez-García"),
        ("  O'Brien  ", "O'Brien"),
        ("soy Juan Pérez", "Juan Pérez"),
        ("Esteban", "Esteban"),  # a name that starts like a lead-in stays whole
    ],
)
def test_extract_name(text, name):
    assert extract_name(text) == name


@pytest.mark.parametrize("text", ["none", "No", "skip", "no tengo", "N/A", "ninguno."])
def test_no_middle_name(text):
    assert means_no_answer(text)


def test_a_real_middle_name_is_not_a_no():
    assert not means_no_answer("Noemí")


def test_extract_email():
    assert extract_email("my email is ana_k@outlook.com.") == "ana_k@outlook.com"
    assert extract_email("mi correo es Rosa.H@Hotmail.com") == "Rosa.H@Hotmail.com"
    assert extract_email("not an email") == "not an email"


def test_extract_digits():
    assert extract_digits("los numeros son 4 8 1 9") == "4819"
    assert extract_digits("no se") == ""
