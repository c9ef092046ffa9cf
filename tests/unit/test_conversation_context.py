"""Follow-ups keep what the conversation already said (issue 16): the documents still missing after a
status answer, the direction of a family leaving LAUSD, the reason a whole story names, the
outgoing parent-employment proof, a corrected birth date after "not found"."""

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionExplainDocuments, ActionExplainReasons
from actions.out_of_context import ActionRespondOutOfContext
from bot.core.text import catalog
from bot.nlg.render import render_response
from bot.rules.application_answers import read_direction
from bot.rules.parent_asks import asks_what_it_means
from tests.domain import load_domain


def run(action, text: str, intent: str, events=(), entities=(), **slots):
    message = {"text": text, "intent": {"name": intent}, "entities": list(entities)}
    tracker = Tracker("t", {"language": "es", **slots}, message, list(events), False, None, {}, None)
    dispatcher = CollectingDispatcher()
    result = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, result


def shown(message: dict, locale: str) -> str:
    response = load_domain()["responses"][message["response"]][0]
    params = {k: v for k, v in message.items() if k not in ("response", "buttons", "template")}
    return render_response(catalog(), response, locale, params)["text"]


STATUS_SHOWN = [
    {"event": "user", "text": "15/03/2018"},
    {
        "event": "bot",
        "text": "Solicitud LA-K42N-JQKE-7 de Ana: ...",
        "metadata": {
            "utter_action": "utter_status_answer",
            "missing_documents": "release_from_residence,sibling_enrollment",
        },
    },
]


def test_what_is_missing_right_after_a_status_answer_is_that_applications_list():
    messages, _ = run(ActionExplainDocuments(), "y q papeles me faltan?", "ask_documents", STATUS_SHOWN)
    assert len(messages) == 1 and not messages[0].get("response")
    text = messages[0]["text"]
    assert "autorización" in text and "hermano" in text
    assert "cuál es su motivo" not in text.lower()


def test_a_reason_named_after_a_status_answer_gets_that_reasons_documents():
    messages, _ = run(ActionExplainDocuments(), "y para guardería?", "ask_documents", STATUS_SHOWN)
    assert messages[0]["response"] == "utter_reason_documents"
    assert messages[0]["permit_reason"] == "childcare"


def test_a_family_at_an_lausd_school_moving_to_another_district_is_leaving():
    text = "mi hijo va en una escuela de LAUSD y lo queremos cambiar a Glendale el año q viene"
    assert read_direction(text) == "outgoing"
    assert read_direction("my son goes to an LAUSD school and we want to transfer him to Burbank") == "outgoing"
    assert read_direction("my daughter goes to an LAUSD school and we moved to Glendale") is None
    assert read_direction("va a una escuela de lausd y la quiero cambiar a otra escuela de lausd") is None
    messages, events = run(ActionExplainReasons(), text + " porque mi esposo trabaja alla", "ask_permit_reasons")
    assert [m["response"] for m in messages] == ["utter_reason_meaning", "utter_reason_documents_outgoing"]
    assert "otro distrito" in shown(messages[0], "es") or "distrito al que quiere ir" in shown(messages[0], "es")
    assert {"event": "slot", "timestamp": None, "name": "permit_direction", "value": "outgoing"} in events


def test_leaving_for_parent_employment_names_the_employer_letter_in_both_languages():
    messages, _ = run(
        ActionExplainDocuments(), "q papeles nesesito pa sacar a mi hijo de LAUSD si trabajo alla", "ask_documents"
    )
    assert messages[0]["response"] == "utter_reason_documents_outgoing"
    assert "carta del empleador" in shown(messages[0], "es")
    assert "letter from the employer" in shown(messages[0], "en")
    sibling = {**messages[0], "permit_reason": "sibling"}
    assert "letter from the employer" not in shown(sibling, "en")


def test_the_whole_story_names_the_reason_not_one_word_of_it():
    story = "trabajo todo el dia y mi suegra es la que me cuida a los niños, eso cuenta como razon?"
    entity = {"entity": "permit_reason", "value": "parent_employment", "start": 0, "end": 7}
    messages, _ = run(ActionExplainReasons(), story, "ask_permit_reasons", entities=[entity])
    assert messages[0]["permit_reason"] == "childcare"


def test_a_corrected_birth_date_after_not_found_tries_the_same_number_again():
    events = [
        {"event": "user", "text": "1 de enero de 2016"},
        {"event": "bot", "text": "No encontré...", "metadata": {"utter_action": "utter_status_answer"}},
    ]
    date = {"entity": "date", "value": "2018-03-15", "start": 17, "end": 37}
    _, result = run(
        ActionRespondOutOfContext(),
        "ay perdon, es el 15 de marzo del 2018",
        "inform",
        events,
        entities=[date],
        status_number="LA-NBTT-3SPR-W",
    )
    names = [(e.get("name"), e.get("value")) for e in result]
    assert ("status_birthdate", "15 de marzo del 2018") in names
    assert ("action_answer_status", None) in names  # the follow-up action


