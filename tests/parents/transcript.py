"""Transcripts a person can read: parent lines `>>>`, bot lines `<<<`, buttons, failed checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.parents.conversations import Conversation


@dataclass
class TurnRecord:
    """One parent message as sent, the replies, and what failed."""

    sent: str
    shown_as: str
    replies: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class ConversationResult:
    """How one conversation went."""

    conversation: Conversation
    sender: str
    turns: list[TurnRecord] = field(default_factory=list)
    setup_problem: str | None = None

    @property
    def complete(self) -> bool:
        """Every turn passed (and the conversation could be set up and played to the end)."""
        return self.setup_problem is None and all(not t.problems for t in self.turns)

    @property
    def problems(self) -> list[str]:
        """Every failed check, with its turn number."""
        found = [f"setup: {self.setup_problem}"] if self.setup_problem else []
        for number, turn in enumerate(self.turns, start=1):
            found.extend(f"turn {number}: {p}" for p in turn.problems)
        return found


def _indent(text: str) -> str:
    return text.replace("\n", "\n    ")


def render(result: ConversationResult) -> str:
    """One conversation as Markdown."""
    conversation = result.conversation
    verdict = "complete" if result.complete else "FAILED"
    lines = [
        f"## {conversation.name} — {verdict}",
        "",
        f"- file: `tests/parents/{conversation.language}/{conversation.source}`",
        f"- persona: {conversation.persona}",
        f"- goal: {conversation.goal}",
        f"- page language: {conversation.page_language}; sender `{result.sender}`",
    ]
    if conversation.account or conversation.application:
        lines.append(f"- given: account {conversation.account}, application {conversation.application}")
    if result.problems:
        lines.append("- failed checks:")
        lines.extend(f"  - {p}" for p in result.problems)
    lines += ["", "```"]
    for turn in result.turns:
        lines.append(f">>> {_indent(turn.shown_as)}   ({turn.seconds:.1f}s)")
        for message in turn.replies:
            if message.get("text"):
                lines.append(f"<<< {_indent(str(message['text']))}")
            buttons = message.get("buttons") or []
            if buttons:
                lines.append(
                    "    [buttons] " + " | ".join(f"{b.get('title')} ({b.get('payload')})" for b in buttons)
                )
            for key in ("image", "attachment", "custom"):
                if message.get(key):
                    lines.append(f"<<< [{key}] {message[key]}")
        for problem in turn.problems:
            lines.append(f"!!! {problem}")
    lines += ["```", ""]
    return "\n".join(lines)


def write_reports(language: str, results: list[ConversationResult], folder: Path) -> tuple[Path, Path]:
    """`<lang>-all.md` (every conversation) and `<lang>-failures.md` (the failing ones)."""
    folder.mkdir(parents=True, exist_ok=True)
    complete = sum(r.complete for r in results)
    heading = f"# Simulated parents ({language}): {complete}/{len(results)} complete\n\n"
    failures = [r for r in results if not r.complete]
    everything = folder / f"{language}-all.md"
    failing = folder / f"{language}-failures.md"
    everything.write_text(heading + "\n".join(render(r) for r in results), encoding="utf-8")
    summary = "".join(f"- {r.conversation.name}: {r.problems[0]}\n" for r in failures)
    failing.write_text(heading + summary + "\n" + "\n".join(render(r) for r in failures), encoding="utf-8")
    return everything, failing
