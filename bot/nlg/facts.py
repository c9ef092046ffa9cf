"""Moved to bot.core.facts (temporary re-export while the users move)."""

from bot.core.facts import bullets, day_month, long_date, or_list, policy_facts, reason_facts

__all__ = ["bullets", "day_month", "long_date", "or_list", "policy_facts", "reason_facts"]
