"""The web server's error pages and error log: the security headers on every answer, no link token logged.

Sanic's own error handler answered without our headers and logged the full URL of a failing
request, so a 500 on ``/activate/<token>`` wrote a live link into web.log. Here a 404 or a 500 is
a small page in the browser's language with SECURITY_HEADERS, and the log names the path with
its link token masked (``bot.rules.pii``). A folder under /static/ is a 404, not a 500.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from sanic.exceptions import SanicException
from sanic.handlers import ErrorHandler
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.rules.pii import mask_personal_data
from bot.web.pages import SECURITY_HEADERS, environment, page, translator
from bot.web.uploads import preferred_locale

logger = logging.getLogger(__name__)
#: Exceptions that mean "nothing here" (a folder or a missing file under /static/).
_NOT_THERE = (IsADirectoryError, FileNotFoundError, NotADirectoryError)


class PageErrorHandler(ErrorHandler):
    """Error answers as pages with the security headers; logs without link tokens or messages."""

    def default(self, request: Request, exception: Exception) -> HTTPResponse:
        """Our own 404/4xx/500 page for any exception no route handled."""
        status = status_of(exception)
        if status >= 500:  # where it failed, without the exception's message (it may quote data)
            frames = "".join(traceback.format_tb(exception.__traceback__))
            logger.error(
                "%s %s failed: %s\n%s", request.method, safe_path(request), type(exception).__name__, frames
            )
        return error_page(request, status)

    @staticmethod
    def log(request: Request, exception: Exception) -> None:
        """Sanic's hook for logging an error: the path, masked, and the exception's type only."""
        logger.error("%s %s failed: %s", request.method, safe_path(request), type(exception).__name__)


def status_of(exception: Exception) -> int:
    """The HTTP status an exception stands for (500 unless it says otherwise)."""
    if isinstance(exception, _NOT_THERE):
        return 404
    if isinstance(exception, SanicException):
        return int(getattr(exception, "status_code", 500) or 500)
    return 500


def safe_path(request: Request) -> str:
    """The request's path with link tokens, emails and numbers masked."""
    return mask_personal_data(request.path)


def error_page(request: Request, status: int) -> HTTPResponse:
    """The error page for ``status`` in the browser's language, with the security headers."""
    locale = preferred_locale(request.headers.get("accept-language", ""))
    t = translator(locale)
    kind = "not_found" if status < 500 else "server_error"
    body = (
        environment()
        .get_template("error.html")
        .render(t=t, lang=locale, title=t(f"web.{kind}_title"), message=t(f"web.{kind}"))
    )
    response = page(body, status)
    response.headers["Content-Language"] = locale
    return response


async def add_security_headers(request: Request, response: Any) -> None:
    """Response middleware: the security headers on every answer that does not set its own."""
    for name, value in SECURITY_HEADERS.items():
        if name not in response.headers:
            response.headers[name] = value
