"""Moved to bot.core.policy (temporary re-export while the users move)."""

from bot.core.policy import *  # noqa: F403
from bot.core.policy import __all__  # noqa: F401
