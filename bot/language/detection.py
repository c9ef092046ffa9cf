"""Choose the conversation language from what the parent writes.

The detector (lingua, limited to English and Spanish) is trusted only where it is sound: a
message with at least two real words and a clear winner. One-word replies ("ok", "no", "1"),
email addresses, numbers and answers to a form's questions (names!) never flip the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

SUPPORTED = ("en", "es")
DEFAULT_LANGUAGE = "en"

# A clear winner on a real sentence; one word is enough only to start a conversation.
SENTENCE_CONFIDENCE = 0.80
FIRST_WORD_CONFIDENCE = 0.60

_NOT_WORDS = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|/\w+\S*|[^\W\d_]*\d[\w-]*", re.UNICODE
)  # emails, links, button payloads, anything with a digit (codes, dates, phone numbers)
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# Words both languages use alike: they say nothing about the language.
_NEUTRAL = {"ok", "okay", "oki", "okey", "lausd", "la", "no", "sms", "email", "hmm", "mmm"}


@dataclass(frozen=True)
class LanguageGuess:
    """What the detector thinks of one message."""

    language: str
    confidence: float
    words: int


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH).build()


def content_words(text: str) -> list[str]:
    """The words of a message that can tell a language apart."""
    cleaned = _NOT_WORDS.sub(" ", text)
    return [w for w in _WORD.findall(cleaned) if w.lower() not in _NEUTRAL]


def guess_language(text: str) -> LanguageGuess | None:
    """Detect English or Spanish in `text`; None when there is nothing to judge."""
    words = content_words(text)
    if not words:
        return None
    values = _detector().compute_language_confidence_values(" ".join(words))
    best = values[0]
    code = "es" if best.language.name == "SPANISH" else "en"
    return LanguageGuess(code, best.value, len(words))


def normalise_language(value: object) -> str | None:
    """Map an entity or metadata value ("es", "ES", "es-MX", "en_US") to `en`/`es`."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower()[:2]
    return code if code in SUPPORTED else None


#: Small words that carry a sentence's grammar: two of the conversation's language keep it, whatever
#: loanword the sentence is about ("y si es por bullying", "and the permiso?").
_GRAMMAR_WORDS = {
    "es": frozenset(
        "y o si es son por para pa que q el la los las un una mi mis su sus de del al en con como cuando "
        "donde porque xq tambien pero ya no".split()
    ),
    "en": frozenset(
        "and or if is are for the a an my your his her of to in on with how when where why what "
        "because but also can do does".split()
    ),
}
_STAYS_WITH = 2


def _grammar_words(text: str, language: str) -> int:
    """How many of `language`'s grammar words the message has."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return sum(1 for word in words if word in _GRAMMAR_WORDS[language])


#: First messages whose language the detector misjudges ("hello" reads as Spanish at 0.61).
UNMISTAKABLE_FIRST_WORDS = {"hello": "en", "hi": "en", "hola": "es", "buenas": "es", "holi": "es"}

#: The first few sentences decide the language; a 100 kB message is not read to the end.
MAX_DETECTION_CHARACTERS = 1000


def choose_language(
    text: str,
    current: str | None,
    requested: str | None = None,
    hint: str | None = None,
    answering_form: bool = False,
) -> str | None:
    """The language to use from now on, or None to keep `current`.

    requested: an explicit request ("English please"), always honoured.
    hint: the channel's language (page language), used when nothing else decides.
    answering_form: the message answers a form question (a name, an email): never flips.
    """
    requested = normalise_language(requested)
    if requested:
        return requested if requested != current else None
    hint = normalise_language(hint)
    if answering_form or (text or "").startswith("/"):
        return hint if current is None and hint else None
    guess = guess_language((text or "")[:MAX_DETECTION_CHARACTERS])
    decided: str | None = None
    if guess and guess.words >= 2 and guess.confidence >= SENTENCE_CONFIDENCE:
        decided = guess.language
        if current and decided != current and _grammar_words(text, current) >= _STAYS_WITH:
            decided = None  # "¿y si es por bullying?": an English word in a Spanish sentence
    elif current is None:
        # "ok", a number, a word the detector is unsure of: the page the parent is on knows better.
        greeting = UNMISTAKABLE_FIRST_WORDS.get((text or "").strip(" !.?¡¿").lower())
        if greeting:
            decided = greeting
        elif guess and guess.confidence >= (SENTENCE_CONFIDENCE if hint else FIRST_WORD_CONFIDENCE):
            decided = guess.language
        else:
            decided = hint
    return decided if decided and decided != current else None
