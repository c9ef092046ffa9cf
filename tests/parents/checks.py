"""What every reply is checked for: the turn's own expectations and the suite's global checks.

Pure functions over the bot's replies (the REST channel's JSON messages), so they are unit-tested
offline (tests/unit/test_parents_checks.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tests.parents.conversations import Turn

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "bot" / "locales"

#: A reply is judged for its language only from this many content words on.
LANGUAGE_MIN_WORDS = 6
#: ... and only when the detector is this sure it is the other language.
LANGUAGE_CLEAR = 0.90
#: A parent's message changes the expected reply language only when it is this clear.
PARENT_SWITCH_MIN_WORDS = 4
PARENT_SWITCH_CLEAR = 0.95
#: A question asked this many times in the same words is a loop.
LOOP_COUNT = 3


def fold(text: str) -> str:
    """Case-, accent- and quote-insensitive form of a text, with single spaces."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped.casefold()).strip()


def reply_texts(messages: list[dict[str, Any]]) -> list[str]:
    """The text of each bot message (messages without text are left out)."""
    return [str(m.get("text") or "") for m in messages if str(m.get("text") or "").strip()]


def button_titles(messages: list[dict[str, Any]]) -> list[str]:
    """The titles of every quick-reply button offered."""
    return [str(b.get("title") or "") for m in messages for b in (m.get("buttons") or [])]


def searchable(messages: list[dict[str, Any]]) -> str:
    """Everything a parent sees in the replies to one message, folded for matching."""
    return fold("\n".join(reply_texts(messages) + button_titles(messages)))


@dataclass
class TurnVerdict:
    """What went wrong with the replies to one parent message (empty: the turn passed)."""

    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when nothing went wrong."""
        return not self.problems


def check_expectations(turn: Turn, messages: list[dict[str, Any]], fill: Any = None) -> list[str]:
    """The turn's own `expect`, `expect_any` and `reject` (placeholders filled by `fill`)."""
    filled = fill or (lambda s: s)
    seen = searchable(messages)
    problems = []
    missing = [e for e in turn.expect if fold(filled(e)) not in seen]
    if missing:
        problems.append(f"expected {missing}")
    if turn.expect_any and not any(fold(filled(e)) in seen for e in turn.expect_any):
        problems.append(f"expected one of {list(turn.expect_any)}")
    present = [r for r in turn.reject if fold(filled(r)) in seen]
    if present:
        problems.append(f"must not say {present}")
    return problems


@cache
def error_phrases() -> tuple[str, ...]:
    """Wordings of "something went wrong" in both languages: the catalogs' own, plus the usual ones."""
    phrases = {"something went wrong", "algo salio mal"}
    for language in ("en", "es"):
        path = LOCALES / f"basics.{language}.yml"
        if not path.exists():
            continue
        catalog = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        wording = str(catalog.get("try_again") or "")
        first_sentence = re.split(r"[.!]", wording)[0]
        if len(first_sentence) > 15:
            phrases.add(fold(first_sentence))
    return tuple(sorted(phrases))


def check_no_silence(messages: list[dict[str, Any]]) -> list[str]:
    """A parent must always get an answer."""
    if not reply_texts(messages) and not button_titles(messages):
        return ["no reply (silence)"]
    return []


def check_no_error(messages: list[dict[str, Any]]) -> list[str]:
    """No reply may say that something went wrong on our side."""
    seen = searchable(messages)
    hits = [p for p in error_phrases() if p in seen]
    return [f"an error reply ({hits[0]!r})"] if hits else []


def questions_in(messages: list[dict[str, Any]]) -> list[str]:
    """The bot messages that ask something, each as one folded string (the whole message)."""
    return [fold(t) for t in reply_texts(messages) if "?" in t]


class LoopWatch:
    """Counts the questions of one conversation; the third time in the same words is a loop."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def check(self, messages: list[dict[str, Any]]) -> list[str]:
        """Problems for this turn's replies: questions now asked the third time."""
        problems = []
        for question in questions_in(messages):
            self.counts[question] += 1
            if self.counts[question] == LOOP_COUNT:
                problems.append(f"the same question a {LOOP_COUNT}rd time: {question[:90]!r}")
        return problems


def _guess(text: str) -> Any:
    from bot.language.detection import guess_language

    return guess_language(text)


def clear_language(text: str, min_words: int, confidence: float) -> str | None:
    """`en`/`es` when the detector is clearly sure on enough words, else None."""
    guess = _guess(text)
    if guess is None or guess.words < min_words or guess.confidence < confidence:
        return None
    return str(guess.language)


def check_language(messages: list[dict[str, Any]], expected: str) -> list[str]:
    """Flag a reply that is clearly in the other language than the parent's."""
    problems = []
    for text in reply_texts(messages):
        found = clear_language(text, LANGUAGE_MIN_WORDS, LANGUAGE_CLEAR)
        if found and found != expected:
            problems.append(f"a reply in {found}, the parent writes {expected}: {text[:70]!r}")
    return problems


def parent_language(text: str, current: str, declared: str | None) -> str:
    """The language replies should be in after this parent message."""
    if declared:
        return declared
    return clear_language(text, PARENT_SWITCH_MIN_WORDS, PARENT_SWITCH_CLEAR) or current
