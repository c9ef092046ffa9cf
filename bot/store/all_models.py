"""Imports every table module so `Base.metadata` knows them all (Alembic, tests)."""

from bot.store import application_models, handoff_models, question_models, service_models, staff_models
from bot.store.models import Base

__all__ = ["Base", "application_models", "handoff_models", "question_models", "service_models", "staff_models"]
