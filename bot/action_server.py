"""The action server: rasa_sdk's app, answering only the Rasa servers that hold the shared secret.

rasa_sdk 3.6 serves ``/webhook`` to any caller, and a made-up tracker (``account_id: "7"``) was
enough to read a family's application. Started as ``python -m bot.action_server --port 5055``:

- every request except ``GET /health`` must carry ``Authorization: Bearer <ACTION_SERVER_TOKEN>``
  (endpoints.yml sends it); others get 401 before any action runs. The comparison is constant-time;
- it listens on ACTION_SERVER_HOST, 127.0.0.1 unless set (production puts it behind nginx);
- a failing action is logged by type and action name only: rasa_sdk's own handler logs the request
  and sends the whole tracker back in the 500 answer.

Without ACTION_SERVER_TOKEN the server refuses to start: an open action server is never the default.
"""

from __future__ import annotations

import argparse
import hmac
import logging
from typing import Any

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.core import settings

logger = logging.getLogger(__name__)

#: Paths anyone may call: the load balancer's and the start scripts' liveness probe.
OPEN_PATHS = frozenset({"/health"})
#: Largest request accepted (a call carries the whole conversation; nginx in production: 64 MB).
MAX_REQUEST_BYTES = 16 * 1024 * 1024


def action_server_token() -> str:
    """The shared secret (ACTION_SERVER_TOKEN); raises when it is missing or too short to be one."""
    token = settings.ACTION_SERVER_TOKEN.value().strip()
    if len(token) < 16:
        raise RuntimeError(
            "ACTION_SERVER_TOKEN is not set (or shorter than 16 characters): the action server "
            "refuses to start without it. scripts/run-servers and deploy/run-prod create one."
        )
    return token


def bearer_token(request: Request) -> str:
    """The token of an ``Authorization: Bearer …`` header, or an empty string."""
    scheme, _, value = (request.headers.get("authorization") or "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def require_token(app: Sanic, token: str) -> None:
    """Refuse (401) every request to ``app`` without ``token``, except OPEN_PATHS."""
    expected = token.encode()

    async def check_token(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        if hmac.compare_digest(bearer_token(request).encode(), expected):
            return None
        logger.warning("Refused an action-server request without the shared secret (%s).", request.path)
        return response.json(
            {"error": "unauthorized"}, status=401, headers={"WWW-Authenticate": "Bearer"}
        )

    app.register_middleware(check_token, "request")


def quiet_errors(app: Sanic) -> None:
    """Log a failing request by exception type and action name; answer without the tracker."""

    async def failed(request: Request, exception: Exception) -> HTTPResponse:
        status = int(getattr(exception, "status_code", 500) or 500)
        if status >= 500:
            action = (request.json or {}).get("next_action") if _is_json(request) else None
            logger.error("Action %s failed: %s", action, type(exception).__name__)
        return response.json({"error": type(exception).__name__}, status=status)

    app.error_handler.add(Exception, failed)


def _is_json(request: Request) -> bool:
    try:
        return isinstance(request.json, dict)
    except Exception:  # a body that is not JSON: nothing to name
        return False


def create_action_server(actions_package: str, token: str) -> Sanic:
    """rasa_sdk's Sanic app for ``actions_package``, with the secret checked and quiet errors."""
    app: Sanic = create_app(actions_package, cors_origins=None)  # no browser ever calls it
    app.config.REQUEST_MAX_SIZE = MAX_REQUEST_BYTES
    require_token(app, token)
    quiet_errors(app)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    return app


def main(argv: list[str] | None = None) -> None:
    """Start the action server (the same options as ``python -m rasa_sdk`` that we use)."""
    parser = argparse.ArgumentParser(description="the permit assistant's action server")
    parser.add_argument("--actions", default="actions", help="package of the custom actions")
    parser.add_argument("--port", type=int, default=int(settings.ACTIONS_PORT.value()))
    parser.add_argument("--host", default=settings.ACTION_SERVER_HOST.value())
    args = parser.parse_args(argv)
    token = action_server_token()
    utils.configure_colored_logging(settings.LOG_LEVEL.value())
    utils.update_sanic_log_level()
    app = create_action_server(args.actions, token)
    logger.info("Action server on http://%s:%s (shared secret required)", args.host, args.port)
    run_options: dict[str, Any] = {"workers": utils.number_of_sanic_workers(), "access_log": False}
    app.run(host=args.host, port=args.port, **run_options)


if __name__ == "__main__":
    main()
