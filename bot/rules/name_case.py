"""Names written the way people write them, for replies and emails ("rosa de la cruz" → "Rosa de la Cruz").

A name typed with both capitals and small letters is kept exactly as typed: the parent knows how
their name is written ("McDonald", "DeShawn", "de la Cruz", "LaToya"). Only a name typed all in
small letters or all in capitals (phones and hurried typing) is recased:
- each word and each part after a hyphen starts with a capital ("mary-jane" → "Mary-Jane");
- a one-letter prefix before an apostrophe is a word of its own ("o'neil" → "O'Neil", "d'angelo");
- "mc" starts a new capital ("mcdonald" → "McDonald"); "mac" does not ("Macías", "Mackey");
- Spanish, Portuguese, Italian, French and Dutch particles stay small when a word follows them in
  the same field ("de la cruz" → "de la Cruz", "maria de los angeles" → "Maria de los Angeles",
  "dos santos" → "dos Santos"); "la", "las", "los" only after "de", so the surname "La" stays;
- generational suffixes: "iii" → "III", "jr" → "Jr".
"""

from __future__ import annotations

from typing import Final

#: Small when another word follows in the same field.
PARTICLES: Final = frozenset({"de", "del", "da", "das", "dos", "di", "du", "van", "von", "der", "den"})
#: Small only right after "de" ("de la", "de las", "de los").
ARTICLES_AFTER_DE: Final = frozenset({"la", "las", "los", "lo"})
#: Small only between two words ("García y López").
CONJUNCTIONS: Final = frozenset({"y", "e"})
ROMAN_SUFFIXES: Final = frozenset({"ii", "iii", "iv"})
TITLED_SUFFIXES: Final = frozenset({"jr", "jr.", "sr", "sr."})


def capitalize_name(name: str) -> str:
    """`name` (one field: first, middle or last) as people write it; mixed-case input is kept."""
    letters = [char for char in name if char.isalpha()]
    has_upper = any(char.isupper() for char in letters)
    has_lower = any(char.islower() for char in letters)
    if has_upper and has_lower:
        return name
    words = name.lower().split(" ")
    return " ".join(_word(words, index) for index in range(len(words)))


def _word(words: list[str], index: int) -> str:
    word = words[index]
    followed = index + 1 < len(words)
    previous = words[index - 1] if index else ""
    if followed and word in PARTICLES:
        return word
    if word in ARTICLES_AFTER_DE and previous == "de" and followed:
        return word
    if word in CONJUNCTIONS and index and followed:
        return word
    if word in ROMAN_SUFFIXES and index:
        return word.upper()
    if word in TITLED_SUFFIXES and index:
        return word.capitalize()
    return "-".join(_hyphen_part(part) for part in word.split("-"))


def _hyphen_part(part: str) -> str:
    if len(part) > 2 and part[1] == "'":  # o'neil, d'angelo, l'ouverture
        return part[0].upper() + "'" + _capital(part[2:])
    return _capital(part)


def _capital(part: str) -> str:
    if part.startswith("mc") and len(part) > 3:
        return "Mc" + part[2].upper() + part[3:]
    return part[:1].upper() + part[1:]
