"""Web pages served by the project (PUBLIC_BASE_URL): where a parent creates the password.

Passwords never pass through the chat: the activation link opens this page, the server checks
the password with bot.rules.passwords and stores only an argon2 hash.
"""

from __future__ import annotations

import asyncio
import os
from functools import cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html

from bot.accounts.registration import ActivationResult, activate, activation_page_state, resend_for_link
from bot.mail.outbox import deliver_pending
from bot.nlg.catalog import Catalog
from bot.nlg.facts import policy_facts

TEMPLATES = Path(__file__).resolve().parent / "templates"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the signed link is in the URL
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


@cache
def _catalog() -> Catalog:
    return Catalog()


def render_activation_page(result: ActivationResult, action: str) -> str:
    """The activation page for `result`, in the account's language."""
    catalog, locale = _catalog(), result.language
    facts = policy_facts(catalog, locale)

    def t(key: str, **params: Any) -> str:
        return catalog.text(key, locale, **{**facts, **params})

    state = (
        result.code
        if result.code in {"ready", "problems", "expired", "activated", "used", "resent"}
        else "invalid"
    )
    return (
        _environment()
        .get_template("activation.html")
        .render(
            t=t,
            lang=locale,
            state=state,
            problems=result.problems,
            first_name=result.first_name,
            action=action,
        )
    )


def _page(body: str, status: int = 200) -> HTTPResponse:
    return html(body, status=status, headers=SECURITY_HEADERS)


def create_app(name: str = "permit_pages") -> Sanic:
    """The Sanic application with the activation routes."""
    app = Sanic(name)

    @app.get("/activate/<token:str>")
    async def show_activation(request: Request, token: str) -> HTTPResponse:
        result = await asyncio.to_thread(activation_page_state, token)
        return _page(
            render_activation_page(result, f"/activate/{token}"), 200 if result.code == "ready" else 410
        )

    @app.post("/activate/<token:str>")
    async def submit_activation(request: Request, token: str) -> HTTPResponse:
        form = request.form or {}
        password = str(form.get("password") or "")[:200]
        confirmation = str(form.get("confirmation") or "")[:200]
        result = await asyncio.to_thread(partial(activate, token, password, confirmation))
        status = {"activated": 200, "problems": 422}.get(result.code, 410)
        return _page(render_activation_page(result, f"/activate/{token}"), status)

    @app.post("/activate/<token:str>/resend")
    async def resend(request: Request, token: str) -> HTTPResponse:
        result = await asyncio.to_thread(resend_for_link, token)
        await deliver_pending()
        return _page(render_activation_page(result, f"/activate/{token}"))

    @app.get("/health")
    async def health(request: Request) -> HTTPResponse:
        return html("ok")

    return app


if __name__ == "__main__":
    create_app().run(
        host=os.environ.get("WEB_HOST", "0.0.0.0"),
        port=int(os.environ.get("WEB_PORT", "8080")),
        access_log=False,
        workers=1,
    )
