"""A parent talks to the running assistant through the REST webhook, in English and Spanish."""

from tests.e2e.conftest import say, text_of


def test_spanish_question_gets_a_spanish_answer_with_the_date(servers, sender):
    answer = text_of(say(sender, "¿Cuándo puedo solicitar un permiso?"))
    assert "1 de febrero" in answer
    assert "30 de abril" in answer


def test_english_question_gets_an_english_answer(servers, sender):
    answer = text_of(say(sender, "When can I apply for a permit?"))
    assert "February 1" in answer
    assert "febrero" not in answer


def test_documents_for_a_reason_come_from_the_action_server(servers, sender):
    answer = text_of(say(sender, "que documentos necesito para el permiso por cuidado de niños"))
    assert "Declaración Jurada de Cuidado de Niños" in answer


def test_reason_buttons_then_a_click(servers, sender):
    first = say(sender, "what documents do I need?")
    buttons = [b for m in first for b in m.get("buttons", [])]
    assert "Childcare" in [b["title"] for b in buttons]
    payload = next(b["payload"] for b in buttons if b["title"] == "Childcare")
    assert "Childcare Affidavit" in text_of(say(sender, payload))


def test_greeting_shows_the_menu(servers, sender):
    messages = say(sender, "hola buenos dias")
    assert "Soy el asistente de permisos" in text_of(messages)
    titles = [b["title"] for m in messages for b in m.get("buttons", [])]
    assert "¿Cuándo puedo solicitar?" in titles


def test_switching_language_on_request(servers, sender):
    assert "1 de febrero" in text_of(say(sender, "cuando abren las solicitudes de permisos"))
    assert "English" in text_of(say(sender, "English please"))
    assert "February 1" in text_of(say(sender, "/ask_application_dates"))


def test_a_language_asked_for_with_a_question_answers_the_question_in_that_language(servers, sender):
    assert "February 1" in text_of(say(sender, "When can I apply for a permit?"))
    answer = text_of(say(sender, "in spanish please, what documents do i need for childcare?"))
    assert "Declaración Jurada de Cuidado de Niños" in answer


def test_ok_does_not_flip_the_language(servers, sender):
    say(sender, "hola, necesito informacion sobre permisos")
    assert "febrero" in text_of(say(sender, "/ask_application_dates"))
    say(sender, "ok")
    assert "febrero" in text_of(say(sender, "/ask_application_dates"))


def test_channel_language_hint(servers, sender):
    answer = text_of(say(sender, "/ask_application_dates", metadata={"language": "es"}))
    assert "1 de febrero" in answer


def test_not_understood_twice_offers_the_office(servers, sender):
    # Which nonsense the classifier is unsure of changes with every training run (the
    # conversation tests cover that); here the low-confidence intent is sent as a payload.
    say(sender, "hola")
    first = text_of(say(sender, "/nlu_fallback"))
    second = text_of(say(sender, "/nlu_fallback"))
    assert "de otra forma" in first
    assert "Applyforschools@lausd.net" in second


def test_conversation_survives_a_restart(servers, sender):
    say(sender, "hola, quiero saber sobre los permisos")
    servers.restart()
    assert "1 de febrero" in text_of(say(sender, "/ask_application_dates"))
