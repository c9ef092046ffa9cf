"""Parent and student identity fields: names, email (the portal user ID) and US phone numbers."""

from __future__ import annotations

import unicodedata
from typing import Final

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from bot.rules.codes import Outcome
from bot.rules.email_address import canonical_email

EMPTY: Final = "empty"
TOO_LONG: Final = "too_long"
DIGITS: Final = "digits"
INVALID_CHARACTERS: Final = "invalid_characters"
INVALID_FORMAT: Final = "invalid_format"
INVALID: Final = "invalid"
MISMATCH: Final = "mismatch"
NOT_US: Final = "not_us"

#: Longest name part kept, after trimming (the portal's fields are short).
MAX_NAME_LENGTH: Final = 50
#: Longest raw input even looked at (protects the parsers from pasted essays).
MAX_INPUT_LENGTH: Final = 320

# Typographic variants a phone keyboard inserts, mapped to the plain form stored.
_APOSTROPHES: dict[str, str | int | None] = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "`": "'",
    "\u00b4": "'",
}
_HYPHENS: dict[str, str | int | None] = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-"}
_SEPARATORS = frozenset(" -'")
# Territories that share the US numbering plan and US law on phone contact.
_US_REGIONS = frozenset({"US", "PR", "GU", "VI", "AS", "MP"})


def normalize_name(text: str) -> Outcome[str]:
    """Check one name field (first, middle or last) and return it trimmed, with single spaces.

    Accepts letters of any script with their accents, apostrophes, hyphens, inner spaces
    and a period after a letter ("Ma. Guadalupe"); problems: empty, too_long, digits,
    invalid_characters (emoji, markup, symbols), invalid_format (e.g. "--", "O'", "-Ana").
    """
    if len(text) > MAX_INPUT_LENGTH:
        return Outcome(problem=TOO_LONG)
    cleaned = unicodedata.normalize("NFC", text)
    cleaned = cleaned.translate(str.maketrans({**_APOSTROPHES, **_HYPHENS}))
    cleaned = " ".join(cleaned.split())
    if not cleaned:
        return Outcome(problem=EMPTY)
    if len(cleaned) > MAX_NAME_LENGTH:
        return Outcome(problem=TOO_LONG)
    if not all(_is_letter(char) or char in _SEPARATORS or char == "." or char.isdigit() for char in cleaned):
        return Outcome(problem=INVALID_CHARACTERS)
    if any(char.isdigit() for char in cleaned):
        return Outcome(problem=DIGITS)
    if not _well_formed(cleaned):
        return Outcome(problem=INVALID_FORMAT)
    return Outcome(value=cleaned)


def normalize_email(text: str) -> Outcome[str]:
    """Check an email address's syntax (no DNS lookup) and return its canonical form.

    The form is ``canonical_email``'s (trimmed, NFKC, lower case): the one every service stores,
    compares and rate-limits, so ``Ana@Example.com`` and ``ana@example.com`` are one account.
    """
    cleaned = canonical_email(text)
    if not cleaned:
        return Outcome(problem=EMPTY)
    if len(cleaned) > MAX_INPUT_LENGTH:
        return Outcome(problem=TOO_LONG)
    try:
        checked = validate_email(cleaned, check_deliverability=False)
    except EmailNotValidError:
        return Outcome(problem=INVALID)
    return Outcome(value=canonical_email(checked.normalized))


def confirm_email(email: str, reentered: str) -> Outcome[str]:
    """Check the re-entered email against the first entry; the value is the first entry, normalised.

    The comparison ignores case, as the portal's user ID does; problems: those of
    normalize_email for either entry, or mismatch.
    """
    first = normalize_email(email)
    if first.value is None:
        return first
    second = normalize_email(reentered)
    if second.value is None:
        return second
    if first.value.casefold() != second.value.casefold():
        return Outcome(problem=MISMATCH)
    return first


def normalize_us_phone(text: str) -> Outcome[str]:
    """Check a US phone number in any common writing and return it in E.164 ("+12132411000").

    Problems: empty, too_long, invalid (not a real, dialable number), not_us (a valid
    number outside the US and its territories, e.g. Canada or Mexico).
    """
    cleaned = text.strip()
    if not cleaned:
        return Outcome(problem=EMPTY)
    if len(cleaned) > 40:
        return Outcome(problem=TOO_LONG)
    try:
        number = phonenumbers.parse(cleaned, "US")
    except phonenumbers.NumberParseException:
        return Outcome(problem=INVALID)
    if not phonenumbers.is_valid_number(number):
        return Outcome(problem=INVALID)
    if phonenumbers.region_code_for_number(number) not in _US_REGIONS:
        return Outcome(problem=NOT_US)
    return Outcome(value=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _is_base_letter(char: str) -> bool:
    return unicodedata.category(char).startswith("L") if char else False


def _is_letter(char: str) -> bool:
    # Letters of any script, plus combining accents that NFC could not compose.
    return unicodedata.category(char)[0] in ("L", "M") if char else False


def _well_formed(name: str) -> bool:
    """Words of letters joined by one separator; a period may only close a word."""
    previous = ""
    for index, char in enumerate(name):
        if char in _SEPARATORS:
            # A separator needs a word before it (a closing period counts) and a letter after.
            after = name[index + 1] if index + 1 < len(name) else ""
            if not (_is_letter(previous) or previous == ".") or not _is_base_letter(after):
                return False
            if previous == "." and char != " ":
                return False
        elif char == "." or unicodedata.category(char)[0] == "M":
            # A period closes a word; a combining accent follows a letter.
            if not _is_letter(previous):
                return False
        elif previous == ".":
            return False
        previous = char
    return _is_base_letter(name[0])
