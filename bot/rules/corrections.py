"""Corrections in the parent's words: which answer they want to change, and to what.

"oh wait, my last name is actually Nguyen-Tran", "she is in 3rd grade, not 2nd", "the employer is
wrong, it's Hospital Brotman", "perdón, el apellido es Ruiz": the field is named by its words, the
new value (when given) follows "is / es / should be / it's", and "not 2nd" parts are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.clock import district_today
from bot.rules.grade_mentions import grade_mentions
from bot.rules.mentions import find_mentions
from bot.rules.typed_answers import fold

#: Words naming each answer, most specific first (both languages, folded: no accents).
APPLICATION_FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("student_last_name", ("last name", "lastname", "surname", "family name", "apellido", "apellidos")),
    ("student_first_name", ("first name", "firstname", "her name", "his name", "primer nombre", "nombre")),
    (
        "student_birthdate",
        (
            "birth date",
            "birthdate",
            "date of birth",
            "birthday",
            "dob",
            "born",
            "fecha de nacimiento",
            "nacimiento",
            "cumpleanos",
            "nacio",
        ),
    ),
    ("student_grade", ("grade", "grado", "year in school")),
    ("work_address", ("work address", "address", "direccion del trabajo", "direccion")),
    ("employer_name", ("employer", "company", "empleador", "empresa", "patron", "trabajo es", "job is")),
    (
        "sibling_school",
        ("sibling school", "brother school", "sister school", "escuela del hermano", "escuela de la hermana"),
    ),
    (
        "sibling_name",
        ("sibling name", "brother name", "sister name", "nombre del hermano", "nombre de la hermana"),
    ),
    (
        "childcare_provider",
        ("childcare provider", "provider", "daycare", "babysitter", "guarderia", "ninera"),
    ),
    ("requested_school", ("school", "escuela")),
    ("district", ("district", "distrito", "city", "ciudad")),
    ("app_reason", ("reason", "motivo", "razon")),
    ("release_in_hand", ("release", "liberacion", "permiso de salida")),
)

REGISTRATION_FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "parent_last_name",
        ("last name", "lastname", "surname", "family name", "apellido", "apellidos", "apeido"),
    ),
    ("parent_middle_name", ("middle name", "middle initial", "segundo nombre")),
    (
        "parent_email",
        (
            "email address",
            "email",
            "e-mail",
            "e mail",
            "emial",
            "correo electronico",
            "correo",
            "mail",
            "imeil",
            "address",
        ),
    ),
    ("parent_first_name", ("first name", "firstname", "my name", "primer nombre", "nombre")),
)

_CORRECTION_MARKERS = (
    "wrong",
    "actually",
    "mistake",
    "typo",
    "incorrect",
    "not right",
    "fix",
    "change",
    "correct",
    "wait",
    "oops",
    "sorry",
    "meant",
    "should be",
    "instead",
    "not",
    "equivoc",
    "equivoqu",
    "error",
    "mal",
    "corrig",
    "cambi",
    "perdon",
    "en realidad",
    "quise decir",
    "no es",
    "debe ser",
    "arregl",
)
#: Markers that are word stems: "equivocado", "me equivoqué", "corregir", "cambiar", "arreglar".
_STEMS = frozenset({"equivoc", "equivoqu", "corrig", "cambi", "arregl"})
_CORRECTION_MARKER = re.compile(
    "|".join(r"\b" + re.escape(m) + (r"\w*" if m in _STEMS else "") + r"\b" for m in _CORRECTION_MARKERS)
)
#: Words after which the new value comes ("is actually", "es", "should be"); the last one counts.
_VALUE_MARKERS = ("is", "it's", "its", "are", "be", "es", "son", "to", "a", "por", "sea", "seria")
_FILLER_AFTER_MARKER = ("actually", "really", "en", "realidad", "acually", "actualy")
_NOT_A_VALUE = (
    "wrong",
    "incorrect",
    "mal",
    "equivocado",
    "equivocada",
    "incorrecto",
    "incorrecta",
    "not right",
)
_NOT_PART = re.compile(r"\b(?:not|no)\s+(?:in\s+|en\s+|el\s+|la\s+|es\s+|a\s+)?[\w-]+(?:\s+grade|\s+grado)?")


@dataclass(frozen=True)
class Correction:
    """The answer the parent wants to change, and the new value they typed (or None)."""

    field: str
    new_value: str | None


def named_field(text: str, fields: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The first field whose words appear in the text ("grade", "el apellido")."""
    folded = f" {fold(text)} "
    for field, words in fields:
        if any(f" {word} " in folded or f" {word}s " in folded for word in words):
            return field
    return None


