"""Questions whose topic the words make certain (issue 16): documents, and follow-ups naming a reason."""

import pytest

from bot.rules.question_topics import APPLY, DOCUMENTS, question_topic


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("y q papeles piden", None),
        ("¿y para guardería?", "childcare"),
        ("and for childcare?", "childcare"),
        ("what about if it's because of my job?", "parent_employment"),
        ("y si la abuela no tiene guarderia, nomas los cuida en su casa?", "childcare"),
        (
            "mi hijo el mayor ya va en la Franklin High y quiero q su hermanita tambien vaya ahi. "
            "q papeles me van a pedir?",
            "sibling",
        ),
        ("What documents do I need for a permit?", None),
        (
            "none of those, something else. my husband is sick and I need my kids close to the hospital",
            "exception",
        ),
        ("ninguno de esos, es otra situacion", "exception"),
    ],
)
def test_documents_questions_in_any_wording(text, reason):
    assert question_topic(text) == (DOCUMENTS, reason)


@pytest.mark.parametrize(
    "text",
    [
        "my documents were rejected, why?",
        "I don't have the documents yet",
        "yes",
        "/ask_documents",
    ],
)
def test_other_topics_are_left_to_the_classifier(text):
    assert question_topic(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "quiero solicitar permiso pa q mi hija entre a Dolores Huerta Elementary de LAUSD, vivimos en Compton"
        " y es porque le hacen bullying en su escuela",
        "necesito el permiso de salida del LAUSD pa mi hijo",
        "I want to apply for a permit so my son can leave LAUSD",
        "we need to get a permit for my daughter, her brother goes to Franklin",
    ],
)
def test_a_request_to_apply_with_a_story_is_a_request(text):
    assert question_topic(text) == (APPLY, None)


def test_a_question_about_applying_is_not_a_request():
    assert question_topic("can I apply for a permit now?") is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("no no, solo quiero saber las fechas", "ask_application_dates"),
        ("i just wanna kno the dates", "ask_application_dates"),
        ("y si es pa salir del distrito hasta cuando hay chanse", "ask_application_dates"),
        (
            "ola buenas noches kiero saver cuando abren los permisos pa el proximo año",
            "ask_application_dates",
        ),
        ("sabe q, mejor lo hago despues", "stop"),
        ("quiero otra cosa", "stop"),
        ("never mind, I'll do it later", "stop"),
        ("I want to see my applications", "check_status"),
        ("what happens next", "ask_processing_time"),
        ("ok y la nueva la pongo aqui?", "ask_password_rules"),
        ("do I type my password here?", "ask_password_rules"),
        ("ah ok y todavia no tengo cuenta, la nesesito pa eso?", "create_account"),
        ("es q todavia no me he registrado en nada", "create_account"),
        ("ya mande la solicitud y ahora que?", "ask_processing_time"),
        (
            "cuales son las razones pa sacar a mi hijo de LAUSD y llevarlo a una escuela de otro distrito?",
            "ask_permit_reasons",
        ),
        ("what are the reasons to leave LAUSD", "ask_permit_reasons"),
        ("ok I activated it and made my password. can we do the application now?", "apply_permit"),
        ("ya podemos hacer la solicitud?", "apply_permit"),
        ("quiero ver mis solicitudes", "check_status"),
        ("buenas, quiero meter el permiso de mi hijo pa la school de LA", "apply_permit"),
    ],
)
def test_dates_leaving_and_requests_in_parents_words(text, topic):
    assert question_topic(text) == (topic, None)


def test_a_later_inside_a_question_or_an_answer_is_not_leaving():
    assert question_topic("can I do it later?") is None
    assert question_topic("no, I will get the release next week") is None


@pytest.mark.parametrize(
    ("text", "new_code"),
    [
        ("I never activated my account, I just clicked the link now", True),
        ("ok sign me in please", True),
        ("no me llego el codigo", True),
        ("mandeme otro", True),
        ("123456", False),
        ("my code is 12345", False),
        ("what code?", False),
    ],
)
def test_asking_for_a_new_code_at_the_code_question(text, new_code):
    from bot.rules.parent_asks import asks_for_a_new_code

    assert asks_for_a_new_code(text) is new_code


@pytest.mark.parametrize("text", ["y pa salir del distrito?", "and for leaving LAUSD?", "y para entrar?"])
def test_a_follow_up_naming_only_a_direction_is_left_to_the_previous_topic(text):
    assert question_topic(text) == ("inform", None)


def test_waiting_until_february_is_a_dates_question():
    assert question_topic("So for next school year I have to wait until February?") == (
        "ask_application_dates",
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "what are the password requirements",
        "what happens if i never send the papers, do they still process it",
        "y si nunca mando los papeles, igual lo procesan?",
        "cuales son los requisitos de la contraseña",
        "por que me piden el segundo nombre",
    ],
)
def test_passwords_and_papers_never_sent_are_other_topics(text):
    assert question_topic(text) is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("dejalo asi, ya no quiero hacer la aplicacion ahorita, mejor lo hago otro dia", "stop"),
        ("i tried 5 passwords and none of them are accepted, what are the rules for it", None),
        ("me dice que necesito una cuenta de padre, como la abro?", None),
        ("que necesito para el permiso", "ask_documents"),
        ("quiero solicitar un permiso para mi hija", "apply_permit"),
    ],
)
def test_a_negated_request_and_look_alike_words_do_not_start_the_wrong_topic(text, topic):
    found = question_topic(text)
    assert (found[0] if found else None) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # "what now?" after a denial, a refused release, or while attending without a permit
        ("nos negaron el permiso, q sigue", ("ask_appeal", None)),
        ("they turned down our permit, what now", ("ask_appeal", None)),
        ("Pasadena USD won't release him, now what", ("ask_release", None)),
        ("la directora lo recibe sin permiso, q pasa despues", ("ask_provisional_enrollment", None)),
        ("hasta cuando puede ir provisionalmente", ("ask_provisional_enrollment", None)),
        # documents already sent, signing in to see an application, renewals, "para qué": the
        # classifier's (status, sign-in, renewal, why-needed) intents are left alone
        ("ya revisaron los papeles que mande?", None),
        ("did they receive the documents i sent?", None),
        ("dice pending documents, que hago", None),
        ("quiero entrar pa ver mi solicitud pero no me acuerdo de la clave", None),
        ("i wanna log in to see my application", None),
        ("when is the renewal deadline", ("ask_renewal", None)),
        ("para que me piden eso", None),
    ],
)
def test_what_the_words_around_a_topic_word_make_of_it(text, topic):
    """Found by checking the rules against the training data's intents (docs/performance.md)."""
    assert question_topic(text) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("pa q quieren mi correo y mi nombre completo", None),  # why it is asked: the classifier's
        ("eso sirve de razon?", None),  # the reason itself, not its documents
        ("como cargo el comprobante", None),  # uploading
        ("ya escanie los papeles, ahora q", None),
        ("si me falta un documento se atrasa?", None),  # how long it takes
        ("my babysitter lives in LA, what does she need to sign", (DOCUMENTS, "childcare")),
        ("ahora q lo quiero renovar no me acuerdo de la contraseña, como la cambio", None),
    ],
)
def test_topic_words_in_other_questions_found_by_cross_validation(text, topic):
    """Sentences of the training data the rules read against their intent, under 5-fold
    cross-validation (docs/performance.md, session 8)."""
    assert question_topic(text) == topic
