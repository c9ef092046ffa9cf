"""Accent folding: "Cuándo", "cuando" and "CUANDO" are one word to the classifier.

Parents type Spanish with and without accents; folding the tokens (not the text) lets every
training example count for both spellings while entity spans still point at what was typed.
"""

from __future__ import annotations

import unicodedata


def fold(word: str) -> str:
    """Lowercase `word` and strip its accents ("Cuándo" -> "cuando", "niño" -> "nino")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
