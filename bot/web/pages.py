"""What every web page shares: templates, security headers, the HTML response and catalog text."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic.response import HTTPResponse, html

from bot.core.facts import policy_facts
from bot.core.text import catalog

TEMPLATES = Path(__file__).resolve().parent / "templates"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # signed links are in the URL
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


@cache
def environment() -> Environment:
    """Jinja2 with autoescaping for every .html template."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def translator(locale: str) -> Callable[..., str]:
    """`t(key, **params)` for templates: catalog text in `locale`, with the policy facts filled in."""
    facts = policy_facts(catalog(), locale)

    def t(key: str, **params: Any) -> str:
        return catalog().text(key, locale, **{**facts, **params})

    return t


def page(body: str, status: int = 200) -> HTTPResponse:
    """An HTML response with the security headers."""
    return html(body, status=status, headers=SECURITY_HEADERS)
