"""The upload form's CSRF token: signed, tied to one upload link, valid for a day.

The page puts it in a hidden field; a POST without the token of its own link is refused, so
another site cannot make a parent's browser send a file to the parent's application.
"""

from __future__ import annotations

import hashlib
import hmac

from itsdangerous import BadSignature, URLSafeTimedSerializer

from bot.core.secrets import secret_key

#: A day: long enough for a parent who leaves the page open while finding a document.
FORM_TOKEN_MAX_AGE_SECONDS = 24 * 3600


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key(), salt="permits-upload-form")


def _link_digest(upload_token: str) -> str:
    return hashlib.sha256(upload_token.encode()).hexdigest()


def form_token_for(upload_token: str) -> str:
    """A fresh form token for the page of `upload_token`."""
    return str(_serializer().dumps(_link_digest(upload_token)))


def form_token_matches(upload_token: str, form_token: str) -> bool:
    """Whether `form_token` was issued by us, recently, for the page of `upload_token`."""
    try:
        digest = _serializer().loads(form_token, max_age=FORM_TOKEN_MAX_AGE_SECONDS)
    except BadSignature:  # SignatureExpired is a BadSignature
        return False
    return isinstance(digest, str) and hmac.compare_digest(digest, _link_digest(upload_token))
