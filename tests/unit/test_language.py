"""The conversation language follows the parent, and does not flip on "ok", numbers or names."""

import pytest

from bot.language.detection import choose_language


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("hola", None, "es"),
        ("¿Cuándo puedo solicitar un permiso?", None, "es"),
        ("q documentos nesesito pa el permit", "en", "es"),
        ("When can I apply for a permit?", "es", "en"),
        ("fecha limite?", "en", "es"),
    ],
)
def test_follows_what_the_parent_writes(text, current, expected):
    assert choose_language(text, current) == expected


@pytest.mark.parametrize(
    "text",
    ["ok", "OK!", "1", "2", "maria.lopez@gmail.com", "Maria Lopez", "Juan", "no", "LA-7K3M-9QX2", "/greet"],
)
@pytest.mark.parametrize("current", ["en", "es"])
def test_does_not_flip_on_neutral_replies(text, current):
    assert choose_language(text, current) is None


def test_an_explicit_request_wins():
    assert choose_language("can you speak spanish", "en", requested="es") == "es"
    assert choose_language("¿puedes hablar en inglés?", "es", requested="en") == "en"


def test_form_answers_never_flip():
    assert choose_language("Núñez García", "en", answering_form=True) is None


def test_channel_hint_decides_only_when_the_text_cannot():
    assert choose_language("1", None, hint="es-MX") == "es"
    assert choose_language("When can I apply for a permit?", None, hint="es") == "en"
    assert choose_language("ok", "en", hint="es") is None


def test_a_one_word_first_message_follows_the_page():
    # "hello" on the English page was greeted in Spanish (issue 16).
    assert choose_language("hello", None, hint="en") == "en"
    assert choose_language("Hello!", None, hint="es") == "en"
    assert choose_language("hola", None, hint="en") == "es"
    assert choose_language("info", None, hint="es") == "es"
    assert choose_language("permit", None, hint="en") == "en"
    assert choose_language("hola", None, hint="es") == "es"
    assert choose_language("hola buenos dias", None, hint="en") == "es"
    assert choose_language("hola", None) == "es"


def test_a_loanword_in_a_sentence_of_the_conversations_language_does_not_flip_it():
    assert choose_language("¿y si es por bullying?", "es") is None  # lingua: English at 0.85
    assert choose_language("and for childcare?", "es") == "en"  # an English sentence still switches
    assert choose_language("hola quiero un permiso para mi hijo", "en") == "es"
