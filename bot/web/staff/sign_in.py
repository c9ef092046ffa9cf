"""Staff sign-in, sign-out, the one-time account setup page and the console's home page."""

from __future__ import annotations

import asyncio
from functools import partial

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, redirect

from bot.rules.staff_roles import Role
from bot.staff.accounts import SETUP_PATH, complete_setup, setup_page_state
from bot.staff.sessions import IDLE_MINUTES, MAX_HOURS, sign_in, sign_out
from bot.web.pages import translator
from bot.web.password_page import csrf_ok, csrf_token
from bot.web.staff.guard import (
    COOKIE,
    SIGN_IN_PATH,
    STAFF_HEADERS,
    clear_session_cookie,
    render_staff,
    set_session_cookie,
    staff_page,
)

_SIGN_IN_STATUS = {"refused": 401, "limited": 429, "form_expired": 403}
_SETUP_STATUS = {"ready": 200, "done": 200, "problems": 422, "form_expired": 403}


def safe_next(value: str) -> str:
    """Where to go after signing in: a console path only (never another site)."""
    if value.startswith("/staff/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/staff/"


def _field(request: Request, name: str, limit: int = 200) -> str:
    form = request.form or {}
    return str(form.get(name) or "")[:limit]


def _sign_in_page(request: Request, problem: str | None = None, email: str = "") -> HTTPResponse:
    return render_staff(
        request,
        "staff/sign_in.html",
        status=_SIGN_IN_STATUS.get(problem or "", 200),
        problem=problem,
        email=email,
        next_path=safe_next(str(request.args.get("next") or _field(request, "next"))),
        form_token=csrf_token(SIGN_IN_PATH),
        idle_minutes=IDLE_MINUTES,
    )


def _setup_page(request: Request, token: str, state_code: str, **context: object) -> HTTPResponse:
    action = f"{SETUP_PATH}{token}"
    return render_staff(
        request,
        "staff/setup.html",
        status=_SETUP_STATUS.get(state_code, 410),
        state_code=state_code,
        action=action,
        form_token=csrf_token(action),
        t=translator("en"),  # the password rules, worded as on the parents' page
        **context,
    )


def add_sign_in_routes(app: Sanic) -> None:
    """/staff/sign-in, /staff/sign-out, /staff/setup/<token> and /staff/ (home)."""

    @app.get(SIGN_IN_PATH)
    async def staff_sign_in_form(request: Request) -> HTTPResponse:
        return _sign_in_page(request)

    @app.post(SIGN_IN_PATH)
    async def staff_sign_in(request: Request) -> HTTPResponse:
        email = _field(request, "email", 254)
        if not csrf_ok(SIGN_IN_PATH, _field(request, "form_token", 400)):
            return _sign_in_page(request, "form_expired", email)
        remote = request.remote_addr or request.ip or "unknown"
        result = await asyncio.to_thread(
            partial(sign_in, email, _field(request, "password"), _field(request, "code", 20), remote)
        )
        if result.code != "signed_in":
            return _sign_in_page(request, result.code, email)
        response = redirect(safe_next(_field(request, "next")), status=303, headers=STAFF_HEADERS)
        set_session_cookie(request, response, result.cookie)
        return response

    @app.post("/staff/sign-out")
    @staff_page(Role.AGENT)
    async def staff_sign_out(request: Request) -> HTTPResponse:
        await asyncio.to_thread(sign_out, request.cookies.get(COOKIE) or "")
        response = redirect(SIGN_IN_PATH, status=303, headers=STAFF_HEADERS)
        clear_session_cookie(response)
        return response

    @app.get("/staff/setup/<token:str>")
    async def staff_setup_form(request: Request, token: str) -> HTTPResponse:
        state = await asyncio.to_thread(setup_page_state, token)
        return _setup_page(request, token, state.code, state=state)

    @app.post("/staff/setup/<token:str>")
    async def staff_setup(request: Request, token: str) -> HTTPResponse:
        if not csrf_ok(f"{SETUP_PATH}{token}", _field(request, "form_token", 400)):
            state = await asyncio.to_thread(setup_page_state, token)
            code = "form_expired" if state.code == "ready" else state.code
            return _setup_page(request, token, code, state=state)
        state = await asyncio.to_thread(
            partial(
                complete_setup,
                token,
                _field(request, "password"),
                _field(request, "confirmation"),
                _field(request, "code", 20),
            )
        )
        return _setup_page(request, token, state.code, state=state)

    @app.get("/staff/")
    @staff_page(Role.AGENT)
    async def staff_home(request: Request) -> HTTPResponse:
        return render_staff(request, "staff/home.html", max_hours=MAX_HOURS, idle_minutes=IDLE_MINUTES)
