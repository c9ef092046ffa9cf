"""Signed, expiring, single-use links (itsdangerous) for activation and password pages."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from bot.core.secrets import secret_key
from bot.core.settings import public_base_url

ACTIVATION = "activate"
ACTIVATION_MAX_AGE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class LinkClaims:
    """What a valid link says: for which record, which purpose, and its own unique id."""

    #: The id of the record the link is for: the account for activation links, the application
    #: for upload links (the purpose says which).
    subject_id: int
    purpose: str
    link_id: str
    #: Activation links: the pending registration whose details the account takes on activation.
    registration_id: int | None = None


class LinkProblem(Exception):
    """The link is not usable: `code` is `expired` or `invalid`; expired links still name their record."""

    def __init__(self, code: str, claims: LinkClaims | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.claims = claims


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key(), salt=f"permits-{purpose}")


def make_token(subject_id: int, purpose: str, registration_id: int | None = None) -> str:
    """A new signed token for the record `subject_id` (an account, or an application for upload
    links), with a random id so it can be used only once, and for activation links the pending
    registration it completes."""
    # Claim "a" keeps its name: links already mailed must keep working.
    payload: dict[str, object] = {"a": subject_id, "l": secrets.token_urlsafe(12)}
    if registration_id is not None:
        payload["r"] = registration_id
    return str(_serializer(purpose).dumps(payload))


def link_for(token: str, purpose: str) -> str:
    """The full URL of the page that takes `token`."""
    return f"{public_base_url()}/{purpose}/{token}"


def read_token(token: str, purpose: str, max_age: int | None = None) -> LinkClaims:
    """The claims of a valid token; raises LinkProblem('expired'|'invalid')."""
    serializer = _serializer(purpose)
    try:
        data = serializer.loads(token, max_age=ACTIVATION_MAX_AGE_SECONDS if max_age is None else max_age)
    except SignatureExpired as expired:
        claims = _claims(serializer.load_payload(expired.payload) if expired.payload else None, purpose)
        raise LinkProblem("expired", claims) from None
    except BadSignature:
        raise LinkProblem("invalid") from None
    claims = _claims(data, purpose)
    if claims is None:
        raise LinkProblem("invalid")
    return claims


def _claims(data: object, purpose: str) -> LinkClaims | None:
    if isinstance(data, dict) and isinstance(data.get("a"), int) and isinstance(data.get("l"), str):
        registration = data.get("r")
        return LinkClaims(
            subject_id=data["a"],
            purpose=purpose,
            link_id=data["l"],
            registration_id=registration if isinstance(registration, int) else None,
        )
    return None
