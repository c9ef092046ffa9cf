"""The registration form's validators call the rules and name the right response."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.registration import ValidateRegistrationForm
from actions.registration_steps import ActionAskHumanCheck, ActionAskParentEmailAgain


def tracker(text: str = "", intent: str = "inform", entities: list | None = None, **slots) -> Tracker:
    message = {"text": text, "intent": {"name": intent}, "entities": entities or []}
    return Tracker("t", slots, message, [], False, None, {"name": "registration_form"}, None)


def validate(slot: str, value: str, **kwargs) -> tuple[dict, list[str]]:
    dispatcher = CollectingDispatcher()
    method = getattr(ValidateRegistrationForm(), f"validate_{slot}")
    result = asyncio.run(method(value, dispatcher, tracker(value, **kwargs), {}))
    return result, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("my name is María José", "María José"),
        ("  o'brien ", "O'Brien"),
        ("Núñez-García", "Núñez-García"),
        ("rosa", "Rosa"),
        ("de la cruz", "de la Cruz"),
        ("McDonald", "McDonald"),
    ],
)
def test_names_are_accepted_tidied_and_capitalised_as_people_write_them(typed, stored):
    assert validate("parent_first_name", typed) == ({"parent_first_name": stored}, [])


@pytest.mark.parametrize(
    ("typed", "response"),
    [
        ("R2D2", "utter_invalid_name_digits"),
        ("<script>alert(1)</script>", "utter_invalid_name_invalid_characters"),
        ("Ana 😀", "utter_invalid_name_invalid_characters"),
        ("x" * 5000, "utter_invalid_name_too_long"),
    ],
)
def test_bad_names_are_refused_with_the_reason(typed, response):
    assert validate("parent_last_name", typed) == ({"parent_last_name": None}, [response])


@pytest.mark.parametrize(
    ("slot", "typed", "response"),
    [
        ("parent_middle_name", "y eso es obligatorio?", "utter_why_middle_name"),
        ("parent_first_name", "pa q quieren mi nombre?", "utter_why_name"),
        ("parent_last_name", "why do you need that?", "utter_why_name"),
    ],
)
def test_a_question_typed_as_the_name_is_answered_not_refused(slot, typed, response):
    """The side question reached the name (its intent was not one the form skips): the parent
    gets why the question is asked, and the question again, not "a name can only have letters"."""
    assert validate(slot, typed) == ({slot: None}, [response])


def test_no_middle_name():
    assert validate("parent_middle_name", "no tengo")[0] == {"parent_middle_name": ""}
    assert validate("parent_middle_name", "no", intent="deny")[0] == {"parent_middle_name": ""}


def test_email_is_normalised_and_must_be_typed_the_same_twice():
    assert validate("parent_email", "my email is Ana@Example.COM")[0] == {"parent_email": "ana@example.com"}
    assert validate("parent_email", "ana at example")[1] == ["utter_invalid_email"]
    same = validate("parent_email_again", "ana@EXAMPLE.com", parent_email="ana@example.com")
    assert same[0] == {"parent_email_again": "ana@example.com"}
    other = validate("parent_email_again", "anna@example.com", parent_email="ana@example.com")
    assert other == ({"parent_email": None, "parent_email_again": None}, ["utter_email_mismatch"])


def test_human_check_needs_the_digits_that_were_asked():
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionAskHumanCheck().run(dispatcher, tracker(), {}))
    digits = events[0]["value"]
    assert dispatcher.messages[0]["digits"] == " ".join(digits)
    assert validate("human_check", " ".join(digits), human_check_digits=digits)[0]["human_check"] == "passed"
    assert validate("human_check", "0000", human_check_digits="1234") == (
        {"human_check": None},
        ["utter_wrong_human_check"],
    )


def test_summary_fix_clears_only_the_named_field():
    field = [{"entity": "registration_field", "value": "parent_last_name"}]
    result, _ = validate(
        "registration_confirmed", "my last name is wrong", intent="correct_registration", entities=field
    )
    # The email was confirmed already: fixing a name does not ask it twice again.
    assert result == {"parent_last_name": None, "registration_confirmed": None}
    field = [{"entity": "registration_field", "value": "parent_email"}]
    result, _ = validate(
        "registration_confirmed", "my email is wrong", intent="correct_registration", entities=field
    )
    assert result == {"parent_email": None, "parent_email_again": None, "registration_confirmed": None}
    result, responses = validate(
        "registration_confirmed", "something is wrong", intent="correct_registration"
    )
    assert responses == ["utter_ask_which_field"] and result["registration_confirmed"] is None
    assert validate("registration_confirmed", "yes", intent="affirm")[0] == {"registration_confirmed": "yes"}


@pytest.mark.parametrize("typed", ["......", "🙃", "??"])
def test_punctuation_or_an_emoji_is_not_a_yes(typed):
    assert validate("registration_confirmed", typed, intent="affirm")[0] == {"registration_confirmed": None}


def ask_email_again(parent_email: str) -> list[dict]:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAskParentEmailAgain().run(dispatcher, tracker(parent_email=parent_email), {}))
    return dispatcher.messages


def test_a_likely_typo_is_offered_as_a_choice_and_confirmed_by_the_parent():
    [question] = ask_email_again("ana@gmial.com")
    assert question["response"] == "utter_email_did_you_mean"
    assert question["suggested_email"] == "ana@gmail.com"
    assert [b["payload"] for b in question["buttons"]] == ["ana@gmail.com", "ana@gmial.com"]
    # Tapping the suggestion uses it for both answers; nothing is changed without that tap.
    chosen = validate("parent_email_again", "ana@gmail.com", parent_email="ana@gmial.com")
    assert chosen == ({"parent_email": "ana@gmail.com", "parent_email_again": "ana@gmail.com"}, [])
    kept = validate("parent_email_again", "ana@gmial.com", parent_email="ana@gmial.com")
    assert kept == ({"parent_email_again": "ana@gmial.com"}, [])


def test_a_usual_address_is_simply_asked_again():
    [question] = ask_email_again("ana@gmail.com")
    assert question["response"] == "utter_ask_parent_email_again" and not question["buttons"]


def test_the_human_check_asked_a_second_time_says_why():
    first, again = CollectingDispatcher(), CollectingDispatcher()
    asyncio.run(ActionAskHumanCheck().run(first, tracker(), {}))
    asyncio.run(ActionAskHumanCheck().run(again, tracker(registered_email="ana@gmail.com"), {}))
    assert first.messages[0]["response"] == "utter_ask_human_check"
    assert again.messages[0]["response"] == "utter_ask_human_check_again"
