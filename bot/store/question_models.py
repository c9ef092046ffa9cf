"""Messages the assistant did not understand, kept (masked) for staff to label and developers to train on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models import Base


class MissedQuestion(Base):
    """One fallback or low-confidence message: the masked text and what the model guessed.

    `label` is an intent name or "out_of_scope", set by staff; `exported_at` marks lines already
    written to data/nlu/review/. No sender id: only a keyed digest of the conversation.
    """

    __tablename__ = "missed_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_key: Mapped[str] = mapped_column(String(64), index=True)
    language: Mapped[str] = mapped_column(String(2))
    channel: Mapped[str] = mapped_column(String(20), default="")
    masked_text: Mapped[str] = mapped_column(Text)
    guessed_intent: Mapped[str] = mapped_column(String(80), default="")
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )
    label: Mapped[str | None] = mapped_column(String(80))
    labelled_by: Mapped[str | None] = mapped_column(String(80))
    labelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    exported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
