"""Answers typed instead of tapped, as parents type them (issue 16)."""

import pytest

from bot.rules.parent_asks import looks_like_question, says_dont_know, says_no_account
from bot.rules.reason_words import read_reason
from bot.rules.typed_answers import read_yes_no


@pytest.mark.parametrize(
    "text",
    [
        "ya plz",
        "yep go ahead",
        "Yes",
        "sí claro",
        "si",
        "simon",
        "dale",
        "ok",
        "sure thanks",
        "Sí, por favor",
        "claro que si",
        "yes please",
        "looks good",
        "👍 yes",
    ],
)
def test_yes_in_its_forms(text):
    assert read_yes_no(text) == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "nope",
        "nah",
        "no gracias",
        "not yet",
        "todavía no",
        "nel",
        "No thanks",
        "ok todavia no la tengo",  # an acknowledgement first, then the no
        "Aún no la tengo",
        "bueno, no lo tengo todavía",
        "ok, I don't have it yet",
        "mmm no",
    ],
)
def test_no_in_its_forms(text):
    assert read_yes_no(text) == "no"


@pytest.mark.parametrize(
    "text",
    [
        "yes but my grade is wrong",
        "the grade is wrong",
        "what is a release?",
        "Maria",
        "3rd grade",
        "ok todavia no la tengo pero ya la pedi",  # more than a no: the parent says more
        "ok Maria",
    ],
)
def test_not_a_plain_yes_or_no(text):
    assert read_yes_no(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("parent employment", "parent_employment"),
        ("because I work in Hollywood", "parent_employment"),
        ("sibling", "sibling"),
        ("her bro alredy goes 2 franklin", "sibling"),
        ("por mi hermano", "sibling"),
        ("trabajo de los papas", "parent_employment"),
        ("mi trabajo queda cerca", "parent_employment"),
        ("daycare", "childcare"),
        ("my mom watches them while I work", "childcare"),
        ("la abuelita me los cuida mientras trabajo", "childcare"),
        ("she was bullied", "bullying"),
        ("acoso escolar", "bullying"),
        ("my husband is in the navy", "military"),
        ("dual language program", "specialized_program"),
        ("Military", "military"),
        ("hello", None),
        ("brother and bullying", None),
    ],
)
def test_reasons_in_words(text, reason):
    assert read_reason(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "what does sibling mean?",
        "qué significa hermano o hermana",
        "can I use my job",
        "when can i apply",
        "wen can i aply",
        "como subo los papeles",
        "¿y para guardería?",
    ],
)
def test_questions(text):
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "sibling",
        "Hospital Brotman",
        "because I work in Hollywood",
        "porque trabajo en Hollywood",
        "3rd grade",
    ],
)
def test_answers_are_not_questions(text):
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "i dont have no account yet",
        "I don't have an account",
        "no tengo cuenta",
        "No tengo una cuenta todavia",
        "I want to create an account",
        "never registered",
        "no me he registrado",
        "quiero crear una cuenta",
        "how do i sign up",
    ],
)
def test_no_account(text):
    assert says_no_account(text)


@pytest.mark.parametrize("text", ["parent.one@example.com", "my email is ana@x.org", "yes", "i have one"])
def test_not_no_account(text):
    assert not says_no_account(text)


@pytest.mark.parametrize(
    "text", ["I don't know", "idk", "no se", "no lo tengo", "not sure", "I dont have it"]
)
def test_dont_know(text):
    assert says_dont_know(text)


@pytest.mark.parametrize(
    "text",
    [
        "hi wen can i aply 4 a permit",
        "can I apply now? it's december",
        "how do I apply for a permit?",
        "¿Cómo subo los documentos?",
        "when can I apply for a permit?",
        "cuando puedo solicitar el permiso",
    ],
)
def test_questions_about_doing_something(text):
    from bot.rules.parent_asks import asks_rather_than_requests

    assert asks_rather_than_requests(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to apply for a permit",
        "quiero solicitar un permiso",
        "can you help me apply?",
        "/apply_permit",
        "apply for a permit",
        "necesito subir los papeles",
        "I need to apply for an outgoing permit",
    ],
)
def test_requests(text):
    from bot.rules.parent_asks import asks_rather_than_requests

    assert not asks_rather_than_requests(text)


def test_timing_questions():
    from bot.rules.parent_asks import asks_about_timing

    assert asks_about_timing("can I apply now? it's december")
    assert asks_about_timing("hi wen can i aply 4 a permit")
    assert not asks_about_timing("how do I apply for a permit?")


def test_upload_requests_and_childcare_stories():
    from bot.rules.parent_asks import wants_to_upload

    assert wants_to_upload("I need to upload documents for my daughter's permit")
    assert not wants_to_upload("how do I upload documents?")
    assert read_reason("My mom watches my two kids after school at her house") == "childcare"
    assert read_reason("mi suegra me los cuida") == "childcare"
