"""Places named inside a longer message: "we live in Burbank and want Toluca Lake Elementary".

A parent who says everything in the first message should not be asked it again (issue 16). These
rules find the words that name a district or a school; bot.schools decides which one they name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final, TypeVar

from bot.rules.typed_answers import fold

T = TypeVar("T")

#: Words just before a place that make it the parent's workplace, not their home.
_WORK_WORDS: Final = frozenset(
    "work works working job trabajo trabaja trabajamos trabajan chamba empleo employer".split()
)
#: How many words before a place are read for a work word ("I work at a hospital in Glendale").
_WORK_REACH: Final = 5
#: Words that end an English school name, or start a Spanish one.
_SCHOOL_END: Final = (
    r"(?:elementary|middle|high|senior high|academy|school|magnet|primary center|span school|"
    r"community school|charter)"
)
#: A Spanish school word before a name, and the English word the directory's name ends with.
_SCHOOL_START: Final = {
    "escuela primaria": "elementary",
    "primaria": "elementary",
    "secundaria": "middle",
    "preparatoria": "senior high",
    "prepa": "senior high",
    "escuela": "",
}
_NAME_WORDS: Final = r"(?:[\w.'-]+ ){0,4}"


def named_places(text: str, names: Mapping[str, T], *, not_after_work: bool = False) -> list[T]:
    """The values whose name (folded, whole words) the text mentions, longest names first, no overlaps.

    With `not_after_work`, a name that follows a work word ("trabajo en Glendale") is left out.
    """
    words = [word.strip(".'-") for word in fold(text).split()]  # "We live in Burbank."
    taken = [False] * len(words)
    found: list[T] = []
    for name in sorted(names, key=lambda n: -len(n.split())):
        wanted = fold(name).split()
        if not wanted:
            continue
        for start in range(len(words) - len(wanted) + 1):
            end = start + len(wanted)
            if words[start:end] != wanted or any(taken[start:end]):
                continue
            taken[start:end] = [True] * len(wanted)
            before = words[max(0, start - _WORK_REACH) : start]
            if not_after_work and _WORK_WORDS.intersection(before):
                continue
            if names[name] not in found:
                found.append(names[name])
    return found


def school_phrases(text: str) -> list[str]:
    """Phrases that may be a school's name: "… Toluca Lake Elementary", "la primaria Ramona …".

    Each is a few words ending in a school word (English) or following one (Spanish); the school
    directory then decides which, if any, is a school's exact name.
    """
    folded = fold(text)
    phrases: list[str] = []
    for match in re.finditer(rf"\b({_NAME_WORDS}{_SCHOOL_END})\b", folded):
        words = match.group(1).split()
        phrases += [" ".join(words[start:]) for start in range(len(words) - 1)]
    starts = "|".join(_SCHOOL_START)
    for match in re.finditer(rf"\b({starts}) ((?:[\w.'-]+ ?){{1,4}})", folded):
        kind, words = _SCHOOL_START[match.group(1)], match.group(2).split()
        for end in range(len(words), 0, -1):
            name = " ".join(words[:end])
            phrases += [f"{name} {kind}", name] if kind else [name]
    return list(dict.fromkeys(phrases))


def one_of(found: Iterable[T]) -> T | None:
    """The only value found, or None when there are none or several (then the form asks)."""
    values = list(dict.fromkeys(found))
    return values[0] if len(values) == 1 else None


#: "a la escuela Linwood Howe, porque…", "to Franklin Elementary in Culver City": a school's name as
#: the parent wrote it (capitalised words after a school word, or ending in one).
_SCHOOL_AS_WRITTEN: Final = re.compile(
    r"\b(?:escuela|primaria|secundaria|preparatoria|prepa|colegio|school)\s+"
    r"((?:[A-ZÁÉÍÓÚÑ][\w.'-]*)(?:\s+[A-ZÁÉÍÓÚÑ][\w.'-]*){0,3})"
    r"|\b((?:[A-ZÁÉÍÓÚÑ][\w.'-]*\s+){1,3}(?:Elementary|Middle|High|Academy|School|Primary Center))\b"
)
#: Capitalised words that are not a school's name ("la escuela LAUSD", "school in LA").
_NOT_SCHOOL_NAMES: Final = frozenset({"lausd", "la", "los angeles", "unified", "district", "distrito"})


def school_name_as_written(text: str) -> str | None:
    """The name of a school (of any district) as the parent wrote it, or None."""
    for match in _SCHOOL_AS_WRITTEN.finditer(text):
        name = (match.group(1) or match.group(2) or "").strip(" .,'-")
        if name and fold(name) not in _NOT_SCHOOL_NAMES and "lausd" not in fold(name).split():
            return name
    return None
