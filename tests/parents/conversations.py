"""The simulated-parent conversations: loading and checking the shared YAML format.

The format is described in /work/notes/parents-format.md and in tests/parents/README.md: one file
per topic under tests/parents/<lang>/, each with a list of `conversations`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "es")

#: The placeholders the runner fills, in a parent's message or in an expectation.
PLACEHOLDERS = {
    "email",
    "new_email",
    "signin_code",
    "number",
    "number_lower_spaced",
    "birthdate",
    "birthdate_us",
    "parent_first_name",
    "human_check",
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_APPLICATION_FIELDS = {
    "direction",
    "reason",
    "grade",
    "student_first_name",
    "student_last_name",
    "birthdate",
    "school",
    "district",
    "school_year",
    "answers",
}


class FormatError(ValueError):
    """A conversation file that does not follow the shared format."""


@dataclass(frozen=True)
class Turn:
    """One parent message (typed, or a tapped button) and what its replies must and must not say."""

    parent: str
    tap: bool = False
    expect: tuple[str, ...] = ()
    expect_any: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    language: str | None = None
    activate_account: bool = False


@dataclass(frozen=True)
class Conversation:
    """One simulated parent: who they are, what they want, and their turns."""

    name: str
    persona: str
    goal: str
    page_language: str
    turns: tuple[Turn, ...]
    account: str | None = None
    application: dict[str, Any] | None = None
    source: str = ""
    language: str = "en"

    @property
    def placeholders(self) -> set[str]:
        """Every placeholder used by the turns."""
        used: set[str] = set()
        for turn in self.turns:
            for text in (turn.parent, *turn.expect, *turn.expect_any, *turn.reject):
                used.update(_PLACEHOLDER.findall(text))
        return used


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise FormatError(f"{where}: expected a list of strings")
    strings = tuple(str(v) for v in value)
    if any(not s.strip() for s in strings):
        raise FormatError(f"{where}: an empty string matches everything")
    return strings


def _turn(raw: Any, where: str) -> Turn:
    if not isinstance(raw, dict):
        raise FormatError(f"{where}: a turn is a mapping")
    unknown = set(raw) - {"parent", "tap", "expect", "expect_any", "reject", "language", "activate_account"}
    if unknown:
        raise FormatError(f"{where}: unknown keys {sorted(unknown)}")
    if ("parent" in raw) == ("tap" in raw):
        raise FormatError(f"{where}: give exactly one of `parent` (typed) or `tap` (a button title)")
    text = str(raw.get("parent", raw.get("tap")) or "")
    if not text.strip():
        raise FormatError(f"{where}: empty message")
    language = raw.get("language")
    if language is not None and language not in LANGUAGES:
        raise FormatError(f"{where}: language must be one of {LANGUAGES}")
    turn = Turn(
        parent=text,
        tap="tap" in raw,
        expect=_strings(raw.get("expect"), f"{where} expect"),
        expect_any=_strings(raw.get("expect_any"), f"{where} expect_any"),
        reject=_strings(raw.get("reject"), f"{where} reject"),
        language=language,
        activate_account=bool(raw.get("activate_account", False)),
    )
    for text_field in (turn.parent, *turn.expect, *turn.expect_any, *turn.reject):
        unknown_names = set(_PLACEHOLDER.findall(text_field)) - PLACEHOLDERS
        if unknown_names:
            raise FormatError(f"{where}: unknown placeholders {sorted(unknown_names)}")
    return turn


def _conversation(raw: Any, source: str, language: str) -> Conversation:
    if not isinstance(raw, dict):
        raise FormatError(f"{source}: a conversation is a mapping")
    name = str(raw.get("name") or "")
    where = f"{source}: {name or '?'}"
    if not _NAME.match(name):
        raise FormatError(f"{where}: name must be kebab-case")
    for required in ("persona", "goal", "page_language", "turns"):
        if not raw.get(required):
            raise FormatError(f"{where}: `{required}` is missing")
    unknown = set(raw) - {"name", "persona", "goal", "page_language", "given", "turns"}
    if unknown:
        raise FormatError(f"{where}: unknown keys {sorted(unknown)}")
    if raw["page_language"] not in LANGUAGES:
        raise FormatError(f"{where}: page_language must be one of {LANGUAGES}")
    given = raw.get("given") or {}
    if not isinstance(given, dict) or set(given) - {"account", "application"}:
        raise FormatError(f"{where}: `given` takes `account` and `application`")
    account = given.get("account")
    if account not in (None, "active", "pending"):
        raise FormatError(f"{where}: account must be active or pending")
    application = given.get("application")
    if application is not None:
        if not isinstance(application, dict) or set(application) - _APPLICATION_FIELDS:
            raise FormatError(f"{where}: application fields are {sorted(_APPLICATION_FIELDS)}")
        for required in ("direction", "reason", "grade", "student_first_name", "birthdate"):
            if required not in application:
                raise FormatError(f"{where}: application needs `{required}`")
        if account != "active":
            account = "active"  # an application belongs to an account
    if not isinstance(raw["turns"], list):
        raise FormatError(f"{where}: turns is a list")
    turns = tuple(_turn(t, f"{where} turn {i + 1}") for i, t in enumerate(raw["turns"]))
    return Conversation(
        name=name,
        persona=str(raw["persona"]),
        goal=str(raw["goal"]),
        page_language=str(raw["page_language"]),
        turns=turns,
        account=account,
        application=dict(application) if application else None,
        source=source,
        language=language,
    )


def load_file(path: Path, language: str) -> list[Conversation]:
    """The conversations of one topic file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    raw = data.get("conversations") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise FormatError(f"{path.name}: expected a top-level `conversations` list")
    return [_conversation(item, path.name, language) for item in raw]


def load_language(language: str, folder: Path | None = None) -> list[Conversation]:
    """Every conversation of one language, in file order; names must be unique."""
    folder = folder or HERE / language
    conversations: list[Conversation] = []
    for path in sorted(folder.glob("*.yml")):
        conversations.extend(load_file(path, language))
    seen: set[str] = set()
    for conversation in conversations:
        if conversation.name in seen:
            raise FormatError(f"{language}: the name {conversation.name} is used twice")
        seen.add(conversation.name)
    return conversations
