"""'Did you mean gmail.com?': common domain typos are caught, real domains are left alone."""

from __future__ import annotations

import pytest

from bot.rules.email_typos import suggested_email


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("ana@gmial.com", "ana@gmail.com"),
        ("ana@gamil.com", "ana@gmail.com"),
        ("ana@gmail.co", "ana@gmail.com"),
        ("rosa.delacruz@hotmail.con", "rosa.delacruz@hotmail.com"),
        ("ana@hotmial.com", "ana@hotmail.com"),
        ("ana@yaho.com", "ana@yahoo.com"),
        ("ana@yahooo.com", "ana@yahoo.com"),
        ("ana@outlok.com", "ana@outlook.com"),
        ("ana@iclod.com", "ana@icloud.com"),
        ("ana@yahoo.com.m", "ana@yahoo.com.mx"),
    ],
)
def test_common_typos_get_a_suggestion(typed: str, meant: str) -> None:
    assert suggested_email(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "ana@gmail.com",
        "ana@yahoo.com.mx",  # not "corrected" to yahoo.com
        "ana@hotmail.es",
        "ana@lausd.net",
        "ana@sbcglobal.net",
        "ana@ucla.edu",
        "ana@smallbusiness.org",
        "not an address",
        "@gmial.com",
    ],
)
def test_real_domains_and_non_addresses_get_none(typed: str) -> None:
    assert suggested_email(typed) is None
