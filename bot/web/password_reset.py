"""The password-reset page (/reset/<token>): the activation page's form and rules, reset texts.

The form carries a signed CSRF field bound to its own address; the password is checked with
bot.rules.passwords and only an argon2 hash is stored.
"""

from __future__ import annotations

import asyncio
from functools import partial

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.accounts.password_reset import resend_reset_for_link, reset_page_state, reset_password
from bot.accounts.set_password import PasswordPageResult
from bot.web.pages import page
from bot.web.password_page import csrf_ok, csrf_token, render_password_page

STATES = {"ready", "problems", "expired", "done", "used", "superseded", "resent", "limited", "form_expired"}
_STATUS = {"ready": 200, "done": 200, "resent": 200, "problems": 422, "form_expired": 403, "limited": 429}


def render_reset_page(result: PasswordPageResult, action: str) -> str:
    """The reset page for `result` in its language, with a fresh CSRF field for `action`."""
    return render_password_page(result, action, "reset", STATES, csrf_token(action))


def _respond(result: PasswordPageResult, action: str) -> HTTPResponse:
    return page(render_reset_page(result, action), _STATUS.get(result.code, 410))


def _submitted(request: Request, name: str) -> str:
    form = request.form or {}
    return str(form.get(name) or "")[:200]


def add_reset_routes(app: Sanic) -> None:
    """GET shows the form, POST sets the new password, POST …/resend mails a fresh link."""

    @app.get("/reset/<token:str>")
    async def show_reset(request: Request, token: str) -> HTTPResponse:
        return _respond(await asyncio.to_thread(reset_page_state, token), f"/reset/{token}")

    @app.post("/reset/<token:str>")
    async def submit_reset(request: Request, token: str) -> HTTPResponse:
        action = f"/reset/{token}"
        if not csrf_ok(action, _submitted(request, "csrf")):
            state = await asyncio.to_thread(reset_page_state, token)
            if state.code == "ready":  # show the form again, with a fresh field
                state = PasswordPageResult("form_expired", state.language, state.first_name)
            return _respond(state, action)
        password, confirmation = _submitted(request, "password"), _submitted(request, "confirmation")
        return _respond(
            await asyncio.to_thread(partial(reset_password, token, password, confirmation)), action
        )

    @app.post("/reset/<token:str>/resend")
    async def resend_reset(request: Request, token: str) -> HTTPResponse:
        action = f"/reset/{token}"
        if not csrf_ok(action, _submitted(request, "csrf")):
            return _respond(await asyncio.to_thread(reset_page_state, token), action)
        result = await asyncio.to_thread(resend_reset_for_link, token)
        return _respond(result, action)
