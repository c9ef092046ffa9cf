"""The English and Spanish catalogs say the same things: same keys, same placeholders."""

from pathlib import Path

import pytest
import yaml

from bot.core.text import LOCALES, LOCALES_DIR, PLACEHOLDER, Catalog, MissingTranslation
from tests.domain import load_domain

ROOT = Path(__file__).resolve().parents[2]


def flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


def catalog(locale: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    for path in sorted(LOCALES_DIR.glob(f"*.{locale}.yml")):
        topic = path.name.split(".")[0]
        entries.update(flatten(yaml.safe_load(path.read_text(encoding="utf-8")), f"{topic}."))
    return entries


def test_both_catalogs_have_the_same_keys():
    english, spanish = catalog("en"), catalog("es")
    assert english, "no English catalog found"
    assert set(english) - set(spanish) == set(), "missing in Spanish"
    assert set(spanish) - set(english) == set(), "missing in English"


@pytest.mark.parametrize("key", sorted(catalog("en")))
def test_placeholders_match_between_languages(key):
    english, spanish = catalog("en"), catalog("es")
    assert set(PLACEHOLDER.findall(english[key])) == set(PLACEHOLDER.findall(spanish[key]))


def test_spanish_entries_are_not_left_in_english():
    english, spanish = catalog("en"), catalog("es")
    same = [
        k for k in english if english[k] == spanish[k] and len(english[k]) > 12 and "%{" not in english[k]
    ]
    assert same == []


def domain_strings() -> list[str]:
    domain = load_domain()
    keys = []
    for variations in domain["responses"].values():
        for variation in variations:
            keys.append(variation["text"])
            keys.extend(button["title"] for button in variation.get("buttons") or [])
    return keys


@pytest.mark.parametrize("locale", LOCALES)
def test_every_domain_response_has_a_translation(locale):
    strict = Catalog(strict=True)
    missing = [key for key in domain_strings() if not strict.has(key, locale)]
    assert missing == []


def test_a_missing_translation_is_an_error_in_strict_mode():
    with pytest.raises(MissingTranslation):
        Catalog(strict=True).text("basics.no_such_reply", "es")


def test_a_missing_placeholder_value_is_an_error_in_strict_mode():
    with pytest.raises(MissingTranslation):
        Catalog(strict=True).text("basics.handoff", "en")
