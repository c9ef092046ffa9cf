"""How the hand-off speaks of time: the office's next opening in the parent's language."""

from __future__ import annotations

from datetime import datetime

from bot.core.text import Catalog


def opening_words(catalog: Catalog, locale: str, opening: datetime) -> str:
    """ "Monday, December 7 at 8:00 a.m." / "lunes 7 de diciembre a las 8:00 a. m." (local time)."""
    hour = opening.hour % 12 or 12
    clock = f"{hour}:{opening.minute:02d}"
    time_words = catalog.text(
        "handoff.time_am" if opening.hour < 12 else "handoff.time_pm", locale, time=clock
    )
    return catalog.text(
        "handoff.opening",
        locale,
        weekday=catalog.text(f"handoff.weekday.{opening.weekday()}", locale),
        month=catalog.text(f"format.month.{opening.month}", locale),
        day=opening.day,
        time=time_words,
    )
