"""The parent-portal password rules from the activation page (seed), as problem codes.

The common-password list is Django's maintained list, read straight from the installed
package's data file: Django is located with ``importlib.util.find_spec`` and never imported
or configured.
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Final

from bot.core.policy import PasswordRules, load_policy

LENGTH: Final = "length"
SPACES: Final = "spaces"
SAME_AS_USER_ID: Final = "same_as_user_id"
LETTERS_AND_DIGITS: Final = "letters_and_digits"
REPEATED: Final = "repeated"
COMMON: Final = "common"
#: Every problem code, in the order the rules are listed to parents.
PASSWORD_PROBLEMS: Final = (LENGTH, SPACES, SAME_AS_USER_ID, LETTERS_AND_DIGITS, REPEATED, COMMON)

_COMMON_LIST = Path("contrib") / "auth" / "common-passwords.txt.gz"


class CommonPasswordListMissing(RuntimeError):
    """Django's common-password file is not installed: refuse rather than accept weak passwords."""


def password_problems(password: str, user_id: str, *, rules: PasswordRules | None = None) -> list[str]:
    """Every rule ``password`` breaks, as codes from PASSWORD_PROBLEMS; an empty list means acceptable.

    ``user_id`` is the account's email; the password may equal neither the email nor its
    local part (compared case-insensitively). Rules come from permits.yml unless given.
    """
    rules = rules or load_policy().password_rules
    problems: list[str] = []
    if not rules.min_length <= len(password) <= rules.max_length:
        problems.append(LENGTH)
    if any(char.isspace() for char in password):
        problems.append(SPACES)
    if _same_as_user_id(password, user_id):
        problems.append(SAME_AS_USER_ID)
    if not (any(char.isalpha() for char in password) and any(char.isdecimal() for char in password)):
        problems.append(LETTERS_AND_DIGITS)
    if longest_run(password) > rules.max_run:
        problems.append(REPEATED)
    # Django's own normalisation for this list: lower-cased and stripped.
    if password.lower().strip() in common_passwords():
        problems.append(COMMON)
    return problems


def passwords_match(password: str, confirmation: str) -> bool:
    """True when the "confirm password" entry is exactly the password (no normalisation)."""
    return password == confirmation


def longest_run(text: str) -> int:
    """Length of the longest run of one repeated character ("a1112" gives 3)."""
    longest = run = 0
    previous: str | None = None
    for char in text:
        run = run + 1 if char == previous else 1
        previous = char
        longest = max(longest, run)
    return longest


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """Django's list of about 20,000 common passwords, lower-case, loaded once."""
    spec = importlib.util.find_spec("django")
    if spec is None or spec.origin is None:
        raise CommonPasswordListMissing("Django is not installed; its common-password list is required")
    path = Path(spec.origin).parent / _COMMON_LIST
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            return frozenset(line.strip() for line in lines if line.strip())
    except OSError as error:
        raise CommonPasswordListMissing(f"cannot read {path}: {error}") from error


def _same_as_user_id(password: str, user_id: str) -> bool:
    user = user_id.strip().casefold()
    if not user:
        return False
    candidates = {user}
    local, at, _domain = user.rpartition("@")
    if at and local:
        candidates.add(local)
    return password.casefold() in candidates
