"""Status lookups and the hand-off to a person, through the REST webhook (#6)."""

from bot.rules.confirmation import new_confirmation_number
from tests.e2e.conftest import say, text_of
from tests.e2e.test_application import staff


def test_a_person_is_asked_for_in_spanish_and_the_ticket_reaches_the_staff_tool(servers, sender):
    say(sender, "hola, tengo una pregunta sobre el permiso de mi hija")
    reply = text_of(say(sender, "quiero hablar con una persona"))
    assert "Oficina de Permisos" in reply or "escriba" in reply
    tickets = staff(servers, "tickets")
    assert tickets.returncode == 0
    assert "/es" in tickets.stdout and "quiero hablar con una persona" in tickets.stdout


def test_made_up_numbers_get_one_answer_then_the_limit(servers, sender):
    answers = []
    for _ in range(5):
        say(sender, f"what's the status of application {new_confirmation_number()}")
        answers.append(text_of(say(sender, "03/14/2016")))
    assert all("couldn't find" in answer for answer in answers), answers
    say(sender, f"status of {new_confirmation_number()}")
    limited = text_of(say(sender, "03/14/2016"))
    assert "can't check more numbers right now" in limited
