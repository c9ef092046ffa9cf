"""The missed-questions queue: every message the assistant did not understand (masked), with what
the model guessed; staff label it with the right topic (an intent) or "out of scope", and the
labelled lines are exported as Rasa NLU YAML (NLU_REVIEW_DIR/<date>.yml) for a developer to
review and train on. Weekly counts show whether the misses go down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Final

import yaml
from sqlalchemy import func, select

from bot.core import settings
from bot.core.secrets import keyed_digest
from bot.core.settings import PROJECT_ROOT
from bot.rules.redaction import masked_excerpt
from bot.staff.audit import audit_staff
from bot.store.database import unit_of_work
from bot.store.question_models import MissedQuestion

OUT_OF_SCOPE: Final = "out_of_scope"
#: Intents that are not topics a parent asks about (the fallback itself, form mechanics).
_NOT_TOPICS: Final = frozenset({"nlu_fallback"})
MAX_TEXT: Final = 500


@cache
def topic_intents(domain_dir: Path = PROJECT_ROOT / "domain") -> tuple[str, ...]:
    """Every intent of the domain files, sorted: the labels staff may choose (plus out_of_scope)."""
    names: set[str] = set()
    for path in sorted(domain_dir.glob("*.yml")):
        body = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in body.get("intents", []) or []:
            names.add(next(iter(entry)) if isinstance(entry, dict) else str(entry))
    return tuple(sorted(names - _NOT_TOPICS))


def record_missed_question(
    sender_id: str,
    text: str,
    language: str,
    channel: str,
    guessed_intent: str,
    confidence: float,
    *,
    database_url: str | None = None,
) -> None:
    """Queue one missed message, masked (emails, numbers, dates, codes), never with its sender id."""
    masked = masked_excerpt(text or "", MAX_TEXT)
    if not masked.strip():
        return
    with unit_of_work(database_url) as session:
        session.add(
            MissedQuestion(
                conversation_key=keyed_digest(sender_id),  # the conversation, never its sender id
                language=(language or "en")[:2],
                channel=(channel or "")[:20],
                masked_text=masked,
                guessed_intent=(guessed_intent or "")[:80],
                confidence=float(confidence or 0.0),
            )
        )


@dataclass(frozen=True)
class MissedLine:
    """One queued message as the console shows it."""

    id: int
    created_at: datetime
    language: str
    channel: str
    masked_text: str
    guessed_intent: str
    confidence: float
    label: str | None
    labelled_by: str | None
    exported: bool


def missed_questions(
    *, unlabelled_only: bool = True, limit: int = 200, database_url: str | None = None
) -> list[MissedLine]:
    """The queue, newest first."""
    query = select(MissedQuestion).order_by(MissedQuestion.id.desc()).limit(limit)
    if unlabelled_only:
        query = query.where(MissedQuestion.label.is_(None))
    with unit_of_work(database_url) as session:
        return [
            MissedLine(
                row.id,
                row.created_at,
                row.language,
                row.channel,
                row.masked_text,
                row.guessed_intent,
                row.confidence,
                row.label,
                row.labelled_by,
                row.exported_at is not None,
            )  # fmt: skip
            for row in session.scalars(query)
        ]


def label_missed_question(
    question_id: int, label: str, actor: str, *, database_url: str | None = None
) -> bool:
    """Set the right topic (an intent of the domain) or out_of_scope; False for an unknown id or label."""
    if label != OUT_OF_SCOPE and label not in topic_intents():
        return False
    with unit_of_work(database_url) as session:
        row = session.get(MissedQuestion, question_id)
        if row is None:
            return False
        row.label, row.labelled_by, row.labelled_at = label, actor, datetime.now(timezone.utc)
        row.exported_at = None  # a corrected label is exported again
        audit_staff(session, actor, "missed_question_labelled", f"missed_question:{question_id}", label)
        return True


@dataclass(frozen=True)
class WeekCount:
    """Misses in one week (Monday first), and how many are labelled."""

    week_start: date
    missed: int
    labelled: int


def weekly_counts(
    weeks: int = 12, *, today: date | None = None, database_url: str | None = None
) -> list[WeekCount]:
    """The last ``weeks`` weeks, oldest first (weeks without misses count 0)."""
    today = today or datetime.now(timezone.utc).date()
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    counts = {first + timedelta(weeks=n): [0, 0] for n in range(weeks)}
    since = datetime.combine(first, datetime.min.time(), tzinfo=timezone.utc)
    with unit_of_work(database_url) as session:
        rows = session.execute(
            select(MissedQuestion.created_at, MissedQuestion.label).where(MissedQuestion.created_at >= since)
        )
        for created_at, label in rows:
            day = created_at.date()
            week = day - timedelta(days=day.weekday())
            if week in counts:
                counts[week][0] += 1
                counts[week][1] += label is not None
    return [WeekCount(week, missed, labelled) for week, (missed, labelled) in sorted(counts.items())]


@dataclass(frozen=True)
class ExportResult:
    """Where the export went and how many lines it holds (0: nothing new was labelled)."""

    path: Path | None
    examples: int


def export_labelled(
    actor: str, *, day: date | None = None, folder: Path | None = None, database_url: str | None = None
) -> ExportResult:
    """Write the labelled lines not exported yet as NLU YAML (one file per day, merged with an
    earlier export of the same day). out_of_scope lines are exported under intent out_of_scope."""
    day = day or datetime.now(timezone.utc).date()
    target = (folder or Path(settings.NLU_REVIEW_DIR.value())) / f"{day.isoformat()}.yml"
    with unit_of_work(database_url) as session:
        rows = list(
            session.scalars(
                select(MissedQuestion)
                .where(MissedQuestion.label.is_not(None), MissedQuestion.exported_at.is_(None))
                .order_by(MissedQuestion.id)
            )
        )
        if not rows:
            return ExportResult(None, 0)
        by_intent = _existing_examples(target)
        for row in rows:
            examples = by_intent.setdefault(str(row.label), [])
            if row.masked_text not in examples:
                examples.append(row.masked_text)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_nlu_yaml(by_intent, day), encoding="utf-8")
        moment = datetime.now(timezone.utc)
        for row in rows:
            row.exported_at = moment
        audit_staff(
            session, actor, "missed_questions_exported", f"nlu_review:{day.isoformat()}", str(len(rows))
        )
        return ExportResult(target, len(rows))


def _existing_examples(path: Path) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    body = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, list[str]] = {}
    for block in body.get("nlu", []) or []:
        lines = [line[2:] for line in str(block.get("examples", "")).splitlines() if line.startswith("- ")]
        found.setdefault(str(block.get("intent")), []).extend(lines)
    return found


def _nlu_yaml(by_intent: dict[str, list[str]], day: date) -> str:
    """Rasa 3 NLU YAML, one block per intent, examples as a literal list."""
    lines = [
        f"# Missed questions labelled by the Office of Permits, exported {day.isoformat()} (masked).",
        "# Review each line before training: placeholders such as [email] stand for masked data.",
        'version: "3.1"',
        "nlu:",
    ]
    for intent in sorted(by_intent):
        lines.append(f"- intent: {intent}")
        lines.append("  examples: |")
        lines.extend(f"    - {' '.join(example.split())}" for example in by_intent[intent])
    return "\n".join(lines) + "\n"


def missed_count_since(moment: datetime, *, database_url: str | None = None) -> int:
    """How many messages were missed since ``moment`` (the dashboard)."""
    with unit_of_work(database_url) as session:
        return int(
            session.scalar(select(func.count(MissedQuestion.id)).where(MissedQuestion.created_at >= moment))
            or 0
        )
