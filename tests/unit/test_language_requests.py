"""A language asked for in so many words is honoured even when a question comes with it."""

import pytest

from bot.language.requests import requested_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("in spanish please, what documents do i need for childcare", "es"),
        ("mejor en español, y pa salir del distrito hasta cuando?", "es"),
        ("can we do this in english? when can I apply", "en"),
        ("¿me puedes hablar en inglés?", "en"),
        ("en espanol por favor", "es"),
        ("speak to me in spanish", "es"),
        ("podemos seguir en ingles?", "en"),
    ],
)
def test_a_request_names_the_language(text, language):
    assert requested_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "my son is in the English learner class",
        "habla español en casa",
        "mi hijo esta en clases de ingles",
        "she speaks spanish at home",
        "When can I apply for a permit?",
    ],
)
def test_a_language_named_in_passing_is_not_a_request(text):
    assert requested_language(text) is None