def named_fields(text: str, fields: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[str, int, int]]:
    """Each field the text names, as (field, start, end) in the text as typed, in reading order.
    A more specific field's words win where two overlap: "segundo nombre" is the middle name, not
    a first name. Accents and case do not matter ("Apellído", "CORREO")."""
    folded = _fold_in_place(text)
    found: list[tuple[str, int, int]] = []
    for field, words in fields:
        for word in words:  # not inside an address or a longer word: "maria@mail.com", "mailbox"
            for match in re.finditer(rf"(?<![\w@.-]){re.escape(word)}s?(?![\w@]|[.-]\w)", folded):
                if not any(match.start() < end and start < match.end() for _, start, end in found):
                    found.append((field, match.start(), match.end()))
    joined: list[tuple[str, int, int]] = []
    for field, start, end in sorted(found, key=lambda named: named[1]):
        if joined and joined[-1][0] == field and not folded[joined[-1][2] : start].strip():
            joined[-1] = (field, joined[-1][1], end)  # "e-mail address": one mention
        else:
            joined.append((field, start, end))
    return joined


def _fold_in_place(text: str) -> str:
    """`fold` character by character, so that places in the result are places in the text."""
    kept = []
    for char in text:
        folded = fold(char) or " "
        kept.append(folded if len(folded) == 1 else char.lower())
    return "".join(kept)


def read_correction(
    text: str, fields: tuple[tuple[str, tuple[str, ...]], ...], *, marker_needed: bool = True
) -> Correction | None:
    """A correction of one of `fields`, or None. Inside a form a marker ("wrong", "actually", "not")
    is needed, so that "her school is Franklin" answering the school question is not a correction."""
    folded = fold(text)
    field = named_field(text, fields)
    if (
        field is None
        and any(name == "student_grade" for name, _ in fields)
        and len(grade_mentions(folded)) >= 2
    ):
        field = "student_grade"  # "perdón, está en tercero, no en segundo": two grades, one taken back
    if field is None:
        return None
    if marker_needed and not _CORRECTION_MARKER.search(folded):
        return None
    return Correction(field, new_value(text, field))


def new_value(text: str, field: str) -> str | None:
    """What follows the last "is / es / should be" in the text, "not …" parts dropped; None if nothing."""
    lowered = fold(text)
    if field == "student_grade":
        grades = {mention.grade.code for mention in grade_mentions(_NOT_PART.sub(" ", lowered))}
        return grades.pop() if len(grades) == 1 else None
    if field == "student_birthdate":
        kept = _NOT_PART.sub(" ", lowered)  # "nacio el 12 de agosto de 2015 no 2016"
        dates = [m for m in find_mentions(kept, today=district_today()) if m.entity == "date"]
        if len(dates) == 1:
            return kept[dates[0].start : dates[0].end]
        return kept if any(char.isdigit() for char in kept) else None
    words = text.replace(",", " , ").split()
    folded = [fold(word) for word in words]
    markers = [index for index, word in enumerate(folded) if word in _VALUE_MARKERS]
    for index in reversed(markers):
        tail = words[index + 1 :]
        while tail and fold(tail[0]) in _FILLER_AFTER_MARKER:
            tail = tail[1:]
        value = " ".join(tail)
        value = re.split(r"\s,\s*(?:not|no)\b|\s+(?:not|no)\s", value, flags=re.IGNORECASE)[0]
        value = value.replace(" ,", ",").strip(" .!,")
        if value and fold(value) not in _NOT_A_VALUE:
            if field == "parent_email" and "@" not in value:
                return None
            return value
    return None
