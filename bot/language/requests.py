"""A language asked for in so many words: "in spanish please, what documents…", "mejor en español".

The classifier's `switch_language` intent catches requests said alone; a request said together
with a question is answered as the question (bot.nlu.question_topics), and the language must
still change. Only a request shape counts: "in english please", "can we do this in spanish",
"mejor en español", "¿me puedes hablar en inglés?". A language named in passing ("my son is in
the English learner class", "habla español en casa") is not a request.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_LANGUAGES: Final = {"english": "en", "ingles": "en", "spanish": "es", "espanol": "es", "castellano": "es"}
_NAME: Final = r"(english|ingles|spanish|espanol|castellano)"
_REQUEST: Final = re.compile(
    rf"\b(?:in|en) {_NAME}(?: (?:please|pls|plz|por favor|porfa|xfa))\b"
    rf"|\b(?:can|could) (?:we|you|u) (?:do (?:this|it)|speak|talk|write|continue|go on|answer|chat)"
    rf"(?: (?:to me|with me|this))? in {_NAME}\b"
    rf"|\b(?:speak|talk|write|answer|reply|continue)(?: to me| with me)? in {_NAME}(?: please| pls| plz)?\b"
    rf"|\b(?:mejor|prefiero|quiero que me (?:hables|hable|escribas|escriba|contestes|conteste)|me (?:puedes|puede)"
    rf" (?:hablar|escribir|contestar|atender)|(?:puedes|puede|podemos|podria|podrias) (?:hablar|seguir|escribir|contestar))"
    rf" en {_NAME}\b"
)


def _fold(text: str) -> str:
    """Lower case without accents: "Español" and "espanol" are one word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def requested_language(text: str) -> str | None:
    """`en` or `es` when the message asks for that language in so many words, else None."""
    found = _REQUEST.search(_fold(text or ""))
    if not found:
        return None
    name = next(group for group in found.groups() if group)
    return _LANGUAGES[name]
