"""Grades as parents say them (English and Spanish) and as CDE writes them (``GSoffered``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum


class Grade(IntEnum):
    """A grade level, ordered: preschool < TK < K < 1 < … < 12."""

    P = -2
    TK = -1
    K = 0
    G1 = 1
    G2 = 2
    G3 = 3
    G4 = 4
    G5 = 5
    G6 = 6
    G7 = 7
    G8 = 8
    G9 = 9
    G10 = 10
    G11 = 11
    G12 = 12

    @property
    def code(self) -> str:
        """The code stored in slots and rendered by the bot: "P", "TK", "K", "1" … "12"."""
        return self.name if self <= Grade.K else str(int(self))

    @classmethod
    def from_code(cls, code: str) -> Grade:
        """The grade for a code made by ``code``; raises ValueError for anything else."""
        if code in ("P", "TK", "K"):
            return cls[code]
        if code.isdigit() and 1 <= int(code) <= 12:
            return cls(int(code))
        raise ValueError(f"not a grade code: {code!r}")


#: The grades a permit can be requested for.
PERMIT_GRADES: tuple[Grade, ...] = tuple(grade for grade in Grade if grade >= Grade.TK)

# Whole answers that name a grade (accents already removed, punctuation turned to spaces).
_TK_ANSWERS = (
    "tk", "t k", "transitional kindergarten", "transitional kinder", "kinder transicion",
    "kinder transicional", "kindergarten transicion", "kinder transitorio", "prekinder", "pre kinder",
)  # fmt: skip
_K_ANSWERS = "k|kinder|kindergarten|kinder garden|kindergarden|jardin ninos|jardin infantes".split("|")
_WORDS: dict[str, Grade] = {
    **dict.fromkeys(_TK_ANSWERS, Grade.TK),
    **dict.fromkeys(_K_ANSWERS, Grade.K),
    **{"freshman": Grade.G9, "sophomore": Grade.G10, "junior": Grade.G11, "senior": Grade.G12},
}
# Words that name a grade even inside a sentence ("she starts fifth in August"), grades 1-12.
_ORDINAL_WORDS = (
    "first primero primer", "second segundo", "third tercero tercer", "fourth cuarto", "fifth quinto",
    "sixth sexto", "seventh septimo setimo", "eighth octavo", "ninth noveno", "tenth decimo",
    "eleventh undecimo onceavo decimoprimero", "twelfth duodecimo doceavo decimosegundo",
)  # fmt: skip
# Cardinal words name a grade only as the whole answer or next to "grade"/"grado".
_CARDINAL_WORDS = (
    "one uno", "two dos", "three tres", "four cuatro", "five cinco", "six seis",
    "seven siete", "eight ocho", "nine nueve", "ten diez", "eleven once", "twelve doce",
)  # fmt: skip
_ORDINALS = {word: number for number, words in enumerate(_ORDINAL_WORDS, 1) for word in words.split()}
_CARDINALS = {word: number for number, words in enumerate(_CARDINAL_WORDS, 1) for word in words.split()}
_TK_PHRASES = tuple(phrase for phrase, grade in _WORDS.items() if grade is Grade.TK and " " in phrase)
_K_IN_SENTENCE = frozenset({"kinder", "kindergarten", "kindergarden", "tk"})
_GRADE_WORDS = frozenset({"grade", "grado", "gr"})
_FILLER = frozenset({"the", "in", "en", "de", "el", "la", "ano", "year", "yr", "to"}) | _GRADE_WORDS
_NUMBER = re.compile(r"^(\d{1,2})(st|nd|rd|th|ro|do|er|to|mo|vo|no|o|a)?$")
_SPAN_PART = re.compile(r"^(P|TK|K|\d{1,2}|Adult)$", re.IGNORECASE)


def parse_grade(text: str) -> Grade | None:
    """Read a requested grade (TK–12): "5th", "fifth grade", "quinto", "5to grado", "kinder", "K", "TK", "12".

    A whole answer may be a bare number or word ("5", "cinco"); inside a sentence only
    unmistakable forms count ("5th", "quinto", "grade 5", "kinder"), and only when they all
    name the same grade. None for preschool, "13th", or no grade at all.
    """
    if len(text) > 200:
        return None
    words = _normalize(text)
    kept = " ".join(word for word in words.split() if word not in _FILLER)
    for phrase in (words, kept):
        if phrase in _WORDS:
            return _WORDS[phrase]
        if phrase in _CARDINALS:
            return Grade(_CARDINALS[phrase])
        number = _NUMBER.match(phrase)
        if number:
            return Grade(int(number.group(1))) if 1 <= int(number.group(1)) <= 12 else None
    found = _grades_in_sentence(words)
    return found.pop() if len(found) == 1 else None


def _grades_in_sentence(words: str) -> set[Grade]:
    found: set[Grade] = set()
    for phrase in _TK_PHRASES:
        if f" {phrase} " in f" {words} ":
            found.add(Grade.TK)
            words = f" {words} ".replace(f" {phrase} ", " ").strip()
    tokens = words.split()
    for index, token in enumerate(tokens):
        neighbours = set(tokens[max(0, index - 1) : index]) | set(tokens[index + 1 : index + 2])
        beside_grade = bool(neighbours & _GRADE_WORDS)
        match = _NUMBER.match(token)
        number: int | None = None
        if match and (match.group(2) or beside_grade):
            number = int(match.group(1))
        elif token in _ORDINALS:
            number = _ORDINALS[token]
        elif token in _CARDINALS and beside_grade:
            number = _CARDINALS[token]
        elif token in _K_IN_SENTENCE:
            found.add(Grade.TK if token == "tk" else Grade.K)
        if number is not None:
            if not 1 <= number <= 12:
                return set()
            found.add(Grade(number))
    return found


@dataclass(frozen=True)
class GradeSpan:
    """The grades a school offers, from CDE's ``GSoffered`` ("K-5", "9-12", "P-12", "9-Adult")."""

    low: Grade
    high: Grade
    adult: bool = False

    def __contains__(self, grade: object) -> bool:
        return isinstance(grade, Grade) and self.low <= grade <= self.high


