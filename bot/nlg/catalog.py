"""Moved to bot.core.text (temporary re-export while the users move)."""

from bot.core.text import FALLBACK_LOCALE, LOCALES, LOCALES_DIR, PLACEHOLDER, Catalog, MissingTranslation

__all__ = ["FALLBACK_LOCALE", "LOCALES", "LOCALES_DIR", "PLACEHOLDER", "Catalog", "MissingTranslation"]
