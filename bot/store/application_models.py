"""Tables of permit applications: the application, its documents and its status history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.store.models import Base


class Application(Base):
    """One permit application for one student and school year.

    `status` holds a code of bot.rules.status (submitted, pending_documents, ...). `submission_key`
    makes submitting idempotent: a retried or repeated "yes" finds the application it created.
    """

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    confirmation_number: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    submission_key: Mapped[str] = mapped_column(String(128), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(2))
    direction: Mapped[str] = mapped_column(String(8))  # incoming | outgoing
    reason: Mapped[str] = mapped_column(String(40))
    school_year: Mapped[str] = mapped_column(String(9))  # "2027-2028"
    student_first_name: Mapped[str] = mapped_column(String(80))
    student_last_name: Mapped[str] = mapped_column(String(80))
    student_birthdate: Mapped[date] = mapped_column(Date)
    grade: Mapped[str] = mapped_column(String(4))  # TK, K, 1 .. 12
    requested_school_cds: Mapped[str | None] = mapped_column(String(14))
    requested_school_name: Mapped[str] = mapped_column(String(120))
    residence_district_cds: Mapped[str | None] = mapped_column(String(14))
    residence_district_name: Mapped[str] = mapped_column(String(120))
    release_in_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    answers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # reason-specific answers
    status: Mapped[str] = mapped_column(String(24), index=True)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    documents_complete_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    release_received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    provisional_start: Mapped[date | None] = mapped_column(Date)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    abandonment_warned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164, for SMS/WhatsApp notices
    phone_channel: Mapped[str | None] = mapped_column(String(10))  # sms | whatsapp
    notifications_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)

    documents: Mapped[list[ApplicationDocument]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="ApplicationDocument.id"
    )
    history: Mapped[list[StatusChange]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="StatusChange.id"
    )


class ApplicationDocument(Base):
    """An uploaded file, recorded against one checklist item (`item` is a document code of permits.yml)."""

    __tablename__ = "application_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(40))
    stored_name: Mapped[str] = mapped_column(String(80), unique=True)  # random; never the parent's name
    content_type: Mapped[str] = mapped_column(String(40))
    size_bytes: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    application: Mapped[Application] = relationship(back_populates="documents")
    reviews: Mapped[list[DocumentReview]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentReview.id"
    )

    @property
    def latest_review(self) -> DocumentReview | None:
        """The reviewer's latest verdict on this file, or None while nobody reviewed it."""
        return self.reviews[-1] if self.reviews else None

    @property
    def rejected(self) -> bool:
        """True when the latest verdict sent this file back (it no longer counts as received)."""
        latest = self.latest_review
        return latest is not None and latest.verdict == "rejected"


class DocumentReview(Base):
    """A reviewer's verdict on one uploaded file: accepted, or rejected with a reason code of
    bot/policy/document_rejections.yml. Every verdict is kept; the latest one counts."""

    __tablename__ = "document_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("application_documents.id", ondelete="CASCADE"), index=True
    )
    verdict: Mapped[str] = mapped_column(String(10))  # accepted | rejected
    reason: Mapped[str] = mapped_column(String(40), default="")
    reviewed_by: Mapped[str] = mapped_column(String(80))
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    document: Mapped[ApplicationDocument] = relationship(back_populates="reviews")


class StatusChange(Base):
    """One row per status change: who (staff user, parent, system), when and why."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    changed_by: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    application: Mapped[Application] = relationship(back_populates="history")
