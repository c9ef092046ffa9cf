"""Pull the answer out of what a parent types in reply to a form question.

Parents answer "my name is Ana", "mi correo es rosa@x.com", "los numeros son 4 8 1 9" as often
as "Ana". These functions find the answer in the sentence; the identity rules then judge it.
"""

from __future__ import annotations

import re
from typing import Final

# Lead-ins before a name, English and Spanish, longest first (so "my last name is" wins over "my").
_NAME_LEAD_INS: Final = sorted(
    [
        "my name is",
        "my first name is",
        "my last name is",
        "my middle name is",
        "my surname is",
        "first name is",
        "last name is",
        "middle name is",
        "its",
        "it's",
        "it is",
        "i am",
        "i'm",
        "im",
        "me llamo",
        "mi nombre es",
        "mi apellido es",
        "mi segundo nombre es",
        "el nombre es",
        "el apellido es",
        "mi primer nombre es",
        "soy",
        "es",
        "name:",
        "nombre:",
        "apellido:",
    ],
    key=len,
    reverse=True,
)
_NONE_ANSWERS: Final = frozenset(
    {
        "none",
        "no",
        "nope",
        "n/a",
        "na",
        "skip",
        "no middle name",
        "i don't have one",
        "i dont have one",
        "don't have one",
        "dont have one",
        "i don't have",
        "i dont have",
        "nothing",
        "-",
        "no tengo",
        "ninguno",
        "ninguna",
        "nada",
        "no tengo segundo nombre",
        "saltar",
        "omitir",
        "no aplica",
    }
)
# The lookbehind starts a match only at the start of a word: without it a long run of
# non-separators makes the search quadratic (100 kB took 21 s).
_EMAIL: Final = re.compile(r"(?<![^\s<>()\[\],;:\"'])[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+\.[^\s<>()\[\],;:\"'.]+")


def extract_name(text: str) -> str:
    """The name in `text`, without a lead-in like "my name is" / "me llamo" or a final period."""
    cleaned = " ".join(text.split()).strip(" .!")
    lowered = cleaned.casefold()
    for lead_in in _NAME_LEAD_INS:
        if lowered.startswith(lead_in + " "):
            return cleaned[len(lead_in) + 1 :].strip(" .!:")
    return cleaned


def means_no_answer(text: str) -> bool:
    """Whether the parent says there is nothing to give ("none", "skip", "no tengo")."""
    said = " ".join(text.casefold().split()).strip(" .!")
    return said in _NONE_ANSWERS or bool(_NOTHING_TO_GIVE.search(said))


#: "dont have 1", "i don't have a middle name", "no tengo segundo nombre", "n/a".
_NOTHING_TO_GIVE = re.compile(
    r"^(?:i )?(?:do ?n'?t|dont|do not) (?:have|got)(?: (?:one|1|a middle name|any|it|none))?$|^no middle name$"
    r"|^(?:i )?(?:do ?n'?t|dont) have (?:a |one|1)|^n/?a$|^no (?:tengo|hay)(?: (?:uno|una|segundo nombre|ninguno))?$"
    r"|^ninguno$|^nada$|^sin segundo nombre$"
)


def extract_email(text: str) -> str:
    """The email address in `text` ("my email is ana@x.com" -> "ana@x.com"), else the text itself."""
    match = _EMAIL.search(text)
    return match.group(0).rstrip(".") if match else text.strip()


def extract_digits(text: str) -> str:
    """Every digit in `text`, in order ("4 8 1 9" -> "4819")."""
    return "".join(char for char in text if char.isdigit())
