"""Short FAQ questions in parents' words (issue 16): "y eso dónde lo subo", "y si no la aceptan?",
"con quién lo confirmo", "what does sibling mean?" get their topic whatever the classifier guessed
(it read most of them as "yes" because of a leading "y" / "ok")."""

import pytest

from bot.rules.question_topics import question_topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("ok y eso donde lo subo", "upload_document"),
        ("where do I upload the documents?", "upload_document"),
        ("¿dónde subo los papeles?", "upload_document"),
        ("y si no la aceptan?", "ask_appeal"),
        ("y si el distrito me dice q no otra vez?", "ask_appeal"),
        ("what if long beach says no", "ask_appeal"),
        ("what is the deadline to appeal a denial", "ask_appeal"),
        ("cual es el plazo para apelar", "ask_appeal"),
        ("y eso con quien lo confirmo", "ask_contact"),
        ("y el correo?", "ask_contact"),
        ("what's the office's email?", "ask_contact"),
        ("my kid got kicked out of the program and nobody tells me nothing", "ask_contact"),
        ("nadie me dice nada de la solicitud de mi hija", "ask_contact"),
        ("y cuando se pase a la secundaria?", "ask_renewal"),
        ("and when she goes to middle school?", "ask_renewal"),
        ("ok y donde lo hago, en la pagina del distrito?", "apply_permit"),
        ("where do I apply?", "apply_permit"),
        ("ok y q pasa despues de mandarla", "ask_processing_time"),
        ("como me avisan, por carta?", "ask_processing_time"),
        ("y si no subo los papeles?", "ask_processing_time"),
        ("what if I send them late", "ask_processing_time"),
        ("ya mande la solicitud y me dieron un numero, y ahora q sigue?", "ask_processing_time"),
        ("nesesito info del permit", "ask_capabilities"),
        ("we live in long beach, who do I ask", "ask_release"),
        ("where do I get the release?", "ask_release"),
        ("should I take her out of her current school now?", "ask_provisional_enrollment"),
        ("¿la saco ya de su escuela actual?", "ask_provisional_enrollment"),
        ("¿a quién se la pido?", "ask_release"),
        ("I need info about permits", "ask_capabilities"),
    ],
)
def test_short_faq_questions_get_their_topic(text, topic):
    assert question_topic(text) == (topic, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("what does sibling mean?", "sibling"),
        ("y lo del bullying como funciona", "bullying"),
        ("eso tiene prioridad?", "bullying"),
        ("do military families get priority?", "military"),
        ("cuantas horas tengo q trabajar ahi pa q cuente", "parent_employment"),
        ("how many hours do I have to work there?", "parent_employment"),
        (
            "Yo vivo en Compton pero trabajo todo el dia y mi suegra es la que me cuida a los niños. "
            "Eso cuenta como razon para el permiso?",
            "childcare",
        ),
    ],
)
def test_what_a_reason_means_is_the_reason_explained(text, reason):
    assert question_topic(text) == ("ask_permit_reasons", reason)


@pytest.mark.parametrize(
    "text",
    [
        "iniciar solicitud",
        "buenas tardes, ya active mi cuenta y quiero llenar la solicitud del permiso pa entrar a LAUSD",
        "I want to start an application",
    ],
)
def test_a_request_to_start_an_application_is_a_request(text):
    assert question_topic(text) == ("apply_permit", None)


@pytest.mark.parametrize(
    "text",
    [
        "wat else do i need 2 send",
        "y q papeles me faltan?",
        "I have police reports, do those count?",
        "where do I get the affidavit form?",
    ],
)
def test_what_else_is_needed_is_a_documents_question(text):
    assert question_topic(text) == ("ask_documents", None)


@pytest.mark.parametrize(
    "text",
    ["Hospital Brotman", "Maria Guadalupe", "yes", "no", "3828 Delmas Terrace, Culver City", "trabajo en Culver City"],
)
def test_answers_are_not_questions(text):
    assert question_topic(text) is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what is the deadline for parent employment?", "ask_application_dates"),
        ("¿cuántas horas trabaja la oficina?", None),
        ("y eso donde lo pido?", None),
        ("quiero sacar a mi hijo de la escuela de LAUSD para llevarlo a Glendale", None),  # at the release question: the release, not the application
    ],
)
def test_a_reason_named_in_another_topics_question_keeps_that_topic(text, topic):
    found = question_topic(text)
    assert (found[0] if found else None) == topic


@pytest.mark.parametrize(
    "text",
    [
        "does it work on safari",  # the browser, not whether a document counts
        "how does this work",  # what the assistant does, not the parent-employment reason
        "what is the email for",  # why it is needed, not the office's address
        "how long after i upload the docs do i get a response",  # processing time, not where to upload
    ],
)
def test_look_alike_questions_are_left_to_the_classifier(text):
    assert question_topic(text) is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("do these count?", "ask_documents"),
        ("how does parent employment work", "ask_permit_reasons"),
        ("what is the email", "ask_contact"),
        ("how do i upload them", "upload_document"),
    ],
)
def test_their_neighbours_keep_their_topic(text, topic):
    found = question_topic(text)
    assert (found[0] if found else None) == topic
