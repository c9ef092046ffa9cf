"""Answers typed instead of tapped: yes and no in all their forms, both languages, SMS spelling,
no accents ("ya plz", "simon", "sí claro", "nope"). The forms use them whatever intent the
classifier guessed. Reasons in words: bot/rules/reason_words.py; questions and requests:
bot/rules/parent_asks.py.
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case, accents off, punctuation to spaces, spaces collapsed: "¡Sí, claro!" -> "si claro"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w@.'-]+", " ", bare).replace("_", " ").split())


_YES = {
    "yes",
    "yeah",
    "yea",
    "ya",
    "yep",
    "yup",
    "yes please",
    "sure",
    "ok",
    "okay",
    "k",
    "kk",
    "y",
    "correct",
    "right",
    "thats right",
    "that's right",
    "go ahead",
    "do it",
    "please do",
    "absolutely",
    "of course",
    "submit",
    "submit it",
    "create it",
    "confirm",
    "looks good",
    "all good",
    "perfect",
    "si",
    "sii",
    "sip",
    "claro",
    "claro que si",
    "simon",
    "dale",
    "va",
    "sale",
    "okey",
    "oki",
    "esta bien",
    "por favor",
    "correcto",
    "asi es",
    "de acuerdo",
    "enviar",
    "envialo",
    "adelante",
    "hazlo",
    "perfecto",
    "todo bien",
    "ándale",
    "andale",
    "orale",
    "porfa",
    "afirmativo",
}
_NO = {
    "no",
    "nope",
    "nah",
    "n",
    "not really",
    "no thanks",
    "no thank you",
    "not yet",
    "dont",
    "don't",
    "wrong",
    "incorrect",
    "thats wrong",
    "that's wrong",
    "not right",
    "negative",
    "nel",
    "nop",
    "no gracias",
    "todavia no",
    "aun no",
    "aún no",
    "todavía no",
    "incorrecto",
    "esta mal",
    "mal",
    "negativo",
    "para nada",
    "no tengo",
    "i dont",
    "i don't",
    "i do not",
    "no i dont",
    "no i don't",
    "still no",
    "no la tengo",
    "no lo tengo",
    "todavia no la tengo",
    "todavia no lo tengo",
    "aun no la tengo",
    "aun no lo tengo",
    "no la tengo todavia",
    "no lo tengo todavia",
    "no la tengo aun",
    "no lo tengo aun",
    "todavia no tengo",
    "aun no tengo",
    "i dont have it",
    "i don't have it",
    "i dont have it yet",
    "i don't have it yet",
}
#: Words a parent may put before the answer: "ok todavia no la tengo", "well, yes".
_ACKNOWLEDGEMENTS = frozenset(
    {"ok", "okay", "oh", "ah", "well", "hmm", "mmm", "bueno", "pues", "este", "mira"}
)
_FILLERS = {
    "plz",
    "pls",
    "please",
    "thanks",
    "thank",
    "you",
    "gracias",
    "porfa",
    "por",
    "favor",
    "lol",
    "ok",
    "oh",
    "yes",
    "si",
    "go",
    "ahead",
    "sure",
    "claro",
    "que",
    "dale",
    "pues",
    "thx",
    "ty",
    "lets",
    "let's",
    "do",
    "it",
    "bueno",
    "okay",
    "yeah",
    "ya",
    "yep",
    "mija",
    "mijo",
    "sir",
    "maam",
    "senor",
    "senora",
    "seno",
    "yup",
    "absolutely",
    "of",
    "course",
}


def read_yes_no(text: str) -> str | None:
    """'yes', 'no', or None when the message is not a plain yes or no ("yes but my grade is wrong")."""
    folded = fold(text).strip(" .!")
    if not folded or len(folded.split()) > 6:
        return None
    if folded in _YES:
        return "yes"
    if folded in _NO:
        return "no"
    words = folded.split()
    while len(words) > 1 and words[0] in _ACKNOWLEDGEMENTS:  # "ok todavia no la tengo"
        words = words[1:]
    if " ".join(words) in _NO:
        return "no"
    if words[0] in ("no", "nope", "nah", "nel") and all(w in _FILLERS | _NO for w in words[1:]):
        return "no"
    if all(w in _FILLERS or w in _YES for w in words):
        return "yes"
    return None
