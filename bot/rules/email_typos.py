""""Did you mean ana@gmail.com?": a likely typo in an email address's domain, and its correction.

The lists and the string distance are mailcheck's (pymailcheck, the Python port of mailcheck.js,
used on sign-up forms since 2012). We add the providers Los Angeles families use that its lists
lack or mangle (its second-level list glues "gmx" and "hotmail" together), and Mexico's domains,
so that "yahoo.com.mx" is never "corrected" to "yahoo.com". The suggestion is only offered: the
parent confirms it before it is used.
"""

from __future__ import annotations

from typing import Final

import pymailcheck

#: Whole domains: an address at one of these is never questioned.
KNOWN_DOMAINS: Final = frozenset(pymailcheck.DOMAINS) | {
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "gmx.com",
    "mail.com",
    "protonmail.com",
    "proton.me",
    "yahoo.com.mx",
    "hotmail.com.mx",
    "live.com.mx",
    "outlook.com.mx",
    "prodigy.net.mx",
    "hotmail.es",
    "outlook.es",
    "yahoo.es",
    "lausd.net",
}
#: Provider names, compared on their own ("gmial" → "gmail").
SECOND_LEVEL_DOMAINS: Final = frozenset(
    {"gmail", "yahoo", "hotmail", "outlook", "live", "gmx", "icloud", "aol", "mail", "proton"}
)
#: Endings, compared on their own ("con" → "com").
TOP_LEVEL_DOMAINS: Final = frozenset(pymailcheck.TOP_LEVEL_DOMAINS) | {"com.mx", "net.mx", "mx", "hu", "ie"}


def suggested_email(address: str) -> str | None:
    """`address` with its domain corrected when it looks like a typo of a common one, else None."""
    if address.count("@") != 1:
        return None
    local, domain = address.rsplit("@", 1)
    if not local or domain.lower() in KNOWN_DOMAINS:
        return None
    suggestion = pymailcheck.suggest(
        address,
        domains=KNOWN_DOMAINS,
        second_level_domains=SECOND_LEVEL_DOMAINS,
        top_level_domains=TOP_LEVEL_DOMAINS,
    )
    if not suggestion:
        return None
    corrected = f"{local}@{suggestion['domain']}"
    return None if corrected.lower() == address.lower() else corrected
