"""Confirmation numbers a parent can read over the phone and type on a phone: ``LA-7K3M-9QX2-R``.

Format: the fixed prefix ``LA``, eight random symbols in two groups of four, and one check
symbol. Symbols come from Crockford's base-32 alphabet (digits and capitals without I, L,
O, U), so nothing looks like anything else; the eight random symbols carry 8 x 5 = 40 bits
from ``secrets``.

Check symbol: the Damm algorithm over the quasigroup ``x * y = a(x + y)`` in GF(32)
(polynomial x^5 + x^2 + 1, ``a`` = x). In characteristic 2 this is a totally anti-symmetric
quasigroup with a zero diagonal, so the check symbol is simply the running state after the
eight symbols, and every single-symbol substitution and every adjacent transposition
(including with the check symbol) is detected; tests prove both properties exhaustively.

Parsing ignores case, spaces and dashes, reads O as 0 and I or L as 1, and accepts the
number with or without the ``LA`` prefix.
"""

from __future__ import annotations

import secrets
from typing import Final

ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX: Final = "LA"
RANDOM_SYMBOLS: Final = 8
GROUP: Final = 4
_MODULUS_POLY: Final = 0b100101  # x^5 + x^2 + 1, primitive over GF(2)
_A: Final = 0b00010  # the field element x: neither 0 nor 1, so the quasigroup is anti-symmetric
_CONFUSABLE: Final = {"O": "0", "I": "1", "L": "1"}
_SEPARATORS: Final = frozenset(" \t-\u2010\u2011\u2012\u2013\u2014._")
_VALUES: Final = {symbol: value for value, symbol in enumerate(ALPHABET)}

_SYMBOL = "[0-9A-TV-Za-tv-z]"  # what a parent may type for one symbol (O, I, L included)
_BODY = f"{_SYMBOL}{{4}}[ -]?{_SYMBOL}{{4}}[ -]?{_SYMBOL}"
_DIGIT_AHEAD = "(?=[A-TV-Za-tv-z -]{0,11}[0-9])"
#: For NLU entity extraction (Rasa RegexEntityExtractor), one group so word boundaries wrap it
#: whole. Loose on purpose: "LA-" or "LA " then nine symbols, or (prefix glued or absent) nine
#: symbols with a digit among them, so plain words are not taken for numbers.
#: ``parse_confirmation_number`` is the authority on validity.
CONFIRMATION_NUMBER_REGEX: Final = f"(?:[Ll][Aa][ -]{_BODY}|(?:[Ll][Aa])?{_DIGIT_AHEAD}{_BODY})"


def new_confirmation_number() -> str:
    """A fresh, unguessable confirmation number in canonical form (uniqueness is the store's job)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return _format(body + check_symbol(body))


def parse_confirmation_number(text: str) -> str | None:
    """The canonical form (``LA-XXXX-XXXX-X``) of a typed or spoken number, or None when it is not valid."""
    if len(text) > 64:
        return None
    compact = "".join(char for char in text.strip().upper() if char not in _SEPARATORS)
    if len(compact) == len(PREFIX) + RANDOM_SYMBOLS + 1 and compact.startswith(PREFIX):
        compact = compact[len(PREFIX) :]
    if len(compact) != RANDOM_SYMBOLS + 1:
        return None
    symbols = "".join(_CONFUSABLE.get(char, char) for char in compact)
    if any(char not in _VALUES for char in symbols):
        return None
    if _state(symbols) != 0:
        return None
    return _format(symbols)


def check_symbol(body: str) -> str:
    """The check symbol for canonical symbols ``body``: Damm's running state after them."""
    return ALPHABET[_state(body)]


def damm_step(state: int, value: int) -> int:
    """One Damm step: ``state * value = a(state + value)`` in GF(32)."""
    return _gf_mul(_A, state ^ value)


def _state(symbols: str) -> int:
    state = 0
    for char in symbols:
        state = damm_step(state, _VALUES[char])
    return state


def _gf_mul(left: int, right: int) -> int:
    """Multiplication in GF(2^5) modulo x^5 + x^2 + 1."""
    product = 0
    while right:
        if right & 1:
            product ^= left
        right >>= 1
        left <<= 1
        if left & 0b100000:
            left ^= _MODULUS_POLY
    return product


def _format(symbols: str) -> str:
    return f"{PREFIX}-{symbols[:GROUP]}-{symbols[GROUP:RANDOM_SYMBOLS]}-{symbols[RANDOM_SYMBOLS:]}"
