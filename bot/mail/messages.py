"""The emails the assistant sends, composed from the catalogs (bot/locales/mail.<locale>.yml)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.facts import policy_facts
from bot.core.text import catalog


@dataclass(frozen=True)
class EmailContent:
    """Subject and plain-text body of one email."""

    subject: str
    body: str


def compose(kind: str, locale: str, **params: object) -> EmailContent:
    """The email `kind` ("activation", "account_exists", ...) in `locale`."""
    words = catalog()
    values = {**policy_facts(words, locale), **params}
    return EmailContent(
        subject=words.text(f"mail.{kind}.subject", locale, **values),
        body=words.text(f"mail.{kind}.body", locale, **values),
    )
