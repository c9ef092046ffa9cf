"""Tables of the Office of Permits' staff: accounts (password + TOTP) and their web sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.store.models import Base


class StaffUser(Base):
    """A staff member of the console: the email is the username.

    `role` is a bot.rules.staff_roles code (agent, reviewer, admin). The password exists only as an
    argon2 hash; `totp_secret` is the base32 second-factor secret (the database file is 0600 and
    never leaves the district). `status`: invited (setup link not used yet), active, disabled.
    `last_totp_step` refuses a code used a second time. `credentials_changed_at` ends every session
    and setup link issued before it.
    """

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    role: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12), default="invited")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    last_totp_step: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    activated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    credentials_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    sessions: Mapped[list[StaffSession]] = relationship(
        back_populates="staff_user", cascade="all, delete-orphan"
    )


class StaffSession(Base):
    """A signed-in browser: the cookie carries a signed random id; only its SHA-256 is stored.

    A session ends at `expires_at` (absolute), after `idle` minutes without a request
    (`last_seen_at`), or when `ended_at` is set (signed out, account disabled).
    `csrf_token` is the form token of every staff form shown in this session.
    """

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    staff_user: Mapped[StaffUser] = relationship(back_populates="sessions")
