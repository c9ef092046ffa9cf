"""Moved to bot.core.policy_model (temporary re-export while the users move)."""

from bot.core.policy_model import DocumentRequirement

__all__ = ["DocumentRequirement"]