def parse_grade_span(gs_offered: str) -> GradeSpan | None:
    """Read CDE's ``GSoffered``; None for an empty value, adult-only schools or anything unreadable."""
    parts = [part.strip() for part in gs_offered.split("-")]
    if not 1 <= len(parts) <= 2 or not all(_SPAN_PART.match(part) for part in parts):
        return None
    adult = parts[-1].lower() == "adult"
    try:
        grades = [_span_grade(part) for part in parts if part.lower() != "adult"]
    except ValueError:
        return None
    if not grades:
        return None
    low = grades[0]
    # "9-Adult" serves 9 through 12 and adults.
    high = Grade.G12 if adult else grades[-1]
    if low > high:
        return None
    return GradeSpan(low=low, high=high, adult=adult)


def _span_grade(part: str) -> Grade:
    upper = part.upper()
    if upper in ("P", "TK", "K"):
        return Grade[upper]
    number = int(part)
    if not 1 <= number <= 12:
        raise ValueError(part)
    return Grade(number)


def _normalize(text: str) -> str:
    """Lower case, accents removed ("º" becomes "o"), punctuation to spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = re.sub(r"[\W_]+", " ", plain)
    return " ".join(plain.split())


def grade_offered(grade_code: str, gs_offered: str) -> bool | None:
    """Does CDE's ``GSoffered`` ("K-5", "9-12") include the grade code ("K", "5")? None: unknown span.

    Raises ValueError for a code that is not a grade (see ``Grade.from_code``).
    """
    grade = Grade.from_code(grade_code)
    span = parse_grade_span(gs_offered)
    return None if span is None else grade in span
