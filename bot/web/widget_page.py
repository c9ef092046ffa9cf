"""The page standing in for the district's permits page, with the chat widget (widget/, built by npm).

GET / shows it in the language of `?lang=` or of the browser; /static/ serves the bundle that
`make widget` builds into bot/web/static/. The Rasa server's socket.io address (RASA_PUBLIC_URL,
default http://localhost:$RASA_PORT, port 5005) is written into the page and allowed by its Content-Security-Policy.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.core.settings import rasa_public_url
from bot.core.text import LOCALES
from bot.web.pages import SECURITY_HEADERS, environment, page, translator
from bot.web.uploads import preferred_locale

STATIC_DIR = Path(__file__).resolve().parent / "static"
GREETING_MENU = Path(__file__).resolve().parents[2] / "domain" / "basics.yml"
#: Catalog keys (channels.widget.*) the widget shows; the page passes their text to the script.
WIDGET_TEXTS = (
    "chat_heading privacy_hint log_label input_label placeholder send start_over options_label you "
    "assistant typing connecting offline greeting"
).split()
#: How many of the assistant's own greeting buttons the widget suggests before the first message.
SUGGESTIONS = 3


@cache
def greeting_buttons() -> tuple[tuple[str, str], ...]:
    """(title key, payload) of the assistant's greeting menu (utter_greet in domain/basics.yml)."""
    responses = yaml.safe_load(GREETING_MENU.read_text(encoding="utf-8"))["responses"]
    return tuple((b["title"], b["payload"]) for b in responses["utter_greet"][0]["buttons"])



def content_security_policy(rasa_url: str) -> str:
    """The shared policy, plus our own script and styles and the socket.io connection to Rasa."""
    parts = urlsplit(rasa_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    websocket = f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"connect-src 'self' {origin} {websocket}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    )


def widget_config(locale: str, rasa_url: str) -> dict[str, Any]:
    """What the widget reads at start: where Rasa is, the page's language, and its texts."""
    t = translator(locale)
    return {
        "socketUrl": rasa_url,
        "language": locale,
        "texts": {key: t(f"channels.widget.{key}") for key in WIDGET_TEXTS},
        "suggestions": [
            {"title": t(title), "payload": payload} for title, payload in greeting_buttons()[:SUGGESTIONS]
        ],
    }


def render_widget_page(locale: str, rasa_url: str) -> str:
    """The permits page with the chat widget, in `locale`."""
    other = next(code for code in LOCALES if code != locale)
    return (
        environment()
        .get_template("widget_page.html")
        .render(
            t=translator(locale),
            lang=locale,
            other_lang=other,
            config=widget_config(locale, rasa_url),
            built=(STATIC_DIR / "widget.js").exists(),
        )
    )


def add_widget_routes(app: Sanic) -> None:
    """GET / (the page) and /static/ (the built widget)."""
    STATIC_DIR.mkdir(exist_ok=True)
    app.static("/static", str(STATIC_DIR), name="widget_static")

    @app.get("/")
    async def permits_page(request: Request) -> HTTPResponse:
        requested = request.args.get("lang", "")
        locale = (
            requested
            if requested in LOCALES
            else preferred_locale(request.headers.get("accept-language", ""))
        )
        rasa_url = rasa_public_url()
        response = page(render_widget_page(locale, rasa_url))
        response.headers.update(
            {**SECURITY_HEADERS, "Content-Security-Policy": content_security_policy(rasa_url)}
        )
        response.headers["Content-Language"] = locale
        return response
