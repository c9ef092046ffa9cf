"""What every /staff/ page uses: the role check, the signed-in staff member, CSRF, rendering.

    @app.get("/staff/inbox")
    @staff_page(Role.AGENT)
    async def inbox(request: Request) -> HTTPResponse:
        staff = current_staff(request)
        return render_staff(request, "staff/inbox.html", conversations=...)

No session: a GET is redirected to the sign-in page, anything else gets 401. A role too low: 403.
A POST, PUT, PATCH or DELETE without the session's form token (field ``csrf`` or header
``X-CSRF-Token``): 403. Nothing of the page runs in any of these cases.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable, Coroutine
from functools import wraps
from typing import Any, Final
from urllib.parse import quote

from sanic.request import Request
from sanic.response import HTTPResponse, html, redirect

from bot.core.settings import public_base_url
from bot.rules.staff_roles import Role, role_allows
from bot.staff.audit import record_staff_action
from bot.staff.sessions import IDLE_MINUTES, StaffMember, staff_for_cookie
from bot.web.pages import environment

COOKIE: Final = "permits_staff"
SIGN_IN_PATH: Final = "/staff/sign-in"
#: Staff pages may load the console's own scripts and styles (vendored, /staff/static/) and
#: connect back to this server (server-sent events); nothing from elsewhere.
STAFF_HEADERS: Final = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "X-Frame-Options": "DENY",
}
#: Links in the console's navigation, each with the lowest role that sees it.
NAVIGATION: Final = (
    ("/staff/", "Home", Role.AGENT),
    ("/staff/inbox", "Inbox", Role.AGENT),
    ("/staff/tickets", "Tickets", Role.AGENT),
    ("/staff/applications", "Applications", Role.REVIEWER),
    ("/staff/missed-questions", "Missed questions", Role.REVIEWER),
    ("/staff/dashboard", "Dashboard", Role.REVIEWER),
    ("/staff/accounts", "Staff accounts", Role.ADMIN),
)
_UNSAFE_METHODS: Final = frozenset({"POST", "PUT", "PATCH", "DELETE"})

Handler = Callable[..., Coroutine[Any, Any, HTTPResponse]]


def current_staff(request: Request) -> StaffMember:
    """The signed-in staff member of a request that went through ``staff_page``."""
    staff = getattr(request.ctx, "staff", None)
    if not isinstance(staff, StaffMember):
        raise RuntimeError("current_staff() outside a @staff_page handler")
    return staff


def csrf_matches(request: Request, staff: StaffMember) -> bool:
    """Whether the request carries this session's form token (form field or header)."""
    is_form = request.content_type.startswith(("multipart/", "application/x-www-form-urlencoded"))
    form = (request.form or {}) if is_form else {}
    sent = str(form.get("csrf") or request.headers.get("x-csrf-token") or "")
    return bool(sent) and hmac.compare_digest(sent.encode(), staff.csrf_token.encode())


def staff_page(role: Role) -> Callable[[Handler], Handler]:
    """Decorate a Sanic handler: it runs only for a live session whose role allows ``role``."""

    def decorate(handler: Handler) -> Handler:
        @wraps(handler)
        async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            cookie = request.cookies.get(COOKIE) or ""
            staff = await asyncio.to_thread(staff_for_cookie, cookie) if cookie else None
            if staff is None:
                if request.method in ("GET", "HEAD"):
                    return redirect(
                        f"{SIGN_IN_PATH}?next={quote(request.path)}", status=303, headers=STAFF_HEADERS
                    )
                return refusal(request, 401)
            if not role_allows(staff.role, role):
                await asyncio.to_thread(
                    record_staff_action, staff.actor, "staff_forbidden", request.path[:80], request.method
                )
                return refusal(request, 403, staff)
            if request.method in _UNSAFE_METHODS and not csrf_matches(request, staff):
                return refusal(request, 403, staff)
            request.ctx.staff = staff
            return await handler(request, *args, **kwargs)

        guarded.staff_role = role  # type: ignore[attr-defined]  # read by the route tests
        return guarded

    return decorate


def refusal(request: Request, status: int, staff: StaffMember | None = None) -> HTTPResponse:
    """The small page of a refused request (401, 403, 404): no data, a way back."""
    body = (
        environment()
        .get_template("staff/refused.html")
        .render(status=status, staff=staff, sign_in=SIGN_IN_PATH)
    )
    return html(body, status=status, headers=STAFF_HEADERS)


def navigation(staff: StaffMember | None) -> list[tuple[str, str]]:
    """The console links this staff member may open."""
    if staff is None:
        return []
    return [(href, label) for href, label, needed in NAVIGATION if role_allows(staff.role, needed)]


def render_staff(request: Request, template: str, status: int = 200, **context: Any) -> HTTPResponse:
    """A staff page from ``template`` with the staff member, their form token and the navigation."""
    staff = getattr(request.ctx, "staff", None)
    body = (
        environment()
        .get_template(template)
        .render(
            staff=staff,
            csrf=staff.csrf_token if isinstance(staff, StaffMember) else "",
            navigation=navigation(staff if isinstance(staff, StaffMember) else None),
            current_path=request.path,
            **context,
        )
    )
    return html(body, status=status, headers=STAFF_HEADERS)


def cookie_is_secure(request: Request) -> bool:
    """Secure cookies when the site is served over https (directly or behind the proxy)."""
    forwarded = request.headers.get("x-forwarded-proto", "")
    return request.scheme == "https" or forwarded == "https" or public_base_url().startswith("https://")


def set_session_cookie(request: Request, response: HTTPResponse, value: str) -> None:
    """Put the session cookie on ``response``: HttpOnly, SameSite=Strict, Secure over https,
    only for /staff, gone when the browser closes (the server ends it sooner when idle)."""
    response.cookies[COOKIE] = value
    cookie = response.cookies[COOKIE]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/staff"
    if cookie_is_secure(request):
        cookie["secure"] = True


def clear_session_cookie(response: HTTPResponse) -> None:
    """Tell the browser to forget the session cookie."""
    response.cookies[COOKIE] = ""
    response.cookies[COOKIE]["path"] = "/staff"
    response.cookies[COOKIE]["max-age"] = 0


__all__ = [
    "COOKIE",
    "IDLE_MINUTES",
    "Role",
    "StaffMember",
    "current_staff",
    "render_staff",
    "staff_page",
]
