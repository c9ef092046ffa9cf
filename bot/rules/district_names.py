"""District names as parents say them: "Long Beach", "LBUSD", "LB Unified" for Long Beach Unified."""

from __future__ import annotations

from bot.rules.school_names import canonical_tokens

_DISTRICT_TYPES = frozenset({"unified", "union", "joint", "elementary", "high"})
_DISTRICT_SUFFIXES = {
    ("unified",): "usd",
    ("elementary",): "esd",
    ("union", "high"): "uhsd",
    ("high",): "hsd",
}


def district_aliases(name: str) -> list[str]:
    """A district's name, short form and initials: "Long Beach Unified", "Long Beach", "LBUSD", "LB Unified".

    The short form drops the trailing type words found by the normaliser ("Unified", "Union High",
    "City Elementary", "Joint"); initials are given for two words or more.
    """
    words = name.split()
    kept = list(words)
    stripped: list[str] = []
    while len(kept) > 1 and set(canonical_tokens(kept[-1])) <= _DISTRICT_TYPES:
        stripped[:0] = canonical_tokens(kept.pop())
    if len(kept) > 1 and canonical_tokens(kept[-1]) == ["city"] and stripped in ([], ["elementary"]):
        kept.pop()  # "Whittier City Elementary", "El Monte City"; "Culver City Unified" keeps it
    aliases = [name]
    if kept != words:
        aliases.append(" ".join(kept))
    tokens = canonical_tokens(" ".join(kept))
    suffix = _DISTRICT_SUFFIXES.get(tuple(stripped))
    if suffix and len(tokens) > 1:
        initials = "".join(token[0] for token in tokens)
        aliases.append(f"{initials}{suffix}".upper())
        if suffix == "usd" and len(initials) == 2:  # "LA Unified", "LB Unified"
            aliases.append(f"{initials.upper()} Unified")
    return aliases
