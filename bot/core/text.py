"""The reply catalogs (bot/locales/<topic>.<locale>.yml) read through python-i18n.

The locale is passed on every lookup: python-i18n's global locale would leak between
conversations. A missing key or placeholder is an error in strict mode (tests) and is logged
loudly, then rendered in English, in production.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import i18n

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LOCALES = ("en", "es")
FALLBACK_LOCALE = "en"
PLACEHOLDER = re.compile(r"%\{(\w+)\}")

logger = logging.getLogger(__name__)


class MissingTranslation(KeyError):
    """A catalog key or a placeholder value is missing."""


class Catalog:
    """Looks up and fills catalog entries for one locale at a time."""

    def __init__(self, directory: Path = LOCALES_DIR, strict: bool = False) -> None:
        self.strict = strict
        i18n.set("load_path", [str(directory)])
        i18n.set("filename_format", "{namespace}.{locale}.{format}")
        i18n.set("file_format", "yml")
        i18n.set("skip_locale_root_data", True)
        i18n.set("available_locales", list(LOCALES))
        i18n.set("fallback", FALLBACK_LOCALE)
        i18n.set("error_on_missing_placeholder", False)

    @staticmethod
    def has(key: str, locale: str) -> bool:
        """Whether the catalog of `locale` defines `key` (without falling back)."""
        if not i18n.translations.has(key, locale):
            i18n.resource_loader.search_translation(key, locale)
        return bool(i18n.translations.has(key, locale))

    def text(self, key: str, locale: str, **params: object) -> str:
        """The entry `key` ("topic.name") in `locale`, placeholders filled from `params`."""
        if locale not in LOCALES:
            locale = FALLBACK_LOCALE
        if not self.has(key, locale):
            self._complain(f"no translation for '{key}' in '{locale}'")
            locale = FALLBACK_LOCALE
            if not self.has(key, locale):
                raise MissingTranslation(key)
        values = {name: "" if value is None else str(value) for name, value in params.items()}
        rendered = str(i18n.t(key, locale=locale, **values))
        missing = PLACEHOLDER.findall(rendered)
        if missing:
            self._complain(f"'{key}' in '{locale}' lacks values for {missing}")
            rendered = PLACEHOLDER.sub("", rendered)
        return rendered

    def _complain(self, problem: str) -> None:
        if self.strict:
            raise MissingTranslation(problem)
        logger.error("Catalog problem: %s", problem)