def test_not_knowing_what_the_question_means_is_not_a_no():
    for text in ("no se q es eso", "no sé qué significa", "what's that?", "I don't understand"):
        assert asks_what_it_means(text)
    for text in ("no", "no la tengo", "ah no, no la tengo", "no, not yet"):
        assert not asks_what_it_means(text)


def test_a_name_read_as_a_thank_you_is_still_the_name():
    from actions.registration import REGISTRATION_READERS

    read = REGISTRATION_READERS["parent_first_name"]
    assert read("Grace", None) == "Grace"
    assert read("María José", None) == "María José"
    for not_a_name in ("thanks", "gracias", "yes", "no", "parent@example.org"):
        assert read(not_a_name, None) is None


def test_another_districts_school_named_in_the_request_is_kept_as_written():
    from actions.request_details import request_details

    text = (
        "necesito el permiso de salida del LAUSD pa mi hijo, se va a la escuela Linwood Howe de Culver City"
        " porque yo trabajo en Culver City"
    )
    details = request_details(text, None, "outgoing")
    assert details["school_name"] == "Linwood Howe"
    assert details["reason"] == "parent_employment"
    assert "school_name" not in request_details("quiero que entre a una escuela de LAUSD", None, "outgoing")


def test_a_direction_follow_up_after_the_dates_gets_that_directions_dates_even_in_a_form():
    from actions.out_of_context import direction_follow_up

    events = [
        {"event": "user", "text": "no no, solo quiero saber las fechas"},
        {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_application_dates"}},
        {"event": "bot", "text": "¿Cuál es el correo…?", "metadata": {"utter_action": "utter_ask_signin_email"}},
    ]
    message = {"text": "y pa salir del distrito?", "intent": {"name": "inform"}, "entities": []}
    tracker = Tracker("t", {"language": "es"}, message, events, False, None, {}, None)
    assert direction_follow_up(tracker) == "utter_application_dates_outgoing"
    alone = Tracker("t", {"language": "es"}, message, [], False, None, {}, None)
    assert direction_follow_up(alone) is None


def test_a_wrong_answer_in_a_submitted_application_is_told_how_to_fix_it_then_the_status():
    from actions.status import ActionStartStatusCheck

    text = "I already applied, my confirmation number is LA-7E2Q-NQ2K-0. I put the wrong birth date for my daughter"
    message = {"text": text, "intent": {"name": "check_status"}, "entities": []}
    tracker = Tracker("t", {"language": "en"}, message, [], False, None, {}, None)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionStartStatusCheck().run(dispatcher, tracker, {}))
    assert "Applyforschools@lausd.net" in dispatcher.messages[0]["text"]
    assert any(e.get("name") == "status_number" and e.get("value") for e in events)
    plain = {"text": "status of LA-7E2Q-NQ2K-0", "intent": {"name": "check_status"}, "entities": []}
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionStartStatusCheck().run(dispatcher, Tracker("t", {}, plain, [], False, None, {}, None), {}))
    assert dispatcher.messages == []


def test_no_activation_email_when_the_classifier_is_unsure_gets_the_activation_help():
    from actions.fallback import rescue_by_rules

    for text in ("I didn't get the email", "no me llegó el correo"):
        message = {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}
        tracker = Tracker("t", {"language": "en"}, message, [], False, None, {}, None)
        events = asyncio.run(rescue_by_rules(CollectingDispatcher(), tracker, {}))
        assert events and events[0].get("name") == "action_help_with_activation_email"


def test_how_long_the_emailed_link_works_is_told_from_what_was_emailed():
    sent = [
        {"event": "user", "text": "parent@example.org"},
        {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_sign_in_reset_requested"}},
    ]
    for text, language, said in (
        ("how long does the link work?", "en", "one hour"),
        ("¿cuánto dura el enlace?", "es", "una hora"),
    ):
        messages, _ = run(ActionRespondOutOfContext(), text, "inform", sent, language=language)
        assert said in messages[0]["text"]
    code = [{"event": "bot", "text": "…", "metadata": {"utter_action": "utter_ask_signin_code"}}]
    messages, _ = run(ActionRespondOutOfContext(), "how long does the code work?", "inform", code, language="en")
    assert "10 minutes" in messages[0]["text"]
    messages, _ = run(ActionRespondOutOfContext(), "how long does the link work?", "inform", [], language="en")
    assert messages[0].get("response") == "utter_anything_else"
