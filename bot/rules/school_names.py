"""Forgiving school and district name matching: case, accents, abbreviations ("HS" = "High"), typos.

Pure: candidates are (key, name) pairs given by the caller; the verdict says whether the parent
must confirm. exact = one candidate normalises to the same words; likely = one clear winner;
ambiguous = a few close candidates; none = nothing close.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches
from typing import Final

#: Words parents write for the same school type, mapped to one spelling.
_SYNONYMS: Final = {
    "hs": "high",
    "shs": "high",
    "sr": "",
    "senior": "",
    "school": "",
    "sch": "",
    "escuela": "",
    "la": "",
    "el": "",
    "de": "",
    "the": "",
    "of": "",
    "and": "",
    "y": "",
    "&": "",
    "elem": "elementary",
    "es": "elementary",
    "primaria": "elementary",
    "elementry": "elementary",
    "ms": "middle",
    "secundaria": "middle",
    "jr": "middle",
    "junior": "middle",
    "acad": "academy",
    "academia": "academy",
    "ctr": "center",
    "centro": "center",
    "st": "saint",
    "mt": "mount",
    "sta": "santa",
    "usd": "unified",
    "unificado": "unified",
    "distrito": "",
    "district": "",
    "school district": "",
    "preparatoria": "high",
    "prepa": "high",
}
_WORD: Final = re.compile(r"[a-z0-9]+")
_MAX_CHOICES: Final = 5


def normalize_name(text: str) -> str:
    """Lower case, no accents or punctuation, school-type words unified: "Hollywood Sr. HS" -> "hollywood high"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    words = [_SYNONYMS.get(word, word) for word in _WORD.findall(folded)]
    return " ".join(word for word in words if word)


@dataclass(frozen=True)
class NameMatch:
    """The verdict and the candidate keys, best first (at most five)."""

    verdict: str  # exact | likely | ambiguous | none
    keys: tuple[str, ...]


def _score(query: str, name: str, near: dict[str, frozenset[str]]) -> float:
    if query == name:
        return 1.0
    query_words, name_words = query.split(), set(name.split())
    covered = sum(1 for word in query_words if word in name_words) / len(query_words)
    fuzzy = sum(1 for word in query_words if near[word] & name_words) / len(query_words)
    if fuzzy == 0:
        return 0.0
    starts = 0.05 if name.startswith(query_words[0]) else 0.0
    return 0.55 * covered + 0.25 * fuzzy + 0.15 * SequenceMatcher(None, query, name).ratio() + starts


def match_name(text: str, candidates: Iterable[tuple[str, str]]) -> NameMatch:
    """Rank `candidates` ((key, already-normalised name) pairs) against what the parent typed."""
    query = normalize_name(text)[:120]
    pairs = list(candidates)
    if not query:
        return NameMatch("none", ())
    vocabulary = sorted({word for _, name in pairs for word in name.split()})
    # Typos: each typed word stands for the directory words within 80 % similarity of it.
    near = {
        word: frozenset(get_close_matches(word, vocabulary, n=8, cutoff=0.8)) | {word}
        for word in query.split()
    }
    scored = sorted(((_score(query, name, near), key) for key, name in pairs), key=lambda pair: -pair[0])
    exact = [key for score, key in scored if score == 1.0]
    if len(exact) == 1:
        return NameMatch("exact", (exact[0],))
    close = [(score, key) for score, key in scored if score >= 0.6]
    if not close:
        return NameMatch("none", ())
    best = close[0][0]
    if len(close) == 1 or best - close[1][0] >= 0.15:
        return NameMatch("likely", (close[0][1],))
    return NameMatch("ambiguous", tuple(key for score, key in close[:_MAX_CHOICES] if best - score < 0.2))
