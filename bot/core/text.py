"""The one text catalog: every word a parent or staff member reads (bot/locales/<topic>.<locale>.yml).

python-i18n keeps its settings in globals, so they are set once, here, when the first catalog is
made. The locale is passed on every lookup: python-i18n's global locale would leak between
conversations. A missing key or placeholder is an error in strict mode (tests) and is logged
loudly, then rendered in English, in production. Use ``catalog()``, the process's one catalog.
"""

from __future__ import annotations

import logging
import re
from functools import cache

import i18n

from bot.core.settings import PROJECT_ROOT

LOCALES_DIR = PROJECT_ROOT / "bot" / "locales"
LOCALES = ("en", "es")
FALLBACK_LOCALE = "en"
PLACEHOLDER = re.compile(r"%\{(\w+)\}")

logger = logging.getLogger(__name__)


@cache
def _configure_i18n() -> None:
    """python-i18n's global settings, set once per process."""
    i18n.set("load_path", [str(LOCALES_DIR)])
    i18n.set("filename_format", "{namespace}.{locale}.{format}")
    i18n.set("file_format", "yml")
    i18n.set("skip_locale_root_data", True)
    i18n.set("available_locales", list(LOCALES))
    i18n.set("fallback", FALLBACK_LOCALE)
    i18n.set("error_on_missing_placeholder", False)


def plural_count(value: object) -> int | None:
    """`count` as the number python-i18n compares (a whole number, possibly sent as text)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


#: A sentence that ends on "a.m." or "p.m." (en) or "a. m." (es) keeps one period.
_DOUBLE_PERIOD = re.compile(r"\b([ap]\. ?m\.)\.")


class MissingTranslation(KeyError):
    """A catalog key or a placeholder value is missing."""


class Catalog:
    """Looks up and fills catalog entries for one locale at a time."""

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict
        _configure_i18n()

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
        values: dict[str, object] = {
            name: "" if value is None else str(value) for name, value in params.items()
        }
        count = plural_count(params.get("count"))
        if count is None and isinstance(i18n.translations.get(key, locale=locale), dict):
            self._complain(f"'{key}' in '{locale}' has plural forms but no count")
            count = 2  # python-i18n renders its "many" form
        if count is not None:
            values["count"] = count  # python-i18n picks the entry's zero/one/many form by it
        rendered = str(i18n.t(key, locale=locale, **values))
        rendered = _DOUBLE_PERIOD.sub(r"\1", rendered)  # "at 8:00 a.m.." when a sentence ends on a time
        missing = PLACEHOLDER.findall(rendered)
        if missing:
            self._complain(f"'{key}' in '{locale}' lacks values for {missing}")
            rendered = PLACEHOLDER.sub("", rendered)
        return rendered

    def _complain(self, problem: str) -> None:
        if self.strict:
            raise MissingTranslation(problem)
        logger.error("Catalog problem: %s", problem)


@cache
def catalog() -> Catalog:
    """The process's catalog (lenient: problems are logged, English fills in)."""
    return Catalog()
