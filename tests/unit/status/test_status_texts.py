"""Every status and every key date has parent-facing words in both languages, fully filled."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.facts import long_date, policy_facts
from bot.core.text import PLACEHOLDER, Catalog
from bot.rules.status import DateKind, Status

LOCALES = ("en", "es")
KEYS = (
    [f"status.{part}.{status.value}" for status in Status for part in ("meaning", "next")]
    + [f"status.date.{kind.value}" for kind in DateKind if kind is not DateKind.NONE]
    + [
        f"status.{name}"
        for name in (
            "heading",
            "missing",
            "not_found",
            "limited",
            "bad_number",
            "ask_number",
            "ask_birthdate",
        )
    ]
)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", KEYS)
def test_each_text_renders_with_the_policy_facts(key: str, locale: str) -> None:
    catalog = Catalog(strict=True)
    params = {
        **policy_facts(catalog, locale),
        "date": long_date(catalog, locale, date(2027, 5, 17)),
        "confirmation_number": "LA-7K3M-9QX2-R",
        "student": "Luis",
        "documents": "x",
    }
    text = catalog.text(key, locale, **params)
    assert text.strip() and not PLACEHOLDER.search(text)


def test_the_date_sentence_uses_the_parents_date_format() -> None:
    catalog = Catalog(strict=True)
    day = date(2027, 5, 17)
    assert catalog.text("status.date.appeal_deadline", "es", date=long_date(catalog, "es", day)) == (
        "El último día para apelar es el 17 de mayo de 2027."
    )
    assert catalog.text("status.date.appeal_deadline", "en", date=long_date(catalog, "en", day)) == (
        "The last day to appeal is May 17, 2027."
    )


def test_wrong_number_and_wrong_date_share_one_text() -> None:
    catalog = Catalog(strict=True)
    facts = policy_facts(catalog, "es")
    assert "número de confirmación y esa fecha de nacimiento" in catalog.text(
        "status.not_found", "es", **facts
    )
