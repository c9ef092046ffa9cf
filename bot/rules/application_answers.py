"""Free-text answers of the permit application: short, printable, and (for work) a street address."""

from __future__ import annotations

import re
import unicodedata

from bot.rules.codes import Outcome

MAX_ANSWER = 200
#: A work address must be a street address: EC 48204(b) counts where the parent physically works.
_PO_BOX = re.compile(r"\b(p\.?\s*o\.?\s*box|post\s+office\s+box|apartado\s+postal|casilla)\b", re.IGNORECASE)


#: Never meaningful in a name, an employer or an address, and the stuff of markup and templates.
_MARKUP = frozenset("<>{}$`")


def free_text_answer(text: str, max_length: int = MAX_ANSWER) -> Outcome[str]:
    """The answer tidied (control characters and markup signs dropped, spaces collapsed); problems:
    empty, too_long."""
    printable = "".join(
        " " if unicodedata.category(char).startswith("C") or char in _MARKUP else char
        for char in text[: max_length * 4]
    )
    tidy = " ".join(printable.split())
    if not any(char.isalnum() for char in tidy):
        return Outcome(problem="empty")
    if len(tidy) > max_length:
        return Outcome(problem="too_long")
    return Outcome(value=tidy)


def work_address(text: str) -> Outcome[str]:
    """A street address of the workplace; problems: empty, too_long, po_box, no_street_number."""
    answer = free_text_answer(text)
    if not answer.ok or answer.value is None:
        return answer
    if _PO_BOX.search(answer.value):
        return Outcome(problem="po_box")
    if not any(char.isdigit() for char in answer.value):
        return Outcome(problem="no_street_number")
    return answer


_INCOMING_WORDS = (
    "incoming",
    "into lausd",
    "to lausd",
    "entrante",
    "entrar",
    "entre a",
    "ingres",
    "venir",
    "come to",
    "hacia lausd",
    "come into",
    "to enter",
    "enter lausd",
    "enter the district",
    "coming into",
    "entrar al",
    "al lausd",
    "transfer in",
)
_OUTGOING_WORDS = (
    "outgoing",
    "leave",
    "out of lausd",
    "from lausd",
    "saliente",
    "salir",
    "otro distrito",
    "another district",
    "sacar",
    "saque",
    "salga",
    "permiso de salida",
    "del lausd",
    "leaving",
    "out of the district",
    "transfer out",
    "dejar el lausd",
    "instead of lausd",
    "en vez del lausd",
    "en vez de lausd",
    "en lugar del lausd",
)


#: "mi hijo va en una escuela de LAUSD y lo queremos cambiar a Glendale": at LAUSD now, moved elsewhere.
_MOVED_OUT_OF_LAUSD = re.compile(
    r"\b(?:va|van|esta|estan|asiste|asisten|estudia|goes|go|attends|attend|is|are) (?:en|a|to|at|in) "
    r"(?:una |la |an |a |the )?(?:escuela |school )?(?:de |del |of )?lausd\b"
    r".*\b(?:cambiar(?:lo|la|los)?|pasar(?:lo|la|los)?|mover(?:lo|la|los)?|(?:lo|la|los) (?:queremos |quiero )?"
    r"(?:cambiar|pasar|mover)|transfer (?:him|her|them)|move (?:him|her|them)|switch (?:him|her|them))"
    r" (?:a|al|to) (?!(?:otra |another |una |an? )?(?:escuela )?(?:de |del )?lausd)"
)


def read_direction(text: str) -> str | None:
    """'incoming' or 'outgoing' from a typed answer, or None when it says neither (or both)."""
    folded = "".join(
        char for char in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(char)
    )
    incoming = any(word in folded for word in _INCOMING_WORDS)
    outgoing = any(word in folded for word in _OUTGOING_WORDS) or bool(_MOVED_OUT_OF_LAUSD.search(folded))
    if incoming == outgoing:
        return None
    return "incoming" if incoming else "outgoing"
