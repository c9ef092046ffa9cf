"""No question asked a third time in the same words (issue 16)."""

from bot.core.text import catalog
from bot.nlg.repeats import REPHRASE_FROM, times_asked_in_a_row, with_way_out


def test_the_count_restarts_when_another_question_is_asked():
    asked = ["utter_ask_app_reason", "utter_application_reason", "utter_ask_app_reason", "utter_greet"]
    assert times_asked_in_a_row(asked, "utter_ask_app_reason") == 2
    asked += ["utter_ask_employer_name", "utter_ask_app_reason"]
    assert times_asked_in_a_row(asked, "utter_ask_app_reason") == 1
    assert times_asked_in_a_row([], "utter_ask_app_reason") == 0


def test_the_third_ask_says_why_keeps_the_choices_and_offers_a_person():
    question = {"text": "Which reason?", "buttons": [{"title": "Sibling", "payload": "/inform"}]}
    text = catalog().text
    again = with_way_out(
        question,
        text("basics.asking_again", "es"),
        text("basics.asking_again_help", "es"),
        [{"title": text("buttons.person", "es"), "payload": "/human_handoff"}],
    )
    assert again["text"] != question["text"] and "Which reason?" in again["text"]
    assert "necesito" in again["text"]
    assert [b["payload"] for b in again["buttons"]] == ["/inform", "/human_handoff"]
    assert REPHRASE_FROM == 3
