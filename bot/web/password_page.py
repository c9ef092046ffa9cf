"""The password page shared by activation and password reset: one template, two sets of texts.

The page-specific sentences (title, heading, button, states) come from the `topic` catalog
("web" for activation, "reset" for reset); the password rules and problems always from "web".
"""

from __future__ import annotations

import hashlib
from typing import Final

from itsdangerous import BadSignature, URLSafeTimedSerializer

from bot.accounts.set_password import PasswordPageResult
from bot.core.secrets import secret_key
from bot.web.pages import environment, translator

#: A form may be submitted up to this long after the page was shown.
CSRF_MAX_AGE_SECONDS: Final = 3600


def render_password_page(
    result: PasswordPageResult, action: str, topic: str, states: set[str], csrf: str | None = None
) -> str:
    """The password page for `result` in its language; a state not in `states` shows as invalid."""
    state = result.code if result.code in states else "invalid"
    return (
        environment()
        .get_template("password.html")
        .render(
            t=translator(result.language),
            lang=result.language,
            topic=topic,
            state=state,
            problems=result.problems,
            first_name=result.first_name,
            action=action,
            csrf=csrf,
        )
    )


def _csrf_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key(), salt="permits-csrf")


def _bound_to(path: str) -> str:
    return hashlib.sha256(path.encode()).hexdigest()[:32]


def csrf_token(path: str) -> str:
    """A signed hidden-field value that is valid only for forms posted to `path`, for an hour."""
    return str(_csrf_serializer().dumps(_bound_to(path)))


def csrf_ok(path: str, value: str) -> bool:
    """Whether `value` came from a page this server showed for `path` within the last hour."""
    try:
        return bool(_csrf_serializer().loads(value, max_age=CSRF_MAX_AGE_SECONDS) == _bound_to(path))
    except BadSignature:
        return False
