"""Typos: how far two words are (a swap of two letters is one typo), found fast by letter pairs (pure)."""

from __future__ import annotations

from collections.abc import Iterable


class Bigrams:
    """Words by their letter pairs, to find the few within a typo or two without comparing them all."""

    def __init__(self, words: Iterable[str]) -> None:
        self._pairs: dict[str, list[str]] = {}
        for word in words:
            for pair in set(_pairs(word)):
                self._pairs.setdefault(pair, []).append(word)

    def near(self, text: str, most_typos: int) -> list[str]:
        """Words sharing enough letter pairs with ``text`` to be within ``most_typos`` edits."""
        pairs = set(_pairs(text))
        shared: dict[str, int] = {}
        for pair in pairs:
            for word in self._pairs.get(pair, ()):
                shared[word] = shared.get(word, 0) + 1
        # One edit changes at most three pairs (a swap of two letters), so fewer shared pairs rule a word out.
        needed = max(1, len(pairs) - 3 * most_typos)
        return [
            word
            for word, count in shared.items()
            if count >= needed and abs(len(word) - len(text)) <= most_typos
        ]


def _pairs(word: str) -> list[str]:
    padded = f"^{word}$"
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


def typo_similarity(typed: str, word: str) -> float:
    """1 - typos / length, counting a swap of two letters as one typo; 0 beyond two typos."""
    distance = typos(typed, word, 1 if min(len(typed), len(word)) < 6 else 2)
    return 0.0 if distance is None else 1 - distance / max(len(typed), len(word))


def typos(a: str, b: str, most: int) -> int | None:
    """Optimal string alignment distance of a and b, or None when it is more than ``most``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > most:
            return None
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= most else None
