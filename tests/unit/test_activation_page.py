"""The password page speaks the parent's language, ties errors to the fields, escapes what it shows."""

from bot.accounts.set_password import PasswordPageResult
from bot.web.app import render_activation_page


def test_problems_are_listed_in_plain_spanish_and_tied_to_the_field():
    page = render_activation_page(
        PasswordPageResult("problems", "es", "Ana", ["length", "common", "mismatch"]), "/activate/x"
    )
    assert '<html lang="es">' in page
    assert "Debe tener de 8 a 20 caracteres." in page
    assert "Es demasiado común y fácil de adivinar." in page
    assert "Las dos contraseñas no son iguales." in page
    assert '<label for="password">Cree su contraseña</label>' in page
    assert 'aria-describedby="password-rules password-problems"' in page
    assert 'role="alert"' in page


def test_the_name_is_escaped():
    page = render_activation_page(PasswordPageResult("ready", "en", "<script>x</script>"), "/activate/x")
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;" in page


def test_an_expired_link_offers_a_new_one():
    page = render_activation_page(PasswordPageResult("expired", "en", "Ana"), "/activate/tok")
    assert "This link has expired" in page
    assert 'action="/activate/tok/resend"' in page
    assert 'type="password"' not in page
