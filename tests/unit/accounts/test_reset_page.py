"""The reset page over HTTP: the parent's language, the shared password rules, CSRF, security headers."""

import asyncio
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable

from sanic import Sanic

from bot.accounts.password_reset import request_password_reset
from bot.accounts.set_password import PasswordPageResult
from bot.web.app import render_activation_page
from bot.web.password_page import csrf_ok, csrf_token
from bot.web.password_reset import add_reset_routes, render_reset_page
from tests.unit.accounts.helpers import active_account, outbox, reset_token

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def call(url: str, form: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with urllib.request.urlopen(url, data=data, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


async def serve_and(steps: Callable[[str], None]) -> None:
    """Start the reset routes on a free local port and run `steps` against them."""
    Sanic.test_mode = True
    app = Sanic(f"reset_{uuid.uuid4().hex[:8]}")
    add_reset_routes(app)
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    port = server.server.sockets[0].getsockname()[1]
    try:
        return await asyncio.to_thread(steps, f"http://127.0.0.1:{port}")
    finally:
        server.close()
        await server.wait_closed()


def test_a_spanish_parent_resets_the_password_on_a_spanish_page(database):
    active_account(database, email="rosa@example.com", language="es")
    request_password_reset("rosa@example.com", "chat", "es")
    path = f"/reset/{reset_token(outbox(database)[0])}"

    def steps(base: str) -> None:
        status, body, headers = call(base + path)
        assert status == 200 and '<html lang="es">' in body
        assert "Elija una contraseña nueva" in body and "combinar letras y números" in body
        assert (
            headers["X-Content-Type-Options"] == "nosniff"
            and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        )
        csrf = CSRF.search(body).group(1)
        forged = call(base + path, {"password": "Nueva42Clave", "confirmation": "Nueva42Clave", "csrf": "x"})
        assert forged[0] == 403 and "escriba otra vez su contraseña nueva" in forged[1]
        weak = call(base + path, {"password": "password1", "confirmation": "password1", "csrf": csrf})
        assert weak[0] == 422 and "Es demasiado común" in weak[1]
        good = call(base + path, {"password": "Nueva42Clave", "confirmation": "Nueva42Clave", "csrf": csrf})
        assert good[0] == 200 and "Su contraseña nueva quedó guardada" in good[1]
        again = call(base + path, {"password": "Otra77Clave", "confirmation": "Otra77Clave", "csrf": csrf})
        assert again[0] == 410 and "Este enlace ya se usó" in again[1] and 'type="password"' not in again[1]

    asyncio.run(serve_and(steps))


def test_the_csrf_field_is_bound_to_its_own_form():
    token = csrf_token("/reset/abc")
    assert csrf_ok("/reset/abc", token)
    assert not csrf_ok("/reset/other", token)
    assert not csrf_ok("/reset/abc", token[:-2] + "xx")


def test_reset_and_activation_share_the_page_but_not_its_words():
    reset = render_reset_page(PasswordPageResult("ready", "en", "Ana"), "/reset/t")
    activation = render_activation_page(PasswordPageResult("ready", "en", "Ana"), "/activate/t")
    assert "Choose a new password" in reset and "Save my new password" in reset
    assert "Activate my account" in activation and "Choose a new password" not in activation
    rules = re.compile(r'<ul id="password-rules">.*?</ul>', re.S)
    assert rules.search(reset).group(0) == rules.search(activation).group(0)
    assert 'name="csrf"' in reset
