"""Where a sentence names a grade: "my son starts [5th grade] in August", "esta en [quinto]".

``parse_grade`` reads a whole answer ("5", "cinco", "fifth"); this module finds grades inside
free text, for the NLU entity `grade`, and is stricter, because a sentence has many words that
look like grades: "the first day", "my 2nd son", "k" (SMS Spanish for "que"), "Hollywood Senior
High". A mention counts when it is unmistakable ("5th", "kinder", "TK", "grade 5", "quinto de
primaria", "primero de secundaria") or stands where a grade stands ("in fifth", "va a quinto").
Each mention's span covers the grade words as typed, with "grade"/"grado"/"grader" when present.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.rules.grades import Grade

_ORDINALS = {
    **dict.fromkeys(("first", "primero", "primer", "primera"), 1),
    **dict.fromkeys(("second", "segundo", "segunda"), 2),
    **dict.fromkeys(("third", "tercero", "tercer", "tercera"), 3),
    **dict.fromkeys(("fourth", "cuarto", "cuarta"), 4),
    **dict.fromkeys(("fifth", "quinto", "quinta"), 5),
    **dict.fromkeys(("sixth", "sexto", "sexta"), 6),
    **dict.fromkeys(("seventh", "septimo", "setimo"), 7),
    **dict.fromkeys(("eighth", "octavo"), 8),
    **dict.fromkeys(("ninth", "noveno"), 9),
    **dict.fromkeys(("tenth", "decimo"), 10),
    **dict.fromkeys(("eleventh", "undecimo", "onceavo"), 11),
    **dict.fromkeys(("twelfth", "duodecimo", "doceavo"), 12),
}
_CARDINALS = {
    word: number
    for number, words in enumerate(
        (
            "one uno",
            "two dos",
            "three tres",
            "four cuatro",
            "five cinco",
            "six seis",
            "seven siete",
            "eight ocho",
            "nine nueve",
            "ten diez",
            "eleven once",
            "twelve doce",
        ),
        1,
    )  # fmt: skip
    for word in words.split()
}
_SUFFIXED = re.compile(r"^(\d{1,2})(st|nd|rd|th|ro|ra|do|da|er|to|ta|mo|vo|no|o|a)$")
_BARE_NUMBER = re.compile(r"^\d{1,2}$")
_GRADE_AFTER = frozenset({"grade", "grader", "graders", "grado", "gr", "ano"})
_GRADE_BEFORE = frozenset({"grade", "grado", "gr"})
# Words after which an ordinal word stands for a grade: "in fifth", "va a quinto", "starts sixth".
_ENGLISH_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)
_GRADE_SLOT_EN = frozenset("in into to entering enters starting starts start going be for".split())
_GRADE_SLOT_ES = frozenset("en a al de pasa entra va cursa cursando empieza estara esta sera".split())
# Nouns that make an ordinal something else: "2nd son", "first time", "primer dia", "3rd street".
_NOT_GRADE_AFTER = frozenset(
    "time times day days week weeks month child kid kids son daughter baby attempt try one thing "
    "question step street st ave avenue floor period place choice option page semester letter "
    "vez veces dia dias semana mes hijo hija nino nina bebe intento pregunta paso calle piso "
    "lugar opcion pagina semestre periodo carta".split()
)
_SCHOOL_LEVELS = {"primaria": 0, "elementary": 0, "secundaria": 6, "middle": 6, "prepa": 9, "preparatoria": 9}
_WHOLE_K = frozenset({"k", "kinder", "kindergarten", "kindergarden"})
_K_WORDS = frozenset({"kinder", "kindergarten", "kindergarden", "kinter", "kinde"})
_TK_PHRASES = (
    ("transitional", "kindergarten"), ("transitional", "kinder"), ("kinder", "de", "transicion"),
    ("kinder", "transicional"), ("kinder", "transicion"), ("pre", "kinder"), ("prekinder",), ("tk",),
    ("t", "k"),
)  # fmt: skip
_HIGH_SCHOOL_YEARS = {"freshman": 9, "sophomore": 10, "junior": 11, "senior": 12}
_TOKEN = re.compile(r"[^\s,;:!?()\"]+")


@dataclass(frozen=True)
class GradeMention:
    """A grade named in text: ``text[start:end]`` names ``grade``."""

    start: int
    end: int
    grade: Grade


def grade_mentions(text: str) -> list[GradeMention]:
    """Every unmistakable grade mention in ``text``, left to right, without overlaps."""
    tokens = [(m.start(), m.end(), _plain(m.group())) for m in _TOKEN.finditer(text)]
    tokens = [(start, end, word) for start, end, word in tokens if word]
    words = [word for _, _, word in tokens]
    whole_answer = len(words) <= 2  # "fifth", "quinto porfa": the answer to "which grade?"
    found: list[GradeMention] = []
    index = 0
    while index < len(tokens):
        reading = _read_at(words, index, whole_answer)
        if reading is None:
            index += 1
            continue
        first, last, grade = reading
        found.append(GradeMention(tokens[first][0], tokens[last][1], grade))
        index = last + 1
    return found


def _read_at(words: list[str], index: int, whole_answer: bool) -> tuple[int, int, Grade] | None:
    """(first token, last token, grade) for a mention starting at ``index``, or None."""
    word = words[index]
    after = words[index + 1] if index + 1 < len(words) else ""
    for phrase in _TK_PHRASES:
        if tuple(words[index : index + len(phrase)]) == phrase:
            return index, index + len(phrase) - 1, Grade.TK
    if word in _K_WORDS or (word == "k" and len(words) == 1):
        return index, index, Grade.K
    if word in _GRADE_BEFORE and _number_word(after) is not None:
        return index, index + 1, Grade(_number_word(after))  # type: ignore[arg-type]
    number = _ordinal(words, index, whole_answer)
    if number is None and word in _HIGH_SCHOOL_YEARS and after not in {"high", "year", "citizen", "citizens"}:
        number = _HIGH_SCHOOL_YEARS[word]
    if number is None and after in _GRADE_AFTER and after != "ano" and _number_word(word) is not None:
        number = _number_word(word)
    if number is None:
        return None
    last = index
    if after in _GRADE_AFTER:
        last += 1
    level = _school_level(words, last + 1)
    if level is not None:
        offset, through = level
        if number + offset > 12 or (offset and number > 3):
            return None
        number, last = number + offset, through
    if not 1 <= number <= 12:
        return None
    return index, last, Grade(number)


def _ordinal(words: list[str], index: int, whole_answer: bool) -> int | None:
    """The number of an ordinal ("5th", "quinto") when it stands for a grade here."""
    word = words[index]
    before = words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    if after in _NOT_GRADE_AFTER:
        return None
    if after in {"de", "of"} and _school_level(words, index + 1) is None:
        return None  # "5th of March", "primero de mayo"
    suffixed = _SUFFIXED.match(word)
    if suffixed:
        return int(suffixed.group(1))
    if word not in _ORDINALS:
        return None
    slot = _GRADE_SLOT_EN if word in _ENGLISH_ORDINALS else _GRADE_SLOT_ES
    if whole_answer or before in slot or after in _GRADE_AFTER or after in {"de", "of"}:
        return _ORDINALS[word]
    return None


def _number_word(word: str) -> int | None:
    if _BARE_NUMBER.match(word):
        return int(word)
    suffixed = _SUFFIXED.match(word)
    if suffixed:
        return int(suffixed.group(1))
    return _CARDINALS.get(word) or _ORDINALS.get(word)


def _school_level(words: list[str], index: int) -> tuple[int, int] | None:
    """ "de secundaria" after "primero" adds 6 ("primero de secundaria" is 7th): (offset, last token)."""
    if index + 1 < len(words) and words[index] in {"de", "of"} and words[index + 1] in _SCHOOL_LEVELS:
        return _SCHOOL_LEVELS[words[index + 1]], index + 1
    if index < len(words) and words[index] in {"primaria", "secundaria", "prepa", "preparatoria"}:
        return _SCHOOL_LEVELS[words[index]], index
    return None


def _plain(token: str) -> str:
    """Lower case, accents removed ("5º" -> "5o"), edge punctuation and a possessive dropped."""
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = plain.strip(".'’-¿¡")
    return plain[:-2] if plain.endswith(("'s", "’s")) else plain  # "my 2nd grader's permit"
