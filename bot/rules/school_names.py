"""Forgiving school and district names: "hollywood hs" finds Hollywood Senior High.

Names are reduced to canonical words (case, accents, punctuation, "&"/"and"/"y", English and
Spanish school-type words, "St."/"Ave", number words), then ranked by a typo-tolerant word
overlap. The verdict says what the chat may do: accept (exact), confirm (likely), let the parent
choose (ambiguous), or ask again (none).
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from bot.rules.number_words import numbers_as_digits
from bot.rules.typos import Bigrams, typo_similarity, typos

T = TypeVar("T")
Verdict = Literal["exact", "likely", "ambiguous", "none"]

MAX_CANDIDATES = 5
_LOWEST = 0.6  # below this a name is not offered at all
_BAND = 0.15  # names this close to the best one are offered alongside it
_CLEAR_WIN = 0.1  # a lead this large makes the best name the one to confirm
_TOKEN_CUTOFF = 0.75
_LONGEST = 300  # characters of a typed name that are read
_TYPED_SHARE = 0.6  # of the score: how much of what the parent typed is found in the name

LEVELS = frozenset({"high", "middle", "elementary", "primary", "span"})
SOFT = frozenset({"academy", "charter", "magnet", "center", "unified", "union", "joint"})
_LOW_WEIGHT = frozenset({"street", "avenue", "boulevard", "saint"})
_COMPATIBLE = {
    "high": {"high"}, "middle": {"middle", "span"}, "elementary": {"elementary", "primary", "span"},
    "primary": {"primary", "elementary"}, "span": {"span", "elementary", "middle"},
}  # fmt: skip
_DROP = frozenset("the of at and y de school schools escuela senior sr district distrito escolar sd".split())
_SPELLINGS = {
    "high": "high highschool preparatoria prepa hsd", "elementary": "elementary elem primaria esd",
    "middle": "middle secundaria", "academy": "academy academia acad", "center": "center centre ctr centro",
    "magnet": "magnet mag", "charter": "charter chtr", "unified": "unified unificado usd",
    "street": "street str calle", "avenue": "avenue ave av avenida", "boulevard": "boulevard blvd",
    "saint": "saint", "junior": "junior jr", "union high": "uhsd",
}  # fmt: skip
_WORDS = {spelling: word for word, spellings in _SPELLINGS.items() for spelling in spellings.split()}
_ABBREVIATIONS = {"hs": "high", "ms": "middle", "es": "elementary"}  # never first ("es" is also "is")
_FUZZY_TYPES = (
    "elementary",
    "middle",
    "high",
    "academy",
    "charter",
    "magnet",
    "center",
    "unified",
    "primary",
)
def normalize_place_name(text: str) -> str:
    """Canonical words of a school or district name: "Hollywood Sr. High School" -> "hollywood high".

    Idempotent; never raises. Type words get one spelling (high, middle, elementary, academy,
    center, magnet, charter, unified, street, avenue); "St" first is "saint", later "street";
    number words become digits ("One Hundred Twenty-Second" and "122nd" -> "122").
    """
    return " ".join(canonical_tokens(text))


def canonical_tokens(text: str) -> list[str]:
    """The canonical words of a school or district name (see the module docstring)."""
    plain = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    plain = re.sub(r"['’`]", "", plain.replace("&", " and "))
    tokens = numbers_as_digits(
        [token for token in re.sub(r"[\W_]+", " ", plain).split() if token not in _DROP]
    )
    mapped: list[str] = []
    for index, token in enumerate(tokens):
        if token in _ABBREVIATIONS and index > 0 and (token != "es" or index == len(tokens) - 1):
            mapped.append(_ABBREVIATIONS[token])
        else:
            mapped.extend(_WORDS.get(token, _fuzzy_type(token)).split())
    merged: list[str] = []
    for token in mapped:
        if token == "high" and merged and merged[-1] == "junior":
            merged[-1] = "middle"  # "junior high", "jr high"
        elif token == "st":
            merged.append("street" if merged else "saint")
        else:
            merged.append(token)
    return merged


def _fuzzy_type(token: str) -> str:
    """A misspelt type word ("elementry", "midle", "hihg") becomes the word; anything else stays."""
    if len(token) < 4 or token.isdigit():
        return token
    for word in _FUZZY_TYPES:
        # Four letters: only a swap ("hihg"), so "Hugh" stays a name.
        near = abs(len(word) - len(token)) <= 1 and typos(token, word, 1) == 1
        if near and (len(token) >= 5 or sorted(token) == sorted(word)):
            return word
    return token


@dataclass(frozen=True)
class NameForm:
    """A name reduced for matching: its distinctive words (in order) and its type words."""

    core: tuple[str, ...]
    types: frozenset[str]

    @classmethod
    def of(cls, text: str) -> NameForm:
        """The form of a name or of what a parent typed."""
        tokens = canonical_tokens(text[:_LONGEST])
        return cls(
            tuple(t for t in tokens if t not in LEVELS | SOFT),
            frozenset(t for t in tokens if t in LEVELS | SOFT),
        )

    @property
    def squashed(self) -> str:
        """The distinctive words without spaces ("eaglerock" meets "Eagle Rock")."""
        return "".join(self.core)


@dataclass(frozen=True)
class Ranked(Generic[T]):
    """One candidate: the item, the name (or alias) that matched, and a score in 0..1."""

    item: T
    name: str
    score: float


@dataclass(frozen=True)
class NameMatch(Generic[T]):
    """What a typed name matched: a verdict and up to five ranked candidates (best first)."""

    verdict: Verdict
    ranked: tuple[Ranked[T], ...]

    @property
    def candidates(self) -> list[T]:
        """The matched items, best first (one for exact and likely, none for none)."""
        return [entry.item for entry in self.ranked]


class NameIndex(Generic[T]):
    """Items findable by any of their names; built once, then ``match`` is fast (a few ms)."""

    def __init__(self, entries: Iterable[tuple[T, Iterable[str]]]) -> None:
        """Index each item under each of its names (a district under "Long Beach" and "LBUSD" too)."""
        self._entries: list[tuple[T, str, NameForm]] = []
        self._postings: dict[str, set[int]] = {}
        for item, names in entries:
            for name in dict.fromkeys(names):
                form = NameForm.of(name)
                if not form.core:
                    continue
                for token in form.core:
                    self._postings.setdefault(token, set()).add(len(self._entries))
                self._entries.append((item, name, form))
        self._by_form: dict[NameForm, list[int]] = {}
        for i, (_, _, form) in enumerate(self._entries):
            self._by_form.setdefault(form, []).append(i)
        self._vocabulary = sorted(self._postings)
        self._words = Bigrams(self._vocabulary)
        self._squashed: dict[str, list[int]] = {}
        for i, (_, _, form) in enumerate(self._entries):
            self._squashed.setdefault(form.squashed, []).append(i)
        self._squashed_names = Bigrams(self._squashed)

    def match(self, text: str) -> NameMatch[T]:
        """Rank the items for a typed name and give the verdict (see the module docstring)."""
        query = NameForm.of(text[:_LONGEST])
        if not query.core:
            return NameMatch("none", ())
        same = self._by_form.get(query)
        if same:
            return self._decide([self._ranked(i, 1.0) for i in same], exact=True)
        similar = {token: self._similar_words(token) for token in query.core}
        hits = {i for words in similar.values() for word in words for i in self._postings[word]}
        if not hits:
            for squashed in self._squashed_names.near(query.squashed, most_typos=len(query.squashed) // 4):
                if difflib.SequenceMatcher(None, query.squashed, squashed).ratio() >= 0.7:
                    hits.update(self._squashed[squashed])
        scored = [self._ranked(i, _score(query, self._entries[i][2], similar)) for i in hits]
        return self._decide(scored, exact=False)

    def _ranked(self, index: int, score: float) -> Ranked[T]:
        item, name, _ = self._entries[index]
        return Ranked(item, name, round(score, 3))

    def _decide(self, scored: list[Ranked[T]], *, exact: bool) -> NameMatch[T]:
        best: dict[int, Ranked[T]] = {}
        for entry in sorted(scored, key=lambda r: (-r.score, len(r.name), r.name)):
            best.setdefault(id(entry.item), entry)
        ranked = list(best.values())
        if not ranked or ranked[0].score < _LOWEST:
            return NameMatch("none", ())
        if exact:
            return NameMatch("exact" if len(ranked) == 1 else "ambiguous", tuple(ranked[:MAX_CANDIDATES]))
        if len(ranked) == 1 or ranked[0].score - ranked[1].score >= _CLEAR_WIN:
            return NameMatch("likely", (ranked[0],))
        floor = max(_LOWEST, ranked[0].score - _BAND)
        offered = tuple(entry for entry in ranked if entry.score >= floor)[:MAX_CANDIDATES]
        return NameMatch("likely" if len(offered) == 1 else "ambiguous", offered)

    def _similar_words(self, token: str) -> dict[str, float]:
        """Directory words close to a typed word: 1 for the same word, less per typo or for a prefix."""
        if token in self._postings:
            return {token: 1.0}
        if len(token) < 4 or token.isdigit():
            return {}
        words: dict[str, float] = {}
        start = bisect.bisect_right(self._vocabulary, token)
        for word in itertools.islice(self._vocabulary, start, None):
            if not word.startswith(token):
                break
            words[word] = 0.85  # "roosev" -> "roosevelt"
        for word in self._words.near(token, most_typos=2):
            similarity = typo_similarity(token, word)
            if similarity >= max(_TOKEN_CUTOFF, words.get(word, 0.0)):
                words[word] = similarity
        return words


def _weight(token: str) -> float:
    return 2.0 if token in _LOW_WEIGHT or token.isdigit() else float(len(token))


def _score(query: NameForm, name: NameForm, similar: dict[str, dict[str, float]]) -> float:
    """How much of the typed name is found (weighs most: parents shorten names) and of the name,
    with typos allowed; then agreement of the school-type words."""
    unused = list(name.core)
    found_typed = found_name = typed = 0.0
    for token in sorted(query.core, key=len, reverse=True):
        options = similar.get(token, {})
        # A word found nowhere in the directory ("please", "mi") counts half.
        typed += _weight(token) * (1.0 if options else 0.5)
        pick = max(unused, key=lambda word: options.get(word, 0.0), default=None)
        if pick is not None and options.get(pick, 0.0) > 0:
            found_typed += options[pick] * _weight(token)
            found_name += options[pick] * _weight(pick)
            unused.remove(pick)
    if found_typed:
        score = _TYPED_SHARE * found_typed / typed + (1 - _TYPED_SHARE) * found_name / sum(
            map(_weight, name.core)
        )
    else:
        score = difflib.SequenceMatcher(None, query.squashed, name.squashed).ratio() * 0.95
    query_levels, name_levels = query.types & LEVELS, name.types & LEVELS
    if query_levels and name_levels:
        compatible = any(_COMPATIBLE[level] & name_levels for level in query_levels)
        score *= 1.0 if compatible else 0.55
    elif query_levels:
        score *= 0.9
    return score * 0.93 ** len((query.types & SOFT) - name.types)
