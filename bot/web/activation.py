"""The activation page: where a parent sets the first password from the emailed link.

Passwords never pass through the chat: the server checks the password with bot.rules.passwords
and stores only an argon2 hash.
"""

from __future__ import annotations

import asyncio
from functools import partial

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.accounts.registration import activate, activation_page_state, resend_for_link
from bot.accounts.set_password import PasswordPageResult
from bot.web.pages import page
from bot.web.password_page import csrf_ok, csrf_token, render_password_page

STATES = {"ready", "problems", "expired", "activated", "used", "resent", "form_expired"}


def render_activation_page(result: PasswordPageResult, action: str) -> str:
    """The activation page for `result`, in the account's language."""
    return render_password_page(result, action, "web", STATES, csrf_token(action))


def _submitted(request: Request, name: str) -> str:
    form = request.form or {}
    return str(form.get(name) or "")[:200]


def add_activation_routes(app: Sanic) -> None:
    """GET shows the form, POST sets the password, POST …/resend mails a fresh link."""

    @app.get("/activate/<token:str>")
    async def show_activation(request: Request, token: str) -> HTTPResponse:
        result = await asyncio.to_thread(activation_page_state, token)
        return page(
            render_activation_page(result, f"/activate/{token}"), 200 if result.code == "ready" else 410
        )

    @app.post("/activate/<token:str>")
    async def submit_activation(request: Request, token: str) -> HTTPResponse:
        action = f"/activate/{token}"
        if not csrf_ok(action, _submitted(request, "csrf")):  # not posted from our page
            state = await asyncio.to_thread(activation_page_state, token)
            if state.code == "ready":
                state = PasswordPageResult("form_expired", state.language, state.first_name)
            return page(render_activation_page(state, action), 403 if state.code == "form_expired" else 410)
        password, confirmation = _submitted(request, "password"), _submitted(request, "confirmation")
        result = await asyncio.to_thread(partial(activate, token, password, confirmation))
        status = {"activated": 200, "problems": 422}.get(result.code, 410)
        return page(render_activation_page(result, f"/activate/{token}"), status)

    @app.post("/activate/<token:str>/resend")
    async def resend(request: Request, token: str) -> HTTPResponse:
        if not csrf_ok(f"/activate/{token}", _submitted(request, "csrf")):
            state = await asyncio.to_thread(activation_page_state, token)
            return page(render_activation_page(state, f"/activate/{token}"), 403)
        result = await asyncio.to_thread(resend_for_link, token)
        return page(render_activation_page(result, f"/activate/{token}"))
