"""The project's web server (PUBLIC_BASE_URL): one module per page adds its routes here."""

from __future__ import annotations

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html

from bot.core import settings
from bot.web.activation import add_activation_routes, render_activation_page
from bot.web.errors import PageErrorHandler, add_security_headers
from bot.web.password_reset import add_reset_routes
from bot.web.staff import add_staff_routes
from bot.web.uploads import add_upload_routes
from bot.web.widget_page import add_widget_routes

__all__ = ["create_app", "render_activation_page"]

#: Each page module's `add_*_routes(app)`; a new page adds one line.
ROUTES = [add_activation_routes, add_reset_routes, add_upload_routes, add_widget_routes, add_staff_routes]


def create_app(name: str = "permit_pages") -> Sanic:
    """The Sanic application with every page's routes and /health; every answer has the security headers."""
    app = Sanic(name, error_handler=PageErrorHandler())
    app.register_middleware(add_security_headers, "response")
    for add_routes in ROUTES:
        add_routes(app)

    @app.get("/health")
    async def health(request: Request) -> HTTPResponse:
        return html("ok")

    return app


if __name__ == "__main__":
    create_app().run(
        host=settings.WEB_HOST.value(),  # behind the proxy; never all interfaces by default
        port=int(settings.WEB_PORT.value()),
        access_log=False,
        workers=1,
    )
