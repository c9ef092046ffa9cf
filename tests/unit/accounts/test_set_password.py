"""Activation and reset set a password through one procedure (bot.accounts.set_password).

The double-submit race is made real: the first submission reads "ready", and while it hashes the
password (before it writes anything) the second submission of the same link runs to the end.
The first one's record of the used link then collides; the parent sees "link used", not HTTP 500.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sanic import Sanic
from sqlalchemy import func, select

from bot.accounts import set_password
from bot.accounts.password_reset import request_password_reset, reset_password
from bot.accounts.registration import RegistrationRequest, activate, register
from bot.store.database import unit_of_work
from bot.store.models import Account, AccountStatus, UsedLink
from bot.web.activation import add_activation_routes
from bot.web.password_reset import add_reset_routes
from tests.unit.accounts.helpers import active_account, outbox, reset_token
from tests.unit.accounts.test_reset_page import CSRF, call

ACTIVATION_LINK = re.compile(r"https://permits\.example\.org/activate/(\S+)")
ACCOUNTS = Path(__file__).resolve().parents[3] / "bot" / "accounts"


def activation_token(database: str, email: str = "ana@example.com") -> str:
    register(RegistrationRequest("Ana", None, "Núñez", email, "es"))
    match = ACTIVATION_LINK.search(outbox(database)[-1].body)
    assert match
    return match.group(1)


def requested_reset_token(database: str) -> str:
    active_account(database)
    assert request_password_reset("ana@example.com", "chat-1", "en").code == "sent"
    return reset_token(outbox(database)[-1])


def second_submission_while_hashing(
    monkeypatch: pytest.MonkeyPatch, second: Callable[[], object]
) -> list[object]:
    """While the next submission hashes its password, run `second` to the end; its result is kept."""
    real_hash = set_password.hash_password
    results: list[object] = []

    def hash_after_the_other_submission(password: str) -> str:
        monkeypatch.setattr(set_password, "hash_password", real_hash)
        results.append(second())
        return real_hash(password)

    monkeypatch.setattr(set_password, "hash_password", hash_after_the_other_submission)
    return results


def stored(database: str) -> tuple[str, AccountStatus, int]:
    with unit_of_work(database) as session:
        account = session.scalars(select(Account)).one()
        used = session.scalar(select(func.count()).select_from(UsedLink))
        return str(account.password_hash), account.status, int(used or 0)


def test_activation_submitted_twice_at_once_says_used_and_keeps_the_first_password(database, monkeypatch):
    token = activation_token(database)
    other = second_submission_while_hashing(
        monkeypatch, lambda: activate(token, "Lagarto42Verde", "Lagarto42Verde")
    )
    late = activate(token, "Otra12Clave", "Otra12Clave")
    assert [result.code for result in other] == ["activated"]  # type: ignore[attr-defined]
    assert (late.code, late.language, late.first_name) == ("used", "es", "Ana")
    password_hash, status, used_links = stored(database)
    assert PasswordHasher().verify(password_hash, "Lagarto42Verde")
    assert status == AccountStatus.active and used_links == 1


def test_reset_submitted_twice_at_once_says_used_and_keeps_the_first_password(database, monkeypatch):
    token = requested_reset_token(database)
    other = second_submission_while_hashing(
        monkeypatch, lambda: reset_password(token, "Nueva42Clave", "Nueva42Clave")
    )
    late = reset_password(token, "Otra77Clave", "Otra77Clave")
    assert [result.code for result in other] == ["done"]  # type: ignore[attr-defined]
    assert (late.code, late.language, late.first_name) == ("used", "en", "Ana")
    password_hash, _, used_links = stored(database)
    assert PasswordHasher().verify(password_hash, "Nueva42Clave") and used_links == 1


def test_both_pages_check_the_password_with_the_same_rules(database):
    reset = reset_password(requested_reset_token(database), "ana@example.com", "ana@example.com")
    activation = activate(activation_token(database, "luis@example.com"), "luis@example.com", "x")
    assert reset.code == activation.code == "problems"
    assert "same_as_user_id" in reset.problems
    assert activation.problems == [*reset.problems, "mismatch"]


def test_only_the_shared_procedure_hashes_checks_and_uses_a_parent_link():
    writers = {
        path.name
        for path in ACCOUNTS.glob("*.py")
        for needle in ("PasswordHasher", "password_problems", "UsedLink(")
        if needle in path.read_text(encoding="utf-8")
    }
    assert writers == {"set_password.py"}


async def serve_and(add_routes: Callable[[Sanic], None], steps: Callable[[str], None]) -> None:
    """Start one page's routes on a free local port and run `steps` against them."""
    Sanic.test_mode = True
    app = Sanic(f"password_{uuid.uuid4().hex[:8]}")
    add_routes(app)
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    port = server.server.sockets[0].getsockname()[1]
    try:
        await asyncio.to_thread(steps, f"http://127.0.0.1:{port}")
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize(
    ("page", "add_routes", "done_status_text", "used_text"),
    [
        ("activate", add_activation_routes, "Su cuenta está activa", "Este enlace ya se usó"),
        ("reset", add_reset_routes, "Your new password is saved", "This link was already used"),
    ],
)
def test_a_form_posted_twice_at_once_shows_link_used_not_a_server_error(
    database, monkeypatch, page, add_routes, done_status_text, used_text
):
    token = activation_token(database) if page == "activate" else requested_reset_token(database)
    path = f"/{page}/{token}"

    def steps(base: str) -> None:
        csrf = CSRF.search(call(base + path)[1]).group(1)  # type: ignore[union-attr]
        first = {"password": "Lagarto42Verde", "confirmation": "Lagarto42Verde", "csrf": csrf}
        other = second_submission_while_hashing(monkeypatch, lambda: call(base + path, first))
        status, body, _ = call(
            base + path, {**first, "password": "Otra77Clave", "confirmation": "Otra77Clave"}
        )
        [(other_status, other_body, _)] = other  # type: ignore[misc]
        assert other_status == 200 and done_status_text in other_body
        assert status == 410 and used_text in body and 'type="password"' not in body

    asyncio.run(serve_and(add_routes, steps))
    assert PasswordHasher().verify(stored(database)[0], "Lagarto42Verde")
