"""Dates as parents type them, in English and Spanish.

Accepted: "March 3, 2015", "Mar 3rd 2015", "3 March 2015", "3 de marzo de 2015",
"3 de marzo del 2015", "marzo 3 2015", "1ro de marzo de 2015", "2015-03-03",
"03/03/2015" and "3/3/15" (read month first, US-style), and "today"/"hoy",
"yesterday"/"ayer", "tomorrow"/"mañana". A slash date that also reads as a valid
day-first date is flagged so the bot can confirm it with a Spanish-speaking parent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

# Month names and abbreviations, English then Spanish, without accents.
_MONTH_WORDS = (
    "january jan enero ene", "february feb febrero", "march mar marzo", "april apr abril abr",
    "may mayo", "june jun junio", "july jul julio", "august aug agosto ago",
    "september sept sep septiembre setiembre set", "october oct octubre",
    "november nov noviembre", "december dec diciembre dic",
)  # fmt: skip
_MONTHS = {word: number for number, words in enumerate(_MONTH_WORDS, 1) for word in words.split()}
_WEEKDAYS = frozenset(
    "monday mon tuesday tue tues wednesday wed thursday thu thurs friday fri saturday sat sunday sun "
    "lunes martes miercoles jueves viernes sabado domingo".split()
)
_FILLER = frozenset({"de", "del", "el", "of", "the", "on", "born", "nacio", "nacido", "nacida"})
_RELATIVE = {"today": 0, "hoy": 0, "yesterday": -1, "ayer": -1, "tomorrow": 1, "manana": 1}
_DAY_TOKEN = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|ro|o|er|°)?$")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
MIN_YEAR = 1900
MAX_YEAR = 2100
_TWO_DIGIT_YEAR_FUTURE = 10  # "3/3/29" read in 2026 is 2029, "3/3/37" is 1937


@dataclass(frozen=True)
class DateReading:
    """A parsed date; ``day_first`` is the other valid reading of an ambiguous slash date."""

    value: date
    day_first: date | None = None

    @property
    def ambiguous(self) -> bool:
        """True when "04/03/2015" could also mean 4 March: ask the parent to confirm."""
        return self.day_first is not None


def parse_date(text: str, *, today: date) -> DateReading | None:
    """Read a date in any of the module's English or Spanish forms; None when it is not one date.

    ``today`` resolves "today"/"hoy" and two-digit years: "15" is 2015 unless that is more
    than ten years after ``today``, then 1915 (so "8/1/27" can be a coming first day of school).
    """
    if len(text) > 80:
        return None
    plain = _plain(text)
    if plain in _RELATIVE:
        return DateReading(today + timedelta(days=_RELATIVE[plain]))
    compact = plain.replace(" ", "")
    iso = _ISO.match(compact)
    if iso:
        found = _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        return DateReading(found) if found else None
    numeric = _NUMERIC.match(compact)
    if numeric:
        return _numeric(numeric, today)
    return _with_month_name(plain)


def _numeric(match: re.Match[str], today: date) -> DateReading | None:
    first, second, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if 2000 + year <= today.year + _TWO_DIGIT_YEAR_FUTURE else 1900
    month_first = _make(year, first, second)
    day_first = _make(year, second, first)
    if month_first is None:
        # "25/12/2015" cannot be US-style, so it reads one way only: day first.
        return DateReading(day_first) if day_first else None
    other = day_first if day_first is not None and day_first != month_first else None
    return DateReading(month_first, other)


def _with_month_name(plain: str) -> DateReading | None:
    tokens = [token for token in plain.split() if token not in _FILLER and token not in _WEEKDAYS]
    months = [index for index, token in enumerate(tokens) if token in _MONTHS]
    if len(tokens) != 3 or len(months) != 1:
        return None
    month = _MONTHS[tokens[months[0]]]
    rest = [token for index, token in enumerate(tokens) if index != months[0]]
    # Day then year in either order around the month: "3 marzo 2015", "marzo 3 2015", "2015 marzo 3".
    if len(rest[1]) == 4 and rest[1].isdigit():
        day_token, year_token = rest
    elif len(rest[0]) == 4 and rest[0].isdigit():
        year_token, day_token = rest
    else:
        return None
    day = _DAY_TOKEN.match(day_token)
    if not day:
        return None
    found = _make(int(year_token), month, int(day.group(1)))
    return DateReading(found) if found else None


def _make(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plain(text: str) -> str:
    """Lower case without accents; commas and periods become spaces, "1º" becomes "1o"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = re.sub(r"[,;]|\.(?!\d)", " ", plain)
    plain = re.sub(r"\s*([-/])\s*", r"\1", plain)
    return " ".join(plain.split())
