"""The emails the assistant sends, composed from the catalogs (bot/locales/mail.<locale>.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.nlg.catalog import Catalog
from bot.nlg.facts import policy_facts


@dataclass(frozen=True)
class EmailContent:
    """Subject and plain-text body of one email."""

    subject: str
    body: str


@cache
def _catalog() -> Catalog:
    return Catalog()


def compose(kind: str, locale: str, **params: object) -> EmailContent:
    """The email `kind` ("activation", "account_exists", ...) in `locale`."""
    catalog = _catalog()
    values = {**policy_facts(catalog, locale), **params}
    return EmailContent(
        subject=catalog.text(f"mail.{kind}.subject", locale, **values),
        body=catalog.text(f"mail.{kind}.body", locale, **values),
    )
