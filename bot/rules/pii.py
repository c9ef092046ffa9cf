"""Personal data in free text, found and masked with typed placeholders.

What parents type into a chat (and what the bot echoes back) is stored in the conversation
store, in logs and in ticket summaries. ``mask_personal_data`` replaces, in this order:
the token of an upload, activation or reset link -> ``…/upload/[link]`` (it opens a family's
data for weeks), email addresses -> ``[email]``, confirmation numbers (also typed with dots or
underscores, ``LA.XV3A.TC77.2``) -> ``[confirmation]``, US phone
numbers -> ``[phone]``, dates (numeric and written, English and Spanish, "march, 14, 2016") -> ``[date]``,
runs of 4 to 8 digits, also typed with spaces, dashes or dots ("4 8 1 9", "244.688") -> ``[code]``, and
longer digit runs -> ``[number]``. One-time codes, human checks and years all become
``[code]``: over-masking a year is cheaper than keeping a code.

Every pattern starts with a look-behind that fails inside a word or a number, so a match is
only attempted at a boundary and a 100 kB message is scanned in linear time. Placeholders
contain no digits and no ``@``, so masking is idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bot.core.codes import Code
from bot.rules.confirmation import CONFIRMATION_NUMBER_REGEX


class PersonalData(Code):
    """The kind of value found; its placeholder is ``[<value>]``."""

    LINK = "link"
    EMAIL = "email"
    CONFIRMATION = "confirmation"
    PHONE = "phone"
    DATE = "date"
    CODE = "code"
    NUMBER = "number"

    @property
    def placeholder(self) -> str:
        """What replaces the value in masked text, e.g. ``[email]``."""
        return f"[{self.value}]"


_EMAIL_CHAR = r"[\w.!#$%&'*+/=?^`{|}~-]"
_EMAIL: Final = re.compile(
    rf"(?<!{_EMAIL_CHAR}){_EMAIL_CHAR}+\s?@\s?[\w-]+(?:\s?\.\s?[\w-]+)*\.(?:[^\W\d_]{{2,}}|(?i:xn--)[\w-]+)(?![\w-])"
)
_LINK: Final = re.compile(r"(?:(?<=/upload/)|(?<=/activate/)|(?<=/reset/))[A-Za-z0-9._~%-]{8,}")
_CONFIRMATION: Final = re.compile(rf"(?<![\w-]){CONFIRMATION_NUMBER_REGEX}(?![\w-])")
_SYMBOL = "[0-9A-Za-z]"
_LOOSE_CONFIRMATION: Final = re.compile(
    rf"(?<![\w.-])[Ll][Aa](?=[\W_A-Za-z]{{0,14}}\d)[\W_]{{0,3}}{_SYMBOL}{{4}}[\W_]{{0,3}}{_SYMBOL}{{4}}[\W_]{{0,3}}{_SYMBOL}(?![\w-])"
)
_SEP = r"[ .\-\u2010-\u2014]?"
_PHONE: Final = re.compile(
    rf"(?<![\w+])(?:(?:\+\s?1|1){_SEP})?(?:\(\s?\d{{3}}\s?\)\s?|\d{{3}}{_SEP})\d{{3}}{_SEP}\d{{4}}(?!\d)"
)
_EN_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_ES_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    "diciembre|ene|abr|ago|set|dic"
)
_MONTH = rf"(?=[a-zA-Z])(?:{_EN_MONTHS}|{_ES_MONTHS})\.?"  # the look-ahead skips ~40 tries at a non-letter
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|ro|er|o|°|º)?"
_YEAR = r"(?:\d{4}|'?\d{2})"
_OF = r"(?:\s*,?\s*(?:de|del|of)?\s*)"
_WRITTEN_DATES = (
    rf"{_DAY}{_OF}{_MONTH}(?:{_OF}{_YEAR})?",  # 3 de marzo de 2015, 3 March 2015, 3 de marzo
    rf"{_MONTH}[\s,]*{_DAY}(?:{_OF}{_YEAR})?",  # March 3, 2015 / marzo 3 de 2015 / march, 14, 2016
    rf"{_MONTH}{_OF}\d{{4}}",  # March 2015, marzo de 2015
)
_NUMERIC_DATES = (
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}",  # 2015-03-03
    r"\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?(?:\d{4}|\d{2})",  # 03/03/2015, 3-3-15
    r"\d{1,2}/\d{1,2}",  # 3/3
)
_DATE: Final = re.compile(
    rf"(?<![\w/.-])(?:{'|'.join(_WRITTEN_DATES + _NUMERIC_DATES)})(?![\w/])",
    re.IGNORECASE,
)
_CODE: Final = re.compile(r"(?<![\w-])\d(?:[ .\-]?\d){3,7}(?![\w-]|[ .\-]\d)")
_NUMBER: Final = re.compile(r"(?<!\w)\d(?:[ .\-]?\d){8,}(?!\w)")
_RULES: Final = (
    (PersonalData.LINK, _LINK),
    (PersonalData.EMAIL, _EMAIL),
    (PersonalData.CONFIRMATION, _CONFIRMATION),
    (PersonalData.CONFIRMATION, _LOOSE_CONFIRMATION),
    (PersonalData.PHONE, _PHONE),
    (PersonalData.DATE, _DATE),
    (PersonalData.NUMBER, _NUMBER),
    (PersonalData.CODE, _CODE),
)


@dataclass(frozen=True)
class Finding:
    """One value found in the text: its kind and where it was (in the text at that step)."""

    kind: PersonalData
    text: str


def mask_personal_data(text: str, *, confirmation_numbers: bool = True) -> str:
    """``text`` with every email, phone, date, code and long number replaced by its placeholder.

    ``confirmation_numbers=False`` keeps confirmation numbers (``LA-7K3M-9QX2-R``), e.g. in a
    staff ticket summary where the number is what staff need; they are masked by default.
    """
    masked, _ = _mask(text, confirmation_numbers)
    return masked


def find_personal_data(text: str, *, confirmation_numbers: bool = True) -> list[Finding]:
    """Every value ``mask_personal_data`` would replace, in the order the rules run."""
    _, findings = _mask(text, confirmation_numbers)
    return findings


def _mask(text: str, confirmation_numbers: bool) -> tuple[str, list[Finding]]:
    findings: list[Finding] = []
    for kind, pattern in _RULES:
        if kind is PersonalData.CONFIRMATION and not confirmation_numbers:
            continue

        def replace(match: re.Match[str], kind: PersonalData = kind) -> str:
            """The placeholder for ``match``, noting what it hid."""
            findings.append(Finding(kind, match.group(0)))
            return kind.placeholder

        text = pattern.sub(replace, text)
    return text, findings
