"""Number words in names, as digits: "One Hundred Twenty-Second" and "122nd" are "122" (pure)."""

from __future__ import annotations

import re

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS = {
    **{word: n for n, word in enumerate(_ONES)}, **{word: n for n, word in enumerate(_ORDINALS)},
    **{word: 20 + 10 * n for n, word in enumerate(_TENS)},
    **{word[:-1] + "ieth": 20 + 10 * n for n, word in enumerate(_TENS)},
    "hundred": 100, "hundredth": 100,
}  # fmt: skip
_DIGITS = re.compile(r"^([0-9]{1,4})(st|nd|rd|th)?$")


def numbers_as_digits(tokens: list[str]) -> list[str]:
    """Number words and ordinals to digits, up to 999: "one hundred twenty second" -> "122"."""
    result: list[str] = []
    run: int | None = None
    for token in tokens:
        value = _NUMBER_WORDS.get(token)
        if value is None:
            if run is not None:
                result.append(str(run))
                run = None
            digits = _DIGITS.match(token)
            result.append(str(int(digits.group(1))) if digits else token)
            continue
        if run is not None and not _extends(run, value):
            result.append(str(run))
            run = None
        run = (run or 1) * 100 if value == 100 else (run or 0) + value
    if run is not None:
        result.append(str(run))
    return result


def _extends(run: int, value: int) -> bool:
    """Whether a number word continues a run: "one hundred", "hundred twenty", "twenty two"."""
    if value == 100:
        return 1 <= run <= 9
    tail = run % 100
    return run >= 100 and tail == 0 or (value < 10 and tail >= 20 and tail % 10 == 0)
