"""Short, masked excerpts of what a parent wrote, for staff (help-desk ticket summaries, logs).

The patterns themselves live in bot.rules.pii (emails, confirmation numbers, phone numbers, dates,
4-8 digit codes, long numbers); this module is the one place that decides how text is shortened
*after* masking, so that a cut never leaves half an email or a phone number readable.
"""

from __future__ import annotations

from bot.rules import pii

ELLIPSIS = "…"


def mask_personal_data(text: str) -> str:
    """`text` with emails, phone numbers, dates, confirmation numbers and codes replaced by placeholders."""
    return pii.mask_personal_data(text, confirmation_numbers=True)


def masked_excerpt(text: str, limit: int) -> str:
    """`text` on one line, masked, then cut at a word to at most `limit` characters (with "…")."""
    masked = mask_personal_data(" ".join(text.split()))
    if len(masked) <= limit:
        return masked
    cut = masked[: max(limit - len(ELLIPSIS), 0)]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + ELLIPSIS
