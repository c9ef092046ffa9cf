"""The action servers crash in the middle of a registration and are started again."""

import re

from tests.fault.conftest import Production


def test_after_the_action_servers_restart_the_registration_goes_on_with_its_answers(
    prod: Production, sender: str
):
    assert "first name" in prod.say(sender, "I want to create an account").text
    assert "middle name" in prod.say(sender, "Maria").text
    prod.kill_action_servers()
    try:
        during = prod.say(sender, "none")
        assert during.status == 200  # Rasa itself stays up; what the parent reads: see the next test
    finally:
        prod.restart_action_servers()

    again = prod.say(sender, "none")  # the parent repeats the answer that got no reply
    assert "last name" in again.text
    prod.say(sender, "Lopez")
    email = f"{sender}@example.com"
    prod.say(sender, email)
    human_check = prod.say(sender, email).text
    digits = re.search(r"(\d) (\d) (\d) (\d)", human_check)
    assert digits, human_check
    summary = prod.say(sender, "".join(digits.groups())).text
    assert "Maria" in summary and "Lopez" in summary and email in summary  # answered before the crash


def test_while_the_action_servers_are_down_the_parent_hears_a_polite_try_again(prod: Production, sender: str):
    assert "nombre" in prod.say(sender, "quiero crear una cuenta").text
    prod.kill_action_servers()  # the form's answers are checked by the action server
    try:
        reply = prod.say(sender, "Ana")
    finally:
        prod.restart_action_servers()
    assert reply.status == 200
    assert reply.text.strip(), "the parent got no answer at all"
    assert (
        "otra vez" in reply.text
    )  # bot/rasa_plugins/capped_rest.py: "Ana" alone cannot tell the language: both
