"""Moved to bot.core.data_file (temporary re-export while the users move)."""

from bot.core.data_file import (
    DataFileError,
    calendar_date,
    count,
    flag,
    mapping,
    month_day,
    read_yaml,
    text,
    text_list,
)

__all__ = ["DataFileError", "calendar_date", "count", "flag", "mapping", "month_day", "read_yaml", "text", "text_list"]
