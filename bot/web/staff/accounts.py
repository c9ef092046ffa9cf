"""Admins manage staff accounts: the list, an invitation (the one-time setup link is shown once),
and disabling an account (its sessions end at once). Same services as `scripts/permits staff add-user`."""

from __future__ import annotations

import asyncio
from functools import partial

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, redirect

from bot.rules.email_address import canonical_email
from bot.rules.staff_roles import Role
from bot.staff.accounts import (
    SETUP_MAX_AGE_SECONDS,
    StaffAccountProblem,
    add_staff_user,
    disable_staff_user,
    staff_accounts,
)
from bot.web.staff.guard import STAFF_HEADERS, current_staff, render_staff, staff_page

PATH = "/staff/accounts"
PROBLEMS = {
    "bad_email": "Type the person's work email address.",
    "bad_role": "Choose a role.",
    "self": "You cannot disable your own account.",
    "unknown": "There is no account with that address.",
}


def _field(request: Request, name: str) -> str:
    return str((request.form or {}).get(name) or "").strip()[:254]


def _page(request: Request, status: int = 200, **context: object) -> HTTPResponse:
    return render_staff(
        request,
        "staff/accounts.html",
        status=status,
        accounts=staff_accounts(),
        roles=[role.value for role in Role],
        setup_hours=SETUP_MAX_AGE_SECONDS // 3600,
        **context,
    )


def add_account_routes(app: Sanic) -> None:
    """GET the list, POST an invitation, POST a disable."""

    @app.get(PATH)
    @staff_page(Role.ADMIN)
    async def staff_account_list(request: Request) -> HTTPResponse:
        return await asyncio.to_thread(_page, request, 200, disabled=request.args.get("disabled") == "1")

    @app.post(f"{PATH}/invite")
    @staff_page(Role.ADMIN)
    async def staff_account_invite(request: Request) -> HTTPResponse:
        staff = current_staff(request)
        email, role = _field(request, "email"), _field(request, "role")
        try:
            link = await asyncio.to_thread(partial(add_staff_user, email, role, actor=staff.actor))
        except StaffAccountProblem as problem:
            return await asyncio.to_thread(_page, request, 422, problem=PROBLEMS[problem.code])
        # Shown once, on this answer only (no-store): the admin passes it to the person.
        return await asyncio.to_thread(_page, request, 200, invited=canonical_email(email), link=link)

    @app.post(f"{PATH}/disable")
    @staff_page(Role.ADMIN)
    async def staff_account_disable(request: Request) -> HTTPResponse:
        staff = current_staff(request)
        email = canonical_email(_field(request, "email"))
        if email == staff.email:
            return await asyncio.to_thread(_page, request, 422, problem=PROBLEMS["self"])
        if not await asyncio.to_thread(partial(disable_staff_user, email, actor=staff.actor)):
            return await asyncio.to_thread(_page, request, 404, problem=PROBLEMS["unknown"])
        return redirect(f"{PATH}?disabled=1", status=303, headers=STAFF_HEADERS)
