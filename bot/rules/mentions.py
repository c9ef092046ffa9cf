"""What a message mentions that the rules can read exactly: numbers, emails, dates, grades.

The NLU pipeline turns these into entities (bot.nlu.rule_entities) instead of learning them,
because the rules already define them: a confirmation number is one whose check symbol is right,
a date is one ``parse_date`` reads, a grade is one ``grade_mentions`` finds. Each mention carries
its canonical value, so "la 7k3m 9qx2 r", "March 3rd, 2015" and "quinto grado" arrive as
``LA-7K3M-9QX2-R``, ``2015-03-03`` and ``5``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from bot.rules.confirmation import CONFIRMATION_NUMBER_REGEX, parse_confirmation_number
from bot.rules.dates import parse_date
from bot.rules.grade_mentions import grade_mentions

#: Only the start of a very long message is read (the REST channel cuts at 2,000 characters).
MAX_TEXT: Final = 2000
#: The most words a written date takes: "el lunes 3 de marzo del 2015".
_MAX_DATE_WORDS: Final = 6
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
_NUMBER = re.compile(rf"(?<![0-9A-Za-z]){CONFIRMATION_NUMBER_REGEX}(?![0-9A-Za-z])")
_WORD = re.compile(r"\S+")
_EDGE_PUNCTUATION = ",.;:!?¿¡()\"'"
# Words a date never starts or ends with, so "born on March 3, 2015" gives "March 3, 2015".
_NOT_DATE_EDGE = frozenset("de del el of the on born nacio nacido nacida en in is es fue was y and".split())
_RELATIVE = frozenset({"today", "hoy", "yesterday", "ayer", "tomorrow", "manana", "mañana"})


@dataclass(frozen=True)
class Mention:
    """``text[start:end]`` mentions ``entity`` (confirmation_number, email, date, grade) = ``value``."""

    entity: str
    start: int
    end: int
    value: str


def find_mentions(text: str, *, today: date) -> list[Mention]:
    """Every mention in ``text``, in order; where two overlap, the earlier kind in this list wins:
    email, confirmation number, date, grade ("5th" inside "March 5th, 2015" is part of a date)."""
    text = text[:MAX_TEXT]
    found: list[Mention] = []
    for kind in (_emails(text), _confirmation_numbers(text), _dates(text, today), _grades(text)):
        found.extend(m for m in kind if not any(m.start < o.end and o.start < m.end for o in found))
    return sorted(found, key=lambda mention: mention.start)


def _emails(text: str) -> list[Mention]:
    return [Mention("email", m.start(), m.end(), _normal_email(m.group())) for m in _EMAIL.finditer(text)]


def _normal_email(address: str) -> str:
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def _confirmation_numbers(text: str) -> list[Mention]:
    found = []
    for match in _NUMBER.finditer(text):
        number = parse_confirmation_number(match.group())
        if number and _looks_like_a_number(match.group()):
            found.append(Mention("confirmation_number", match.start(), match.end(), number))
    return found


def _looks_like_a_number(written: str) -> bool:
    """One in 32 runs of words passes the check symbol ("la mama dice q"), so a number without
    a digit (3 % of them) must be written with dashes or in capitals to count as an entity.
    The status form still reads any valid number from a whole answer (parse_confirmation_number)."""
    if any(char.isdigit() for char in written):
        return True
    return "-" in written or written.isupper()


def _dates(text: str, today: date) -> list[Mention]:
    """Dates with day, month and year; the longest reading from each word wins."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    found: list[Mention] = []
    index = 0
    while index < len(words):
        reading = _date_at(text, words, index, today)
        if reading is None:
            index += 1
            continue
        last, mention = reading
        found.append(mention)
        index = last + 1
    return found


def _date_at(
    text: str, words: list[tuple[int, int, str]], index: int, today: date
) -> tuple[int, Mention] | None:
    if _bare(words[index][2]) in _NOT_DATE_EDGE:
        return None
    if not any(char.isdigit() for _, _, word in words[index : index + _MAX_DATE_WORDS] for char in word):
        return None  # every date form has digits; most messages have none
    for last in range(min(len(words), index + _MAX_DATE_WORDS) - 1, index - 1, -1):
        if _bare(words[last][2]) in _NOT_DATE_EDGE:
            continue
        start = words[index][0] + _leading_punctuation(words[index][2])
        end = words[last][1] - _trailing_punctuation(words[last][2])
        written = text[start:end]
        if not written or written.casefold() in _RELATIVE:
            continue
        reading = parse_date(written, today=today)
        if reading is not None:
            return last, Mention("date", start, end, reading.value.isoformat())
    return None


def _grades(text: str) -> list[Mention]:
    return [Mention("grade", m.start, m.end, m.grade.code) for m in grade_mentions(text)]


def _bare(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION).casefold()


def _leading_punctuation(word: str) -> int:
    return len(word) - len(word.lstrip(_EDGE_PUNCTUATION))


def _trailing_punctuation(word: str) -> int:
    return len(word) - len(word.rstrip(_EDGE_PUNCTUATION))
