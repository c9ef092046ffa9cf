from hypothesis import given
from hypothesis import strategies as st

from bot.rules.application_answers import free_text_answer, work_address


def test_answers_are_tidied() -> None:
    assert free_text_answer("  Kaiser\tPermanente \n").value == "Kaiser Permanente"


def test_empty_and_long_answers_are_refused() -> None:
    assert free_text_answer(" ... ").problem == "empty"
    assert free_text_answer("x" * 201).problem == "too_long"


def test_a_work_address_is_a_street_address() -> None:
    assert work_address("4867 Sunset Blvd, Los Angeles").ok
    assert work_address("PO Box 3307, Los Angeles").problem == "po_box"
    assert work_address("Apartado Postal 12").problem == "po_box"
    assert work_address("Sunset Boulevard").problem == "no_street_number"


@given(st.text(max_size=400))
def test_any_text_gets_a_value_or_a_problem(text: str) -> None:
    outcome = free_text_answer(text)
    assert outcome.ok or outcome.problem in {"empty", "too_long"}
    if outcome.value is not None:
        assert all(char.isprintable() for char in outcome.value)


def test_direction_is_read_from_words_in_both_languages() -> None:
    from bot.rules.application_answers import read_direction

    assert read_direction("Incoming, we live in Compton") == "incoming"
    assert read_direction("quiero salir de LAUSD") == "outgoing"
    assert read_direction("quiero que entre a una escuela de LAUSD") == "incoming"
    assert read_direction("no se") is None
